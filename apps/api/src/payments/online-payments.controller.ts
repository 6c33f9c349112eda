import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { IsIn, IsInt, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { MAX_AMOUNT_VND } from '@motcua/catalogue';
import { Public } from '../common/auth.decorators';
import { IsInstant } from '../common/input.decorators';
import { OnlinePaymentsService } from './online-payments.service';

export class PaymentNotificationDto {
  @ApiProperty({ description: 'Our payment request id, as given to the platform' })
  @IsUUID()
  requestId!: string;

  @ApiProperty({ description: "The platform's transaction id" })
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/, { message: 'transactionId must be 1–100 letters, digits or . _ : -' })
  transactionId!: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_AMOUNT_VND)
  amountVnd!: number;

  @ApiProperty({ example: '2026-03-03T09:15:00+07:00' })
  @IsInstant()
  paidAt!: string;

  @ApiProperty({ enum: [1, 2], description: 'DuocThanhToanTrucTuyen: 1 DVCQG payment platform, 2 the province\'s or ministry\'s' })
  @IsIn([1, 2])
  channelCode!: number;

  @ApiProperty({ description: 'HMAC-SHA256 (hex) of requestId|transactionId|amountVnd|paidAt|channelCode with the shared secret' })
  @IsString()
  @Length(1, 128)
  signature!: string;
}

export class PaymentRequestDto {
  @ApiProperty()
  @IsString()
  @Length(1, 128)
  secret!: string;
}

/** The payment platform's notifications: no login, the HMAC signature with the shared secret is the credential. */
@ApiTags('payments')
@Controller('payments')
export class PaymentNotificationsController {
  constructor(private readonly payments: OnlinePaymentsService) {}

  @Post('notifications')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ description: '{ applied: true } the first time, { applied: false } for a transaction delivered before' })
  @ApiUnauthorizedResponse({ description: 'PAYMENT_SIGNATURE_INVALID' })
  notify(@Body() dto: PaymentNotificationDto) {
    const { signature, ...fields } = dto;
    return this.payments.notify(fields, signature);
  }
}

/** The citizen asks to pay online with the dossier's code and secret (rate-limited, as the lookup). */
@ApiTags('public')
@Controller('public/dossiers')
@Public()
@UseGuards(ThrottlerGuard)
@SkipThrottle({ login: true })
export class PublicPaymentsController {
  constructor(private readonly payments: OnlinePaymentsService) {}

  @Post(':code/payment-request')
  @HttpCode(200)
  request(@Param('code') code: string, @Body() dto: PaymentRequestDto) {
    return this.payments.request(code, dto.secret);
  }
}
