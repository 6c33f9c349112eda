import { randomUUID } from 'node:crypto';
import { Body, Controller, Injectable, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_AMOUNT_VND } from '@motcua/catalogue';
import { instantOf, IsInstant } from '../common/input.decorators';
import { isUniqueViolation, UnitOfWork } from '@motcua/persistence';
import { AuthUser, CurrentUser, Roles } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { AppError, BadInputError, NotFoundError } from '../common/errors';
import { DossierEntity } from '../dossiers/dossier.entity';
import { DossierPaymentEntity, PaymentMethod } from './dossier-payment.entity';
import { PortalRecords } from '../portal-records/portal-records.service';

export class RecordPaymentDto {
  @ApiProperty({ enum: ['counter', 'national_portal', 'provincial_portal'] })
  @IsIn(['counter', 'national_portal', 'provincial_portal'])
  method!: Exclude<PaymentMethod, 'online_unspecified'>;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_VND)
  amountVnd?: number;

  @ApiPropertyOptional({ example: '2026-02-12T09:00:00+07:00' })
  @IsOptional()
  @IsInstant()
  paidAt?: string;

  @ApiPropertyOptional({ description: 'Receipt or transaction number' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  reference?: string;
}

export class AlreadyPaidError extends AppError {
  readonly status = 409;
  readonly code = 'ALREADY_PAID';
}

export class NoFeeError extends AppError {
  readonly status = 422;
  readonly code = 'NO_FEE';
}

/** Records how a dossier's fee was paid (indicator 3.6), once, in one transaction with the dossier's copy of the method. */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly time: Clock,
    private readonly records: PortalRecords,
  ) {}

  async record(user: AuthUser, dossierId: string, dto: RecordPaymentDto) {
    try {
      return await this.uow.run(async (m) => {
        const dossier = await m.findOne(DossierEntity, { where: { id: dossierId } });
        if (!dossier) throw new NotFoundError(`Dossier ${dossierId} not found`);
        if (!dossier.feeApplies) throw new NoFeeError("This dossier's procedure charges no fee");
        if (dossier.paymentMethod) throw new AlreadyPaidError('The payment of this dossier is already recorded');
        const now = this.time.now();
        const row: DossierPaymentEntity = {
          id: randomUUID(),
          dossierId,
          method: dto.method,
          amountVnd: dto.amountVnd ?? null,
          paidAt: dto.paidAt ? instantOf(dto.paidAt) : now,
          reference: dto.reference ?? null,
          recordedBy: user.id,
          recordedAt: now,
        };
        await m.insert(DossierPaymentEntity, row);
        await m.update(DossierEntity, { id: dossierId }, { paymentMethod: dto.method });
        // DuocThanhToanTrucTuyen and the fee list travel in the portal record (indicator 3.6).
        await this.records.refresh(m, dossierId);
        return { ...row, paidAt: row.paidAt.toISOString(), recordedAt: row.recordedAt.toISOString() };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AlreadyPaidError('The payment of this dossier is already recorded');
      throw error;
    }
  }
}

const uuid = new ParseUUIDPipe({ version: '4', exceptionFactory: () => new BadInputError('id must be a UUID') });

@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('dossiers')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Post(':id/payment')
  @Roles('clerk')
  record(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() dto: RecordPaymentDto) {
    return this.payments.record(user, id, dto);
  }
}
