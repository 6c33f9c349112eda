import { BadRequestException, CanActivate, ExecutionContext, Injectable, mixin, Type } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

/**
 * Validates the body before later guards run. Guards run before pipes, so without
 * this a Passport guard (login) would see unvalidated input and answer 401 to
 * what is really a malformed request.
 */
export function ValidateBody(dto: Type<object>): Type<CanActivate> {
  @Injectable()
  class ValidateBodyGuard implements CanActivate {
    async canActivate(context: ExecutionContext): Promise<boolean> {
      const body = context.switchToHttp().getRequest<{ body?: unknown }>().body ?? {};
      if (typeof body !== 'object' || Array.isArray(body)) throw new BadRequestException(['body must be a JSON object']);
      const errors = await validate(plainToInstance(dto, body), { whitelist: true, forbidNonWhitelisted: true });
      if (errors.length > 0) {
        throw new BadRequestException(errors.flatMap((e) => Object.values(e.constraints ?? { [e.property]: `${e.property} is invalid` })));
      }
      return true;
    }
  }
  return mixin(ValidateBodyGuard);
}
