import type { NotificationContent, RenderedNotification } from '../notification.types';
import { apologyNotification } from './apology';
import { receiptNotification } from './receipt';
import { resultReadyNotification } from './result-ready';
import { submissionReceivedNotification } from './submission-received';
import { supplementRequestNotification } from './supplement-request';

export { apologyNotification, receiptNotification, resultReadyNotification, submissionReceivedNotification, supplementRequestNotification };

/** Renders a stored notification; the switch is exhaustive over NotificationKind. */
export function renderNotification(n: NotificationContent): RenderedNotification {
  switch (n.template) {
    case 'receipt':
      return receiptNotification(n.data);
    case 'supplement_request':
      return supplementRequestNotification(n.data);
    case 'apology':
      return apologyNotification(n.data);
    case 'result_ready':
      return resultReadyNotification(n.data);
    case 'submission_received':
      return submissionReceivedNotification(n.data);
  }
}
