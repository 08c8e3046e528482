import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';
import { contentHash, dedupeKeys } from '../text/index.js';
import type { Paper } from '../types.js';
import { isSameRecord, mergePapers } from './merge.js';

/** Abstract fingerprint → paper id: finds a copy of the same text that arrived without any identifier. */
const ABSTRACT_INDEX = 'paper-abstract-idx';
/** Published-version DOI → preprint id: links a journal paper to the preprint announced before it. */
const PREPRINT_INDEX = 'preprint-by-published-doi';
/** Shorter abstracts ("Not available.") are too generic to identify a paper. */
const MIN_FINGERPRINT_CHARS = 200;
/** Records staged before one batched store write. */
const FLUSH_EVERY = 500;

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
 * Stores papers one record per work: each is matched by PMID, DOI, then normalized title +
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
  for (const incoming of papers) {
    const fingerprint = abstractFingerprint(incoming);
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
    if (batch.size >= FLUSH_EVERY) await batch.flush();
  }
  await batch.flush();
  logger.debug(
    { added: summary.added, merged: summary.merged, unchanged: summary.unchanged },
    'papers ingested',
  );
  return summary;
}

/** Records waiting for one batched write, looked up before the store so a batch sees itself. */
class StagedPapers {
  private readonly records = new Map<string, Paper>();
  private readonly idByKey = new Map<string, string>();
  private readonly abstracts = new Map<string, string>();

  constructor(readonly store: Store) {}

  get size(): number {
    return this.records.size;
  }

  /** PMID first, then DOI, then title key: the staged batch wins over the store for each key. */
  async findId(paper: Paper): Promise<string | undefined> {
    const keys = dedupeKeys(paper);
    const lookups: Array<[string, () => Promise<string | undefined>]> = [];
    if (keys.pmid) lookups.push([`pmid:${keys.pmid}`, () => this.store.papers.findId({ pmid: keys.pmid })]);
    if (keys.doi) lookups.push([`doi:${keys.doi}`, () => this.store.papers.findId({ doi: keys.doi })]);
    if (keys.titleKey)
      lookups.push([`title:${keys.titleKey}`, () => this.store.papers.findId({ titleKey: keys.titleKey })]);
    for (const [key, lookup] of lookups) {
      const id = this.idByKey.get(key) ?? (await lookup());
      if (id) return id;
    }
    return undefined;
  }

  async byAbstract(fingerprint: string): Promise<string | undefined> {
    return (
      this.abstracts.get(fingerprint) ?? (await this.store.namespace<string>(ABSTRACT_INDEX).get(fingerprint))
    );
  }

  async get(id: string): Promise<Paper | undefined> {
    return this.records.get(id) ?? (await this.store.papers.get(id));
  }

  stage(paper: Paper, fingerprint?: string): void {
    this.records.set(paper.id, paper);
    const keys = dedupeKeys(paper);
    if (keys.pmid) this.idByKey.set(`pmid:${keys.pmid}`, paper.id);
    if (keys.doi) this.idByKey.set(`doi:${keys.doi}`, paper.id);
    if (keys.titleKey) this.idByKey.set(`title:${keys.titleKey}`, paper.id);
    if (fingerprint) this.abstracts.set(fingerprint, paper.id);
  }

  async flush(): Promise<void> {
    if (this.records.size === 0) return;
    await this.store.papers.putMany(
      [...this.records.values()].map((paper) => ({ paper, keys: dedupeKeys(paper) })),
    );
    const index = this.store.namespace<string>(ABSTRACT_INDEX);
    for (const [fingerprint, id] of this.abstracts) await index.set(fingerprint, id);
    this.records.clear();
    this.idByKey.clear();
    this.abstracts.clear();
  }
}

/**
 * A preprint names its journal version's DOI; whichever of the two arrives second makes the
 * link, on both records, so the digest can show the published one.
 */
async function linkPreprint(batch: StagedPapers, paper: Paper): Promise<Paper> {
  const preprintsByDoi = batch.store.namespace<string>(PREPRINT_INDEX);
  if (paper.isPreprint) {
    const publishedDoi = paper.notices.find(
      (notice) => notice.kind === 'published-version' && notice.doi,
    )?.doi;
    if (!publishedDoi || paper.publishedVersionId) return paper;
    await preprintsByDoi.set(publishedDoi, paper.id);
    const journalId = await batch.findId({ ...paper, pmid: undefined, doi: publishedDoi, title: '' });
    const journal = journalId ? await batch.get(journalId) : undefined;
    if (!journal || journal.id === paper.id) return paper;
    if (!journal.preprintId) batch.stage({ ...journal, preprintId: paper.id });
    return { ...paper, publishedVersionId: journal.id };
  }
  if (!paper.doi || paper.preprintId) return paper;
  const preprintId = await preprintsByDoi.get(paper.doi);
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
