import type { DigestSummarizer } from '../digest/summarizer.js';
import type { Logger } from '../log.js';
import type { PaperHit, PaperSearchOptions } from '../search/paper-index.js';
import type { RecruitingTrial, TrialQuery } from '../sources/clinicaltrials.js';
import { splitIntoPassages } from '../text/passages.js';
import { paperText, quoteBasis } from '../text/verbatim.js';
import type { ItemSummary, Paper } from '../types.js';
import { type CaseProfile, isSearchable, parseCaseLine } from './case-line.js';
import { corpusQueryOf, matchCase, pubmedQueryOf, relevantPassage } from './relevance.js';
import { trialFitsAgeGroup } from './trial-match.js';

export const MAX_PAPERS_PER_CASE = 5;
export const MAX_TRIALS_PER_CASE = 3;
const CORPUS_CANDIDATES = 40;
/** Below one shared case fact (a setting scores 1): the line's other words only order close calls. */
const LINE_WEIGHT = 0.9;

export interface BriefPaper {
  paperId: string;
  paper: Paper;
  /** Takeaway, study type and key numbers, from the digest summarizer (extractive or checked LLM). */
  summary: ItemSummary;
  /** Case facts the paper shares ("JMML", "pediatric", "post-HSCT"). */
  matches: string[];
  /** Verbatim passage of the paper that makes it relevant (checked with findVerbatim). */
  quote: string;
  quoteBasis: 'abstract' | 'full text';
  origin: 'corpus' | 'pubmed';
  score: number;
}

export interface CaseBrief {
  /** 1-based agenda position. */
  position: number;
  line: string;
  profile: CaseProfile;
  papers: BriefPaper[];
  trials: RecruitingTrial[];
  /** Short notes for the reader ("live PubMed search unavailable"). */
  notes: string[];
}

export interface Brief {
  /** `${channelId}:board-<meeting date>`: the exactly-once key. */
  id: string;
  channelId: string;
  meetingAt: string;
  generatedAt: string;
  cases: CaseBrief[];
}

export interface BriefSources {
  /** The stored corpus (PaperIndex). */
  corpus: { search(query: string, options?: PaperSearchOptions): Promise<PaperHit[]> };
  summarizer: Pick<DigestSummarizer, 'summarize'>;
  /** Live PubMed search (esearch + efetch); absent offline. */
  searchPubmed?: (query: string, max: number) => Promise<Paper[]>;
  /** ClinicalTrials.gov recruiting studies; absent offline. */
  findTrials?: (query: TrialQuery) => Promise<RecruitingTrial[]>;
  logger: Logger;
}

export interface BuildBriefInput {
  id: string;
  channelId: string;
  meetingAt: Date;
  now: Date;
  lines: string[];
}

/** Builds the prep brief for a board's agenda; a case whose sources fail gets a note, never stops others. */
export async function buildBrief(input: BuildBriefInput, sources: BriefSources): Promise<Brief> {
  const cases: CaseBrief[] = [];
  for (const [index, line] of input.lines.entries()) {
    cases.push(await briefCase(index + 1, line, input.channelId, sources));
  }
  return {
    id: input.id,
    channelId: input.channelId,
    meetingAt: input.meetingAt.toISOString(),
    generatedAt: input.now.toISOString(),
    cases,
  };
}

async function briefCase(
  position: number,
  line: string,
  channelId: string,
  sources: BriefSources,
): Promise<CaseBrief> {
  const profile = parseCaseLine(line);
  const brief: CaseBrief = { position, line: profile.line, profile, papers: [], trials: [], notes: [] };
  if (!isSearchable(profile)) {
    brief.notes.push('No diagnosis or molecular marker recognized in this line, so no search was run.');
    return brief;
  }
  const log = sources.logger.child({ channel: channelId, case: position });
  const candidates = rankForCase(profile, await corpusCandidates(profile, sources.corpus));
  if (candidates.length < MAX_PAPERS_PER_CASE && sources.searchPubmed) {
    candidates.push(...(await livePubmed(profile, sources.searchPubmed, candidates, brief, log)));
  }
  brief.papers = await summarizeBest(candidates, sources.summarizer, log);
  if (sources.findTrials && profile.diagnosis)
    brief.trials = await matchingTrials(profile, sources.findTrials, brief, log);
  return brief;
}

interface Retrieved {
  paper: Paper;
  origin: BriefPaper['origin'];
  /** Retrieval score against the whole case line, 0 to 1: breaks ties between equal case matches. */
  lineScore: number;
}

/**
 * Papers about the case's diagnosis and markers, plus papers close to the whole line (its
 * other words, "hypoalbuminemia", "embolization", carry what the board is asking about).
 */
