import type { Citation, Paper } from '../types.js';

/**
 * A citation built only from stored metadata: the title, ids and link are the store's, never
 * the model's. The basis says what the quote was checked against: the full text when the store
 * has it, otherwise the abstract alone.
 */
export function citationFor(paper: Paper, quote: string): Citation {
  return {
    paperId: paper.id,
    title: paper.title,
    url: paperUrl(paper),
    pmid: paper.pmid,
    doi: paper.doi,
    quote,
    basis: paper.fullText ? 'full text' : 'abstract',
  };
}

/** PubMed for a PMID, doi.org for a DOI, else the stored http(s) URL. */
export function paperUrl(paper: Paper): string | undefined {
  if (paper.pmid && /^\d+$/.test(paper.pmid)) return `https://pubmed.ncbi.nlm.nih.gov/${paper.pmid}/`;
  if (paper.doi) return `https://doi.org/${encodeURI(paper.doi)}`;
  if (paper.url && /^https?:\/\//i.test(paper.url) && URL.canParse(paper.url)) return paper.url;
  return undefined;
}
