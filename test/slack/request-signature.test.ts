import { isValidSlackRequest } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { checkSlackSignature } from '../../src/slack/request-signature.js';
import { fixtureText, SIGNING_SECRET, sign } from './signed-request.js';

const NOW_MS = Date.UTC(2026, 10, 25, 14, 0, 0);
const NOW_S = NOW_MS / 1000;
const BODY = fixtureText('boltpy_slash_command_body.txt');

function check(body: string, timestamp: string, signature: string, secret = SIGNING_SECRET) {
  return checkSlackSignature({
    signingSecret: secret,
    body: Buffer.from(body),
    timestamp,
    signature,
    nowMs: NOW_MS,
  });
}

/** Bolt's own check on the same request, for the cases where both must agree. */
function bolt(body: string, timestamp: string, signature: string) {
  return isValidSlackRequest({
    signingSecret: SIGNING_SECRET,
    body,
    headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(timestamp) },
    nowMilliseconds: NOW_MS,
  });
}

describe('checkSlackSignature (Bolt’s verifySlackRequest plus the future bound)', () => {
  it('accepts a real slash command body signed with the app secret, as Bolt does', () => {
    const ts = String(NOW_S - 10);
    expect(check(BODY, ts, sign(BODY, Number(ts)))).toEqual({ ok: true });
    expect(bolt(BODY, ts, sign(BODY, Number(ts)))).toBe(true);
  });

  it.each([
    [
      'a body changed after signing',
      `${BODY}&text=injected`,
      String(NOW_S),
      sign(BODY, NOW_S),
      'signature mismatch',
    ],
    [
      'another secret',
      BODY,
      String(NOW_S),
      sign(BODY, NOW_S, 'ffffffffffffffffffffffffffffffff'),
      'signature mismatch',
    ],
    ['a request six minutes old', BODY, String(NOW_S - 360), sign(BODY, NOW_S - 360), 'stale'],
    ['a signature for another timestamp', BODY, String(NOW_S), sign(BODY, NOW_S - 1), 'signature mismatch'],
    [
      'an unknown signature version',
      BODY,
      String(NOW_S),
      sign(BODY, NOW_S).replace('v0=', 'v1='),
      'unknown signature version',
    ],
    ['a truncated signature', BODY, String(NOW_S), sign(BODY, NOW_S).slice(0, 40), 'signature mismatch'],
  ])('refuses %s, as Bolt does', (_case, body, timestamp, signature, reason) => {
    const result = check(body, timestamp, signature);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
    expect(bolt(body, timestamp, signature)).toBe(false);
  });

  it('refuses a timestamp more than five minutes in the future, which Bolt lets through', () => {
    const ts = NOW_S + 360;
    expect(check(BODY, String(ts), sign(BODY, ts))).toMatchObject({ ok: false });
  });

  it('refuses missing or non-numeric headers', () => {
    expect(check(BODY, '', sign(BODY, NOW_S)).ok).toBe(false);
    expect(check(BODY, '1.5e9', sign(BODY, NOW_S)).ok).toBe(false);
    expect(
      checkSlackSignature({
        signingSecret: SIGNING_SECRET,
        body: Buffer.from(BODY),
        timestamp: String(NOW_S),
        signature: undefined,
        nowMs: NOW_MS,
      }).ok,
    ).toBe(false);
  });
});
