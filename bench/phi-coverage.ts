import type { PhiSpan } from '../src/privacy/index.js';

/** Share of a labelled value's letters and digits that must be redacted for it to count as caught. */
const COVERED = 0.8;

/** Caught when most of the value's letters and digits fall inside redacted spans. */
export function isCaught(text: string, start: number, end: number, spans: PhiSpan[]): boolean {
  let total = 0;
  let covered = 0;
  for (let i = start; i < end; i++) {
    if (!/[\p{L}\p{N}]/u.test(text[i] as string)) continue;
    total += 1;
    if (spans.some((s) => s.start <= i && i < s.end)) covered += 1;
  }
  return total === 0 || covered / total >= COVERED;
}
