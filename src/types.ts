/**
 * Domain types shared by every module. Data entering the app is validated with zod at the
 * edge (config, sources, slack, llm); inside, these types are trusted.
 */

export type SourceKind =
  | 'pubmed'
  | 'rss'
  | 'europepmc'
  | 'biorxiv'
  | 'medrxiv'
  | 'page'
  | 'file'
  | 'pubmedqa';

export type StudyType =
  | 'meta-analysis'
  | 'systematic-review'
  | 'rct'
  | 'cohort'
  | 'case-control'
  | 'case-series'
  | 'case-report'
  | 'guideline'
  | 'review'
  | 'preclinical'
  | 'editorial'
  | 'other';

export type EvidenceLevel = 'high' | 'moderate' | 'low' | 'very low';

export interface AbstractSection {
  /** Label as printed in the structured abstract ("RESULTS"), absent for unstructured text. */
  label?: string;
  text: string;
}

export interface Author {
  lastName?: string;
  foreName?: string;
  initials?: string;
  /** Group authorship ("Children's Oncology Group"). */
  collective?: string;
}

/** Where one record of a paper came from; a merged paper keeps one ref per source. */
export interface SourceRef {
  kind: SourceKind;
  /** Feed subscription id or source name ("pubmed", "demo:jmml"). */
  feedId: string;
  url?: string;
  fetchedAt: string;
}

/** A notice attached to a paper after publication. */
export interface PaperNotice {
  kind: 'retraction' | 'erratum' | 'published-version' | 'expression-of-concern';
  text: string;
  pmid?: string;
  doi?: string;
  url?: string;
}

/**
 * One part of an open-access article's full text (JATS): a titled section's paragraphs, or a
 * table's or figure's caption. Quotes cite the title: "(Results)", "(Table 2)".
 */
export interface FullTextSection {
  /** The heading as printed ("Results"), or a float's label ("Table 2"); absent for untitled text. */
  title?: string;
  kind: 'section' | 'table' | 'figure';
  /** Verbatim text, paragraphs separated by a blank line. */
  text: string;
}

/** One paper, one record: the same work from PubMed, RSS and Europe PMC merges into this. */
export interface Paper {
  /** Stable store id: "pmid:<n>", "doi:<lowercase doi>", or "t:<hash of title+first author>". */
  id: string;
  pmid?: string;
  doi?: string;
  pmcid?: string;
  title: string;
  abstract: AbstractSection[];
  /** Cleaned main text when a full article page or text file was ingested. */
  fullText?: string;
  /** The open-access full text (JATS), section by section, when it was fetched or ingested. */
  fullTextSections?: FullTextSection[];
  /**
   * Europe PMC's `isOpenAccess`: true when the full text may be fetched and quoted, false when
   * it may not; absent when the source does not say (a PubMed record with a PMCID is tried).
   */
  openAccess?: boolean;
  authors: Author[];
  journal?: string;
  /** ISO date, as precise as known: "2023-01-15", "2023-01" or "2023". */
  publishedDate?: string;
  /** The date as printed when it is not a plain date, e.g. PubMed MedlineDate "2023 Jan-Feb". */
  publishedDateText?: string;
  publicationTypes: string[];
  mesh: string[];
  /**
   * The MeSH descriptors PubMed marks as major topics (`MajorTopicYN="Y"` on the descriptor or
   * one of its qualifiers): what the paper is about. Absent when the source does not say.
   */
  meshMajor?: string[];
  keywords: string[];
  url?: string;
  nctIds: string[];
  isPreprint: boolean;
  /** Preprint server category ("oncology", "cancer biology"). */
  category?: string;
  retracted: boolean;
  notices: PaperNotice[];
  /** For a preprint that was later published: the store id of the journal version. */
  publishedVersionId?: string;
  /** For a journal paper: the store id of the preprint it supersedes. */
  preprintId?: string;
  sources: SourceRef[];
  /** First time this paper entered the store (ISO timestamp); drives "new this week". */
  ingestedAt: string;
  /** Generated load-benchmark records only; never shown as real literature. */
  synthetic?: boolean;
}

export type KeyNumberKind =
  | 'percent'
  | 'n'
  | 'hazard-ratio'
  | 'odds-ratio'
  | 'risk-ratio'
  | 'ci'
  | 'p-value'
  | 'survival'
  | 'other';

export interface KeyNumber {
  /** The number as written in the paper ("50%", "HR 0.62 (95% CI 0.48-0.80)"). */
  value: string;
  kind: KeyNumberKind;
  /** The verbatim sentence of the paper's cleaned text it came from. */
  sentence: string;
}

export type ItemLabel = 'retracted' | 'preprint' | 'erratum' | 'synthetic';

