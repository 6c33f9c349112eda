import { IdentityLoginEntity } from '../identity/identity-login.entity';
import { SavedFilterEntity } from '../saved-filters/saved-filter.entity';
import { DepartmentChangeEntity, DepartmentEntity } from '../catalogue/department.entity';
import { OnlineSubmissionEntity, OnlineSubmissionFileEntity } from '../online-submission/online-submission.entity';
import { ProcedureStepEntity } from '../catalogue/procedure-step.entity';
import { ProcedureVersionEntity } from '../catalogue/procedure-version.entity';
import { ProcedureEntity } from '../catalogue/procedure.entity';
import { DossierCodeSequenceEntity } from '../dossiers/dossier-code-sequence.entity';
import { DossierEventEntity } from '../dossiers/dossier-event.entity';
import { DossierEntity } from '../dossiers/dossier.entity';
import { IdempotencyKeyEntity } from '../dossiers/idempotency-key.entity';
import { UserChangeEntity, UserEntity } from '../users/user.entity';
import { DossierRatingEntity } from '../ratings/dossier-rating.entity';
import { DossierPaymentEntity } from '../payments/dossier-payment.entity';
import { DossierFileEntity } from '../files/dossier-file.entity';
import { DigitisationCodeSequenceEntity } from '../files/digitisation-codes';
import { CalendarChangeEntity, CalendarDayOverrideEntity, CalendarOfficialLoadEntity } from '../calendar/calendar-override.entity';
import { DeadlineNotificationEntity } from '../deadlines/deadline-notification.entity';
import { DossierPauseEntity } from '../dossiers/dossier-pause.entity';
import { DossierStepEntity } from '../dossiers/dossier-step.entity';
import { FeedbackEntity } from '../feedback/feedback.entity';
import { FeedbackEventEntity } from '../feedback/feedback-event.entity';
import { OUTBOX_ENTITIES } from '../outbox/outbox.entities';
import { PortalDeliveryEntity } from '../portal-records/portal-delivery.entity';
import { IndicatorRollupDayEntity, IndicatorRollupIrregularEntity, IndicatorRollupMonthEntity, IndicatorRollupStateEntity } from '../indicator-rollup/rollup.entities';
import { PortalRecordEntity } from '../portal-records/portal-record.entity';
import { MachineClientChangeEntity, MachineClientEntity } from '../machine-clients/machine-client.entity';
import { PortalInboundEntity } from '../portal-inbound/portal-inbound.entity';
import { PaymentRequestEntity } from '../payments/payment-request.entity';
import { ResultDownloadEntity } from '../files/result-download.entity';
import { PasswordResetLinkEntity } from '../users/password-reset-link.entity';

/** Every entity of the service: the migrations must create exactly these tables. */
export const ENTITIES = [
  DepartmentEntity,
  DepartmentChangeEntity,
  ProcedureEntity,
  ProcedureVersionEntity,
  ProcedureStepEntity,
  UserEntity,
  UserChangeEntity,
  DossierEntity,
  DossierEventEntity,
  DossierCodeSequenceEntity,
  IdempotencyKeyEntity,
  DossierPauseEntity,
  DossierStepEntity,
  DeadlineNotificationEntity,
  CalendarDayOverrideEntity,
  CalendarChangeEntity,
  CalendarOfficialLoadEntity,
  DossierFileEntity,
  DigitisationCodeSequenceEntity,
  DossierRatingEntity,
  DossierPaymentEntity,
  FeedbackEntity,
  FeedbackEventEntity,
  ...OUTBOX_ENTITIES,
  PortalRecordEntity,
  PortalDeliveryEntity,
  IndicatorRollupDayEntity,
  IndicatorRollupMonthEntity,
  IndicatorRollupIrregularEntity,
  IndicatorRollupStateEntity,
  MachineClientEntity,
  MachineClientChangeEntity,
  PortalInboundEntity,
  PaymentRequestEntity,
  ResultDownloadEntity,
  PasswordResetLinkEntity,
  SavedFilterEntity,
  OnlineSubmissionEntity,
  OnlineSubmissionFileEntity,
  IdentityLoginEntity,
];
