import * as http from 'node:http';
import * as https from 'node:https';
import { MINIO_RETRYABLE_STATUSES } from './minio-errors';

/** What minio-js calls to send a request (its `Transport` type, which the package does not export). */
export type MinioTransport = Pick<typeof http, 'request'>;

/**
 * An http(s) transport whose requests fail with `ETIMEDOUT` after `timeoutMs` without any socket
 * activity, including while connecting. minio-js has no timeout of its own, so a black-holed
 * server would otherwise hang each request for minutes (the OS TCP timeouts).
 *
 * It also discards the body of answers minio-js gives up on without reading (5xx and the like).
 *
 * The timer is an idle timer, not a deadline, so large transfers are fine. A response the
 * consumer is not reading (a slow browser download applying backpressure) is not the server's
 * fault: the timer is re-armed instead of aborting.
 */
export function timeoutTransport(useSSL: boolean, timeoutMs: number): MinioTransport {
  const base = useSSL ? https : http;
  const request = (options: http.RequestOptions, callback?: (response: http.IncomingMessage) => void): http.ClientRequest => {
    let response: http.IncomingMessage | undefined;
    const req = base.request({ ...options, timeout: timeoutMs }, (res) => {
      response = res;
      // minio-js throws on these statuses without reading the body (see MINIO_RETRYABLE_STATUSES);
      // unread, the response would pin its socket for as long as the server keeps it open.
      if (MINIO_RETRYABLE_STATUSES.has(res.statusCode ?? 0)) res.resume();
      callback?.(res);
    });
    req.on('timeout', () => {
      if (response && response.readableFlowing !== true && !response.destroyed) {
        req.setTimeout(timeoutMs);
        return;
      }
      const error = Object.assign(new Error(`No activity from the object storage server for ${timeoutMs} ms`), { code: 'ETIMEDOUT' });
      req.destroy(error);
    });
    return req;
  };
  return { request } as MinioTransport;
}
