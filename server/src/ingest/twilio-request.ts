/**
 * A Twilio webhook as it reached us: its parameters, checked against X-Twilio-Signature over the URL Twilio
 * called — PUBLIC_URL + path (behind a TLS-terminating proxy the URL this process sees is not the one Twilio
 * signed) — and against the channel's account. Shared by the messaging and the voice webhooks.
 */
import type { Request } from 'express';
import type { VerifyResult } from '../../../channels/core/index.js';
import { verifyTwilioSignature, type TwilioParams } from '../../../channels/twilio-sms/index.js';

export type SignedTwilioRequest = { ok: true; params: TwilioParams } | { ok: false; reason: string; url: string };

export function readSignedTwilioRequest(req: Request, publicUrl: string | null | undefined, authToken: string, belongs: (params: TwilioParams) => VerifyResult): SignedTwilioRequest {
  const params = (req.body && typeof req.body === 'object' ? req.body : {}) as TwilioParams;
  const url = `${(publicUrl ?? `${req.protocol}://${req.get('host')}`).replace(/\/+$/, '')}${req.originalUrl}`;
  const failed = [belongs(params), verifyTwilioSignature(req.get('x-twilio-signature'), url, params, authToken)].find((c) => !c.ok);
  return failed && !failed.ok ? { ok: false, reason: failed.reason, url } : { ok: true, params };
}
