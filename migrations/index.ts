import { CreateCoreTables1764115200000 } from './1764115200000-CreateCoreTables';
import { AddDeadlineClock1764201600000 } from './1764201600000-AddDeadlineClock';
import { AddCalendarOverrides1764288000000 } from './1764288000000-AddCalendarOverrides';
import { AddDossierFiles1764374400000 } from './1764374400000-AddDossierFiles';
import { AddRatingsPaymentsImport1764460800000 } from './1764460800000-AddRatingsPaymentsImport';
import { AddIndicatorFactsIndex1764547200000 } from './1764547200000-AddIndicatorFactsIndex';
import { AddFeedback1764633600000 } from './1764633600000-AddFeedback';
import { AddLongRunningFactsIndex1764720000000 } from './1764720000000-AddLongRunningFactsIndex';
import { AddOutbox1764806400000 } from './1764806400000-AddOutbox';
import { FractionalStepDays1764892800000 } from './1764892800000-FractionalStepDays';
import { AddPortalRecords1765152000000 } from './1765152000000-AddPortalRecords';
import { UniqueDigitisationCodes1765238400000 } from './1765238400000-UniqueDigitisationCodes';
import { AddApplicantNameSearch1765324800000 } from './1765324800000-AddApplicantNameSearch';
import { AddStaffTitles1765411200000 } from './1765411200000-AddStaffTitles';
import { AddIntakeRecord1765411201000 } from './1765411201000-AddIntakeRecord';
import { AddUserAdministration1765497600000 } from './1765497600000-AddUserAdministration';
import { AddFileRemoval1765497601000 } from './1765497601000-AddFileRemoval';
import { AddOnlineChannel1765670400000 } from './1765670400000-AddOnlineChannel';
import { AddPaymentRequests1765670401000 } from './1765670401000-AddPaymentRequests';
import { AddResultDownloads1765670402000 } from './1765670402000-AddResultDownloads';
import { AddSubmissionRef1765756800000 } from './1765756800000-AddSubmissionRef';
import { AddOfficialCalendarLoads1765843200000 } from './1765843200000-AddOfficialCalendarLoads';
import { AddOnlineSubmissions1765929600000 } from './1765929600000-AddOnlineSubmissions';
import { AddDossierAssignee1766016000000 } from './1766016000000-AddDossierAssignee';
import { AddSavedFilters1766016001000 } from './1766016001000-AddSavedFilters';
import { AddPasswordResetLinks1766102400000 } from './1766102400000-AddPasswordResetLinks';
import { AddAdminScreens1766188800000 } from './1766188800000-AddAdminScreens';
import { AddIdentitySignIn1766361600000 } from './1766361600000-AddIdentitySignIn';
import { AddIndicatorRollups1766448000000 } from './1766448000000-AddIndicatorRollups';

/** Ordered list of migrations, shared by both dialects. Never edit one that has shipped. */
export const MIGRATIONS = [
  CreateCoreTables1764115200000,
  AddDeadlineClock1764201600000,
  AddCalendarOverrides1764288000000,
  AddDossierFiles1764374400000,
  AddRatingsPaymentsImport1764460800000,
  AddIndicatorFactsIndex1764547200000,
  AddFeedback1764633600000,
  AddLongRunningFactsIndex1764720000000,
  AddOutbox1764806400000,
  FractionalStepDays1764892800000,
  AddPortalRecords1765152000000,
  UniqueDigitisationCodes1765238400000,
  AddApplicantNameSearch1765324800000,
  AddStaffTitles1765411200000,
  AddIntakeRecord1765411201000,
  AddUserAdministration1765497600000,
  AddFileRemoval1765497601000,
  AddOnlineChannel1765670400000,
  AddPaymentRequests1765670401000,
  AddResultDownloads1765670402000,
  AddSubmissionRef1765756800000,
  AddOfficialCalendarLoads1765843200000,
  AddOnlineSubmissions1765929600000,
  AddDossierAssignee1766016000000,
  AddSavedFilters1766016001000,
  AddPasswordResetLinks1766102400000,
  AddAdminScreens1766188800000,
  AddIdentitySignIn1766361600000,
  AddIndicatorRollups1766448000000,
];
