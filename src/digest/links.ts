import type { Paper } from '../types.js';

/** Links are built by code from stored identifiers, never copied from feed or model text. */
export function pubmedUrl(pmid: string): string {
  return `https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(pmid)}/`;
}

export function doiUrl(doi: string): string {
  return `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;
}

/** PubMed first, then the DOI resolver, then the http(s) URL the source gave. */
export function paperUrl(paper: Pick<Paper, 'pmid' | 'doi' | 'url'>): string | undefined {
  if (paper.pmid) return pubmedUrl(paper.pmid);
  if (paper.doi) return doiUrl(paper.doi);
  return paper.url && /^https?:\/\//i.test(paper.url) ? paper.url : undefined;
}
