import { verifySlackRequest } from '@slack/bolt';

/** Slack refuses to be replayed after five minutes, and so does the app. */
export const REPLAY_WINDOW_SECONDS = 5 * 60;

const TIMESTAMP = /^\d{1,12}$/;

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/**
 * Slack's v0 request signature, checked by Bolt's own `verifySlackRequest` (the same check its
 * receivers run). Bolt refuses stale timestamps but lets future ones through; Slack's rule is
 * "within five minutes of now" either way, so those are refused here first.
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
  if (Number(timestamp) - request.nowMs / 1000 > REPLAY_WINDOW_SECONDS) {
    return { ok: false, reason: 'x-slack-request-timestamp is more than five minutes in the future' };
  }
  if (typeof signature !== 'string') return { ok: false, reason: 'missing x-slack-signature' };
  try {
    verifySlackRequest({
      signingSecret: request.signingSecret,
      body: request.body.toString('utf8'),
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(timestamp) },
      nowMilliseconds: request.nowMs,
    });
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
