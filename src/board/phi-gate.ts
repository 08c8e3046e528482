import { redactPhi } from '../privacy/index.js';

/** Longer than this is a note, not an agenda line, and more likely to carry identifiers. */
export const MAX_CASE_LINE_CHARS = 300;

export type ScreenedLine = { ok: true; text: string } | { ok: false; reason: string };

/**
 * The PHI guard for board case lines, run before a line is stored or sent anywhere. A case
 * line has no reason to carry an identifier, so any line the guard would redact is refused
 * whole (with the kinds found) rather than stored in a redacted form the team did not write.
 */
export function screenCaseLine(line: string): ScreenedLine {
  const text = line.replace(/\s+/g, ' ').trim();
  if (text.length === 0) return { ok: false, reason: 'the line is empty' };
  if (text.length > MAX_CASE_LINE_CHARS) {
    return {
      ok: false,
      reason: `a case line is at most ${MAX_CASE_LINE_CHARS} characters (this one has ${text.length})`,
    };
  }
  const { redactions } = redactPhi(text);
  if (redactions.length > 0) {
    return {
      ok: false,
      reason: `it looks identifying (${redactions.join(', ')}); describe the case without identifiers`,
    };
  }
  return { ok: true, text };
}
