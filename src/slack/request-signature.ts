import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack refuses to be replayed after five minutes, and so does the app. */
export const REPLAY_WINDOW_SECONDS = 5 * 60;

const SIGNATURE = /^v0=([0-9a-f]{64})$/;
const TIMESTAMP = /^\d{1,12}$/;

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/**
 * Slack's v0 request signature: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>` under
 * the app's signing secret, the timestamp within five minutes of now either way.
 * https://api.slack.com/authentication/verifying-requests-from-slack
 */
export function checkSlackSignature(request: {
  signingSecret: string;
  body: Buffer;
  timestamp: string | string[] | undefined;
  signature: string | string[] | undefined;
  nowMs: number;
}): SignatureCheck {
  const { timestamp, signature } = request;
  if (typeof timestamp !== 'string' || !TIMESTAMP.test(timestamp)) {
    return { ok: false, reason: 'missing or malformed x-slack-request-timestamp' };
  }
  if (Math.abs(request.nowMs / 1000 - Number(timestamp)) > REPLAY_WINDOW_SECONDS) {
    return { ok: false, reason: 'x-slack-request-timestamp is more than five minutes from now' };
  }
  const given = typeof signature === 'string' ? SIGNATURE.exec(signature)?.[1] : undefined;
  if (!given) return { ok: false, reason: 'missing or malformed x-slack-signature' };
  const expected = createHmac('sha256', request.signingSecret)
    .update(`v0:${timestamp}:`)
    .update(request.body)
    .digest();
  if (!timingSafeEqual(expected, Buffer.from(given, 'hex')))
    return { ok: false, reason: 'signature mismatch' };
  return { ok: true };
}
