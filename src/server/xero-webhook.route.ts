import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';
import { parseWebhookPayload } from '../sync/inbound/webhook-intake.js';
import { verifyXeroSignature } from '../sync/inbound/webhook-signature.js';
import type { SyncServices } from '../sync/sync-services.js';
import { BodyTooLargeError, readBody } from './http-io.js';

/**
 * `POST /webhooks/xero`: verifies `x-xero-signature` on the raw bytes, answers at once (Xero wants a
 * reply within 5 s: 200 with an empty body when signed right, 401 otherwise, which is also what its
 * intent-to-receive check probes), then queues a fetch of each named record.
 */
export function createXeroWebhookHandler(sync: SyncServices | undefined, limitBytes: number, logger: Logger) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const key = sync?.xero.settings.webhookKey;
    if (request.method !== 'POST' || !sync || !key) {
      response.writeHead(request.method !== 'POST' ? 405 : 404).end();
      return;
    }
    let raw: Buffer;
    try {
      raw = await readBody(request, limitBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError)
        return void response.writeHead(413, { connection: 'close' }).end();
      throw error;
    }
    const signature = request.headers['x-xero-signature'];
    if (!verifyXeroSignature(raw, Array.isArray(signature) ? signature[0] : signature, key)) {
      logger.warn('webhook refused: bad signature');
      return void response.writeHead(401).end();
    }
    const events = parseWebhookPayload(raw);
    response.writeHead(200).end();
    if (events?.length) sync.webhooks.enqueue(events);
  };
}
