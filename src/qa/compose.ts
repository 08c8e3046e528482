import { normalizeForMatch } from '../text/index.js';
import type { Citation } from '../types.js';
import { citationFor } from './citations.js';
import type { AskedPart } from './understand.js';
import type { VerifiedSentence } from './verify.js';

/**
 * Numbers the sources of verified sentences ("[1]", "[2]") in order of first use, one number
 * per distinct paper and quote, and appends the markers to each sentence.
 */
export function composeAnswer(sentences: VerifiedSentence[]): { text: string; citations: Citation[] } {
  const citations: Citation[] = [];
  const numberOf = new Map<string, number>();
  const parts = sentences.map((sentence) => {
    const markers = sentence.sources.map(({ paper, quote, section }) => {
      const key = `${paper.id}\u0000${normalizeForMatch(quote)}`;
      let n = numberOf.get(key);
      if (n === undefined) {
        citations.push(citationFor(paper, quote, section));
        n = citations.length;
        numberOf.set(key, n);
      }
      return n;
    });
    const unique = [...new Set(markers)].sort((a, b) => a - b);
    return `${sentence.text} ${unique.map((n) => `[${n}]`).join('')}`;
  });
  return { text: parts.join(' '), citations };
}

/** The longest part of a question the answer repeats when it says the papers do not report it. */
const MAX_PART_SHOWN = 100;

/** "how many litres did they drink": a part no quoted sentence answers is named, not skipped. */
export function notReported(parts: AskedPart[]): string {
  if (parts.length === 0) return '';
  const shown = parts.map((part) => {
    const text = part.text.trim().replace(/[?.!\s]+$/, '');
    return `“${text.length > MAX_PART_SHOWN ? `${text.slice(0, MAX_PART_SHOWN - 1)}…` : text}”`;
  });
  return ` Not reported in the papers I have: ${shown.join('; ')}.`;
}
