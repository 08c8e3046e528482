import { isDeepStrictEqual } from 'node:util';
import type {
  AbstractSection,
  FullTextSection,
  Paper,
  PaperNotice,
  SourceKind,
  SourceRef,
} from '../types.js';

/**
 * How much a source's metadata is trusted when two records disagree: PubMed's curated
 * record beats a journal feed, which beats a PubMedQA question standing in for a title.
 */
const SOURCE_RANK: Record<SourceKind, number> = {
  pubmed: 6,
  europepmc: 5,
  biorxiv: 4,
  medrxiv: 4,
  rss: 3,
  page: 3,
  file: 1,
  pubmedqa: 1,
};

function rank(paper: Paper): number {
  return Math.max(0, ...paper.sources.map((source) => SOURCE_RANK[source.kind]));
}

/**
 * One paper, one record: folds a newly fetched record into the stored one. The stored id and
 * first `ingestedAt` are kept (index keys point at that id); identifiers fill gaps; the
 * better-ranked source names the paper; the richest abstract and full text (page text and
 * open-access sections alike) win; lists and sources are unioned; retraction and erratum
 * notices never go away. Pure and idempotent: merging the same record twice changes nothing.
 */
export function mergePapers(stored: Paper, incoming: Paper): Paper {
  const incomingLeads = rank(incoming) > rank(stored);
  const lead = incomingLeads ? incoming : stored;
  const other = incomingLeads ? stored : incoming;
  const merged: Paper = {
    ...stored,
    id: stored.id,
    pmid: stored.pmid ?? incoming.pmid,
    doi: stored.doi ?? incoming.doi,
    pmcid: stored.pmcid ?? incoming.pmcid,
    title: lead.title || other.title,
    abstract: richerAbstract(stored.abstract, incoming.abstract),
    fullText: longer(stored.fullText, incoming.fullText),
    fullTextSections: richerSections(stored.fullTextSections, incoming.fullTextSections),
    // One source saying the article is open access is enough to fetch its full text.
    openAccess: stored.openAccess || incoming.openAccess || (stored.openAccess ?? incoming.openAccess),
    authors: lead.authors.length > 0 ? lead.authors : other.authors,
    journal: lead.journal ?? other.journal,
    publishedDate: morePrecise(lead.publishedDate, other.publishedDate),
    publishedDateText: lead.publishedDateText ?? other.publishedDateText,
    publicationTypes: union(stored.publicationTypes, incoming.publicationTypes),
    mesh: union(stored.mesh, incoming.mesh),
    ...(stored.meshMajor || incoming.meshMajor
      ? { meshMajor: union(stored.meshMajor ?? [], incoming.meshMajor ?? []) }
      : {}),
    keywords: union(stored.keywords, incoming.keywords),
    url: lead.url ?? other.url,
    nctIds: union(stored.nctIds, incoming.nctIds),
    // A record any source knows as a journal article is not a preprint.
    isPreprint: stored.isPreprint && incoming.isPreprint,
    category: stored.category ?? incoming.category,
    retracted: stored.retracted || incoming.retracted,
    notices: unionNotices(stored.notices, incoming.notices),
    publishedVersionId: stored.publishedVersionId ?? incoming.publishedVersionId,
    preprintId: stored.preprintId ?? incoming.preprintId,
    sources: unionSources(stored.sources, incoming.sources),
    ingestedAt: stored.ingestedAt,
  };
  return withoutEmpty(merged);
}

/** True when merging changed nothing worth writing. */
export function isSameRecord(a: Paper, b: Paper): boolean {
  return isDeepStrictEqual(a, b);
}

function textLength(sections: AbstractSection[]): number {
  return sections.reduce((total, section) => total + section.text.length, 0);
}

/** The longer abstract; on a tie, the structured one; on a full tie, the stored one. */
function richerAbstract(stored: AbstractSection[], incoming: AbstractSection[]): AbstractSection[] {
  const difference = textLength(incoming) - textLength(stored);
  if (difference !== 0) return difference > 0 ? incoming : stored;
  const labelled = (sections: AbstractSection[]) => sections.filter((section) => section.label).length;
  return labelled(incoming) > labelled(stored) ? incoming : stored;
}

/** The open-access full text with more words; the stored one on a tie. */
function richerSections(
  stored: FullTextSection[] | undefined,
  incoming: FullTextSection[] | undefined,
): FullTextSection[] | undefined {
  const length = (sections: FullTextSection[] | undefined) =>
    (sections ?? []).reduce((total, section) => total + section.text.length, 0);
  return length(incoming) > length(stored) ? incoming : stored;
}

function longer(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.length > a.length ? b : a;
}

/** "2023-01-15" beats "2023-01" beats "2023"; the lead source's date wins a tie. */
function morePrecise(lead: string | undefined, other: string | undefined): string | undefined {
  if (!lead) return other;
  if (!other) return lead;
  return other.length > lead.length && other.startsWith(lead.slice(0, 4)) ? other : lead;
}

function union(a: string[], b: string[]): string[] {
  const seen = new Set(a.map((value) => value.toLowerCase()));
  const out = [...a];
  for (const value of b) {
    if (!seen.has(value.toLowerCase())) {
      seen.add(value.toLowerCase());
      out.push(value);
    }
  }
  return out;
}

function noticeKey(notice: PaperNotice): string {
  return [
    notice.kind,
    notice.pmid ?? '',
    notice.doi ?? '',
    notice.pmid || notice.doi ? '' : notice.text,
  ].join('|');
}

function unionNotices(a: PaperNotice[], b: PaperNotice[]): PaperNotice[] {
  const seen = new Set(a.map(noticeKey));
  return [...a, ...b.filter((notice) => !seen.has(noticeKey(notice)) && seen.add(noticeKey(notice)))];
}

/** One ref per (kind, feed): re-fetching a feed does not grow the list or move its first date. */
function unionSources(a: SourceRef[], b: SourceRef[]): SourceRef[] {
  const key = (ref: SourceRef) => `${ref.kind}|${ref.feedId}`;
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((ref) => !seen.has(key(ref)) && seen.add(key(ref)))];
}

/** Drops optional keys left undefined, so equality checks and stored JSON stay stable. */
function withoutEmpty(paper: Paper): Paper {
  return Object.fromEntries(
    Object.entries(paper).filter(([, value]) => value !== undefined),
  ) as unknown as Paper;
}
