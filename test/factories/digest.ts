import type { DigestItem, ItemSummary, Paper } from '../../src/types.js';

/** An extractive summary with nothing in it; tests set what they are about. */
export function createSummary(overrides: Partial<ItemSummary> = {}): ItemSummary {
  return {
    headline: '',
    takeaway: '',
    studyType: 'other',
    evidence: 'low',
    keyNumbers: [],
    limitations: [],
    quotes: [],
    source: 'extractive',
    ...overrides,
  };
}

/** A digest item for `paper`, carrying the paper's own title and identifiers as the builder does. */
export function createDigestItem(paper: Paper, overrides: Partial<DigestItem> = {}): DigestItem {
  return {
    paperId: paper.id,
    title: paper.title,
    pmid: paper.pmid,
    doi: paper.doi,
    summary: createSummary(),
    labels: [],
    score: 1,
    ...overrides,
  };
}
