import { AppError } from '../common/errors';

/**
 * A dossier typed at the counter is direct or postal. "Online" is what the online channel itself
 * records (the national portal's inbound endpoint): letting the counter type it would inflate
 * indicator 3.3 (DOMAIN.md §1.4) with dossiers nobody submitted online (issue #16).
 */
export class OnlineChannelAtCounterError extends AppError {
  readonly status = 422;
  readonly code = 'ONLINE_CHANNEL_NOT_AT_COUNTER';
}

export function assertCounterChannel(channel: string): void {
  if (channel === 'online') {
    throw new OnlineChannelAtCounterError('A dossier received at the counter is direct or postal; online dossiers come only through the online channel', { channel });
  }
}
