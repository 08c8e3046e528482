import type { Paper } from '../types.js';

/**
 * A paper's full text as one string: its open-access sections (JATS) when the store has them,
 * otherwise the text of an ingested article page or file. Quotes are checked against it.
 */
export function fullTextOf(paper: Pick<Paper, 'fullText' | 'fullTextSections'>): string | undefined {
  if (paper.fullTextSections && paper.fullTextSections.length > 0) {
    return paper.fullTextSections.map((section) => section.text).join('\n\n');
  }
  return paper.fullText;
}
