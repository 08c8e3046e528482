import { normalizeForMatch } from '../text/index.js';
import type { Citation } from '../types.js';
import { citationFor } from './citations.js';
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
