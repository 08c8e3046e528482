import type { DigestItem, ItemSummary, Paper } from '../types.js';
import { labelsOf } from './labels.js';
import { paperUrl } from './links.js';

/** A digest item for a stored paper: title, links and ids from stored metadata, never from a summary. */
export function digestItemOf(paper: Paper, summary: ItemSummary, score: number): DigestItem {
  return {
    paperId: paper.id,
    title: paper.title,
    url: paperUrl(paper),
    pmid: paper.pmid,
    doi: paper.doi,
    journal: paper.journal,
    // The date as the journal prints it ("2021 Mar") when the source gave one.
    publishedDate: paper.publishedDateText ?? paper.publishedDate,
    summary,
    labels: labelsOf(paper),
    score,
  };
}
