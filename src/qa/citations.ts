import { paperUrl } from '../digest/links.js';
import { fullTextOf } from '../text/index.js';
import type { Citation, Paper } from '../types.js';

/**
 * A citation built only from stored metadata: the title, ids and link are the store's, never
 * the model's. The basis says what the quote was checked against: the full text when the store
 * has it, otherwise the abstract alone; the section says where in the paper the quote stands.
 */
export function citationFor(paper: Paper, quote: string, section?: string): Citation {
  return {
    paperId: paper.id,
    title: paper.title,
    url: paperUrl(paper),
    pmid: paper.pmid,
    doi: paper.doi,
    quote,
    ...(section ? { section } : {}),
    basis: fullTextOf(paper) ? 'full text' : 'abstract',
  };
}