async function corpusCandidates(profile: CaseProfile, corpus: BriefSources['corpus']): Promise<Retrieved[]> {
  const [byFacts, byLine] = await Promise.all([
    corpus.search(corpusQueryOf(profile), { limit: CORPUS_CANDIDATES }),
    corpus.search(profile.line, { limit: CORPUS_CANDIDATES }),
  ]);
  const best = byLine[0]?.score ?? 1;
  const lineScores = new Map(byLine.map((hit) => [hit.paper.id, hit.score / best]));
  const papers = new Map([...byFacts, ...byLine].map((hit) => [hit.paper.id, hit.paper]));
  return [...papers.values()].map((paper) => ({
    paper,
    origin: 'corpus',
    lineScore: lineScores.get(paper.id) ?? 0,
  }));
}

interface Candidate {
  paper: Paper;
  origin: BriefPaper['origin'];
  score: number;
  matches: string[];
  quote: string;
  quoteBasis: BriefPaper['quoteBasis'];
}

/** Keeps papers that share the case's diagnosis and have a verified relevant passage, best first. */
function rankForCase(profile: CaseProfile, papers: Retrieved[]): Candidate[] {
  const ranked: Candidate[] = [];
  for (const { paper, origin, lineScore } of papers) {
    if (paper.retracted) continue;
    const match = matchCase(profile, paper, paperText(paper));
    if (match.score === 0) continue;
    const passage = relevantPassage(profile, splitIntoPassages(paper));
    const basis = passage ? quoteBasis(passage.text, paper) : undefined;
    if (!passage || !basis) continue;
    const score = match.score + LINE_WEIGHT * lineScore;
    ranked.push({ paper, origin, score, matches: match.matches, quote: passage.text, quoteBasis: basis });
  }
  return ranked.sort((a, b) => b.score - a.score);
}

async function livePubmed(
  profile: CaseProfile,
  searchPubmed: NonNullable<BriefSources['searchPubmed']>,
  already: Candidate[],
  brief: CaseBrief,
  log: Logger,
): Promise<Candidate[]> {
  const query = pubmedQueryOf(profile);
  if (!query) return [];
  try {
    const seen = new Set(already.map((candidate) => candidate.paper.id));
    const papers = (await searchPubmed(query, MAX_PAPERS_PER_CASE * 2)).filter(
      (paper) => !seen.has(paper.id),
    );
    return rankForCase(
      profile,
      papers.map((paper) => ({ paper, origin: 'pubmed' as const, lineScore: 0 })),
    );
  } catch (error) {
    log.warn({ err: error }, 'live PubMed search failed for a board case');
    brief.notes.push('Live PubMed search was unavailable; papers come from the stored corpus only.');
    return [];
  }
}

async function summarizeBest(
  candidates: Candidate[],
  summarizer: BriefSources['summarizer'],
  log: Logger,
): Promise<BriefPaper[]> {
  const papers: BriefPaper[] = [];
  for (const candidate of candidates) {
    if (papers.length >= MAX_PAPERS_PER_CASE) break;
    try {
      const summary = await summarizer.summarize(candidate.paper, { channelName: 'tumor board', topics: [] });
      papers.push({
        paperId: candidate.paper.id,
        paper: candidate.paper,
        summary,
        matches: candidate.matches,
        quote: candidate.quote,
        quoteBasis: candidate.quoteBasis,
        origin: candidate.origin,
        score: candidate.score,
      });
    } catch (error) {
      log.warn({ err: error, paperId: candidate.paper.id }, 'summary failed; paper left out of the brief');
    }
  }
  return papers;
}

async function matchingTrials(
  profile: CaseProfile,
  findTrials: NonNullable<BriefSources['findTrials']>,
  brief: CaseBrief,
  log: Logger,
): Promise<RecruitingTrial[]> {
  const condition = profile.diagnosis?.query ?? '';
  const terms = profile.markers.map((marker) => marker.query).join(' OR ') || undefined;
  try {
    let trials = await findTrials({ condition, terms, limit: MAX_TRIALS_PER_CASE * 3 });
    // A marker few trials name should not hide the trials for the disease itself.
    if (trials.length === 0 && terms)
      trials = await findTrials({ condition, limit: MAX_TRIALS_PER_CASE * 3 });
    return trials.filter((trial) => trialFitsAgeGroup(trial, profile.ageGroup)).slice(0, MAX_TRIALS_PER_CASE);
  } catch (error) {
    log.warn({ err: error }, 'ClinicalTrials.gov search failed for a board case');
    brief.notes.push('ClinicalTrials.gov was unavailable; no trial matches this time.');
    return [];
  }
}
