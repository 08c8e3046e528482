import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';
import { contentHash } from '../text/index.js';
import type { Paper } from '../types.js';
import { isSameRecord, mergePapers } from './merge.js';
import { type IncomingPaper, StagedPapers } from './staged-papers.js';

/** Shorter abstracts ("Not available.") are too generic to identify a paper. */
const MIN_FINGERPRINT_CHARS = 200;
/** Records staged before one batched store write. */
const FLUSH_EVERY = 500;
/** Papers whose stored matches are read in one round; between rounds other work (the next request) gets a turn. */
const READ_AHEAD = 200;

export interface IngestSummary {
  added: number;
  merged: number;
  unchanged: number;
  /** Store ids of every paper touched, in input order. */
  ids: string[];
}

export interface IngestOptions {
  now: Date;
  logger: Logger;
}

/**
 * Stores papers one record per work: each is matched by PMID, DOI, PMCID, then normalized title +
 * first author (and by its abstract, for copies that carry no identifier) and merged into the
 * stored record, or added with `ingestedAt = now`. Re-ingesting the same records changes
 * nothing. Papers are matched in order against the store and the batch staged so far (so
 * duplicates inside one batch merge), and written in batches.
 */
export async function ingestPapers(
  store: Store,
  papers: Paper[],
  { now, logger }: IngestOptions,
): Promise<IngestSummary> {
  const batch = new StagedPapers(store);
  const summary: IngestSummary = { added: 0, merged: 0, unchanged: 0, ids: [] };
  for (let start = 0; start < papers.length; start += READ_AHEAD) {
    const round: IncomingPaper[] = papers
      .slice(start, start + READ_AHEAD)
      .map((paper) => ({ paper, fingerprint: abstractFingerprint(paper) }));
    await batch.readAhead(round);
    for (const { paper: incoming, fingerprint } of round) {
      const existingId =
        (await batch.findId(incoming)) ?? (fingerprint ? await batch.byAbstract(fingerprint) : undefined);
      const candidate = existingId ? await batch.get(existingId) : undefined;
      const stored = candidate && !isDifferentWork(candidate, incoming) ? candidate : undefined;
      let record: Paper;
      if (stored) {
        record = mergePapers(stored, incoming);
        if (isSameRecord(record, stored)) {
          summary.unchanged++;
          summary.ids.push(stored.id);
          continue;
        }
        summary.merged++;
      } else {
        record = { ...incoming, ingestedAt: now.toISOString() };
        summary.added++;
      }
      batch.stage(await linkPreprint(batch, record), fingerprint);
      summary.ids.push(record.id);
    }
    if (batch.size >= FLUSH_EVERY) await batch.flush();
  }
  await batch.flush();
  logger.debug(
    { added: summary.added, merged: summary.merged, unchanged: summary.unchanged },
    'papers ingested',
  );
  return summary;
}

/**
 * A preprint names its journal version's DOI; whichever of the two arrives second makes the
 * link, on both records, so the digest can show the published one.
 */
async function linkPreprint(batch: StagedPapers, paper: Paper): Promise<Paper> {
  if (paper.isPreprint) {
    const publishedDoi = paper.notices.find(
      (notice) => notice.kind === 'published-version' && notice.doi,
    )?.doi;
    if (!publishedDoi || paper.publishedVersionId) return paper;
    await batch.notePreprint(publishedDoi, paper.id);
    const journalId = await batch.findId({ ...paper, pmid: undefined, doi: publishedDoi, title: '' });
    const journal = journalId ? await batch.get(journalId) : undefined;
    if (!journal || journal.id === paper.id) return paper;
    if (!journal.preprintId) batch.stage({ ...journal, preprintId: paper.id });
    return { ...paper, publishedVersionId: journal.id };
  }
  if (!paper.doi || paper.preprintId) return paper;
  const preprintId = await batch.preprintFor(paper.doi);
  const preprint = preprintId ? await batch.get(preprintId) : undefined;
  if (!preprint || preprint.id === paper.id) return paper;
  if (!preprint.publishedVersionId) batch.stage({ ...preprint, publishedVersionId: paper.id });
  return { ...paper, preprintId: preprint.id };
}

/**
 * Two records whose PMIDs or DOIs differ are different works even when title and first
 * author match: typically a preprint and its journal version, which are linked, not merged.
 */
function isDifferentWork(stored: Paper, incoming: Paper): boolean {
  if (stored.pmid && incoming.pmid && stored.pmid !== incoming.pmid) return true;
  if (stored.pmcid && incoming.pmcid && stored.pmcid.toUpperCase() !== incoming.pmcid.toUpperCase())
    return true;
  return Boolean(stored.doi && incoming.doi && stored.doi.toLowerCase() !== incoming.doi.toLowerCase());
}

/** Case-, punctuation- and markup-insensitive identity of an abstract's text. */
function abstractFingerprint(paper: Paper): string | undefined {
  const text = paper.abstract
    .map((section) => section.text)
    .join(' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return text.length >= MIN_FINGERPRINT_CHARS ? `a:${contentHash(text)}` : undefined;
}
