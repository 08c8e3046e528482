import type { Digest } from '../types.js';

/**
 * The stored digest with a paper marked retracted (pure): the item carries the `retracted`
 * label, which every renderer shows first, and its headline says so, so a later look at the
 * digest (Q&A, `/lit digest`) cannot present the summary as standing evidence.
 */
export function markRetracted(digest: Digest, paperId: string): Digest {
  return {
    ...digest,
    items: digest.items.map((item) => {
      if (item.paperId !== paperId || item.labels.includes('retracted')) return item;
      return {
        ...item,
        labels: ['retracted', ...item.labels],
        summary: { ...item.summary, headline: `RETRACTED: ${item.summary.headline}` },
      };
    }),
  };
}