/** What a summarizer (extractive or LLM) says about one paper. */
export interface ItemSummary {
  /** Short headline for the item ("Rapamycin + GVL after JMML relapse post-HSCT"). */
  headline: string;
  /** One to three sentences, numbers kept. */
  takeaway: string;
  studyType: StudyType;
  evidence: EvidenceLevel;
  /** Number of patients/participants when the paper states it (1 for a case report). */
  sampleSize?: number;
  population?: string;
  intervention?: string;
  comparator?: string;
  outcomes?: string[];
  keyNumbers: KeyNumber[];
  whyItMatters?: string;
  limitations: string[];
  /** Verbatim spans of the paper's text supporting the takeaway (checked by code). */
  quotes: string[];
  source: 'llm' | 'extractive';
}

export interface DigestItem {
  paperId: string;
  /** Title, links and ids come from stored metadata, never from model output. */
  title: string;
  url?: string;
  pmid?: string;
  doi?: string;
  journal?: string;
  publishedDate?: string;
  summary: ItemSummary;
  labels: ItemLabel[];
  /** Ranking score, for transparency in previews. */
  score: number;
  /** Store id of an earlier highlight this paper updates or contradicts. */
  updatesPaperId?: string;
  updatesNote?: string;
}

export interface LlmUsage {
  calls: number;
  cachedCalls: number;
  promptTokens: number;
  completionTokens: number;
  estimatedCostUsd: number;
}

export interface Digest {
  /** `${channelId}:${period}`: the exactly-once key. */
  id: string;
  channelId: string;
  /** ISO week of the channel's local time, e.g. "2026-W48", or "preview-<timestamp>". */
  period: string;
  generatedAt: string;
  intro: string;
  items: DigestItem[];
  /** How many new, undelivered, matching papers were considered. */
  candidateCount: number;
  usage?: LlmUsage;
}

export type Topic =
  | { kind: 'text'; query: string }
  | { kind: 'mesh'; term: string }
  | { kind: 'author'; name: string }
  | { kind: 'journal'; name: string; exclude: boolean };

export type FeedKind = 'rss' | 'pubmed' | 'europepmc' | 'biorxiv' | 'medrxiv';

export interface FeedSubscription {
  /** Stable id derived from kind + url/query. */
  id: string;
  kind: FeedKind;
  /** Feed URL for rss; the search query for pubmed/europepmc; the category for preprint servers. */
  target: string;
  /**
   * `topics`: compiled from the channel's topics and rewritten when they change; `edited`: a
   * compiled query the channel changed by hand, kept as written. Absent for feeds added by hand.
   */
  origin?: 'topics' | 'edited';
  /** What the source searches, in plain words ("PubMed: breast cancer, …"), for lists and the Home tab. */
  label?: string;
  addedBy?: string;
  addedAt: string;
}

export interface FeedHealth {
  feedId: string;
  lastSuccessAt?: string;
  lastErrorAt?: string;
  lastError?: string;
  consecutiveFailures: number;
  /** Backoff: the next attempt is not made before this time. */
  nextAttemptAt?: string;
  lastItemCount?: number;
}

export interface DigestSchedule {
  /** Five-field cron expression evaluated in `timezone`. */
  cron: string;
  /** IANA time zone name. */
  timezone: string;
  /** ISO time the schedule was set; catch-up never posts for fire times before it. */
  since?: string;
}

export interface ChannelProfile {
  channelId: string;
  name: string;
  topics: Topic[];
  includePreprints: boolean;
  feeds: FeedSubscription[];
  topN: number;
  schedule: DigestSchedule | null;
  /** What to post when nothing is new: one short line, or nothing. */
  whenEmpty: 'line' | 'silent';
  /** Set when Slack says the app cannot post there (channel_not_found, not_in_channel). */
  paused?: { reason: string; since: string };
  lastDigestId?: string;
  lastDigestAt?: string;
  createdAt: string;
  updatedAt: string;
}

export interface Citation {
  paperId: string;
  title: string;
  url?: string;
  pmid?: string;
  doi?: string;
  /** Verbatim text of the paper that the claim rests on. */
  quote: string;
  /** Where the quote stands in the paper: an abstract label ("RESULTS") or a full-text section. */
  section?: string;
  /** What the quote was checked against. */
  basis: 'abstract' | 'full text';
}

/** Which service a live search asked, and with what query. */
export interface LiveSearchNote {
  service: 'PubMed' | 'Europe PMC';
  query: string;
}

export interface Answer {
  question: string;
  /** True when the papers address the question; false means "the papers don't say". */
  answered: boolean;
  /** Plain text (not yet escaped for Slack). */
  text: string;
  citations: Citation[];
  mode: 'llm' | 'extractive' | 'none';
  /** The closest paper when nothing answered the question. */
  closest?: Citation;
  /**
   * Set when the papers came from a search of PubMed or Europe PMC made for this question,
   * not from the stored papers; the answer text says so in its first line.
   */
  liveSearch?: LiveSearchNote;
  /** Kinds of identifiers removed from the question before it went anywhere ("MRN", "date"). */
  redactions: string[];
  usage?: LlmUsage;
}
