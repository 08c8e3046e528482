import type { PaperKeys, Store } from '../store/index.js';
import { dedupeKeys } from '../text/index.js';
import type { Paper } from '../types.js';

/** Abstract fingerprint → paper id: finds a copy of the same text that arrived without any identifier. */
const ABSTRACT_INDEX = 'paper-abstract-idx';
/** Published-version DOI → preprint id: links a journal paper to the preprint announced before it. */
const PREPRINT_INDEX = 'preprint-by-published-doi';

export interface IncomingPaper {
  paper: Paper;
  /** Identity of its abstract text, when long enough to identify the paper. */
  fingerprint?: string;
}

/**
 * What one ingest matches papers against: the store's answers, read ahead for many papers at
 * once (one read per index instead of several per paper), overlaid by the records matched so
 * far, which wait here for one batched write. A batch sees itself, so duplicates inside it
 * merge. The overlay is only as fresh as its reads, like any read-then-write: callers that may
 * ingest the same paper at once serialise their ingests (ingestFeeds does). It is dropped at
 * every flush, so memory stays bounded by one batch.
 */
export class StagedPapers {
  /** Index key ("pmid:…", "doi:…", "title:…") → paper id; a key mapped to undefined is known to be absent. */
  private readonly ids = new Map<string, string | undefined>();
  private readonly records = new Map<string, Paper | undefined>();
  private readonly abstracts = new Map<string, string | undefined>();
  private readonly preprints = new Map<string, string | undefined>();
  private readonly pending = new Set<string>();
  private readonly pendingAbstracts = new Set<string>();

  constructor(readonly store: Store) {}

  /** Records waiting for the next flush. */
  get size(): number {
    return this.pending.size;
  }

  /** Reads everything these papers will be matched against that is not known yet. */
  async readAhead(incoming: IncomingPaper[]): Promise<void> {
    const lookups = [
      ...new Map(
        incoming.flatMap(({ paper }) => lookupsOf(paper)).map((lookup) => [lookup.key, lookup]),
      ).values(),
    ].filter(({ key }) => !this.ids.has(key));
    const fingerprints = unknown(
      incoming.map(({ fingerprint }) => fingerprint),
      this.abstracts,
    );
    const dois = unknown(
      incoming.map(({ paper }) => (paper.isPreprint ? undefined : paper.doi)),
      this.preprints,
    );
    const [ids, abstractIds, preprintIds] = await Promise.all([
      this.store.papers.findIds(lookups.map(({ query }) => query)),
      this.store.namespace<string>(ABSTRACT_INDEX).getMany(fingerprints),
      this.store.namespace<string>(PREPRINT_INDEX).getMany(dois),
    ]);
    for (const [index, { key }] of lookups.entries()) this.ids.set(key, ids[index]);
    for (const [index, fingerprint] of fingerprints.entries())
      this.abstracts.set(fingerprint, abstractIds[index]);
    for (const [index, doi] of dois.entries()) this.preprints.set(doi, preprintIds[index]);
    const missing = unknown([...ids, ...abstractIds, ...preprintIds], this.records);
    const found = new Map((await this.store.papers.getMany(missing)).map((paper) => [paper.id, paper]));
    for (const id of missing) this.records.set(id, found.get(id));
  }

  /** PMID first, then DOI, PMCID, title key: the staged batch wins over the store for each key. */
  async findId(paper: Paper): Promise<string | undefined> {
    for (const { key, query } of lookupsOf(paper)) {
      if (!this.ids.has(key)) this.ids.set(key, await this.store.papers.findId(query));
      const id = this.ids.get(key);
      if (id) return id;
    }
    return undefined;
  }

  async byAbstract(fingerprint: string): Promise<string | undefined> {
    if (!this.abstracts.has(fingerprint)) {
      this.abstracts.set(fingerprint, await this.store.namespace<string>(ABSTRACT_INDEX).get(fingerprint));
    }
    return this.abstracts.get(fingerprint);
  }

  async get(id: string): Promise<Paper | undefined> {
    if (!this.records.has(id)) this.records.set(id, await this.store.papers.get(id));
    return this.records.get(id);
  }

  /** The preprint announced as a version of the journal paper with this DOI. */
  async preprintFor(publishedDoi: string): Promise<string | undefined> {
    if (!this.preprints.has(publishedDoi)) {
      this.preprints.set(publishedDoi, await this.store.namespace<string>(PREPRINT_INDEX).get(publishedDoi));
    }
    return this.preprints.get(publishedDoi);
  }

  /** Written at once, not batched: the journal version may arrive in a later ingest. */
  async notePreprint(publishedDoi: string, preprintId: string): Promise<void> {
    await this.store.namespace<string>(PREPRINT_INDEX).set(publishedDoi, preprintId);
    this.preprints.set(publishedDoi, preprintId);
  }

  stage(paper: Paper, fingerprint?: string): void {
    this.records.set(paper.id, paper);
    this.pending.add(paper.id);
    for (const { key } of lookupsOf(paper)) this.ids.set(key, paper.id);
    if (fingerprint) {
      this.abstracts.set(fingerprint, paper.id);
      this.pendingAbstracts.add(fingerprint);
    }
  }

  /** Writes the staged records and index keys, then forgets what was read. */
  async flush(): Promise<void> {
    const papers = [...this.pending].map((id) => this.records.get(id)).filter((paper) => paper !== undefined);
    await this.store.papers.putMany(papers.map((paper) => ({ paper, keys: dedupeKeys(paper) })));
    await this.store.namespace<string>(ABSTRACT_INDEX).setMany(
      [...this.pendingAbstracts].flatMap((fingerprint) => {
        const id = this.abstracts.get(fingerprint);
        return id ? [[fingerprint, id] as [string, string]] : [];
      }),
    );
    for (const cache of [this.ids, this.records, this.abstracts, this.preprints]) cache.clear();
    this.pending.clear();
    this.pendingAbstracts.clear();
  }
}

/** The index keys a paper is looked up by, in the order they are tried. */
function lookupsOf(paper: Paper): Array<{ key: string; query: PaperKeys }> {
  const keys = dedupeKeys(paper);
  const lookups: Array<{ key: string; query: PaperKeys }> = [];
  if (keys.pmid) lookups.push({ key: `pmid:${keys.pmid}`, query: { pmid: keys.pmid } });
  if (keys.doi) lookups.push({ key: `doi:${keys.doi}`, query: { doi: keys.doi } });
  if (keys.pmcid) lookups.push({ key: `pmcid:${keys.pmcid}`, query: { pmcid: keys.pmcid } });
  if (keys.titleKey) lookups.push({ key: `title:${keys.titleKey}`, query: { titleKey: keys.titleKey } });
  return lookups;
}

/** The distinct defined values not yet in `known`. */
function unknown(values: Array<string | undefined>, known: Map<string, unknown>): string[] {
  return [...new Set(values)].filter((value): value is string => value !== undefined && !known.has(value));
}
