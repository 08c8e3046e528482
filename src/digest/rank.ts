import type { ChannelProfile, EvidenceLevel, Paper } from '../types.js';
import { diversify } from './diversity.js';
import { evidenceOf } from './evidence.js';
import { hasPositiveTopics, MIN_RELEVANCE, topicRelevance } from './relevance.js';
import { overlap, topicTerms } from './similarity.js';

const DAY_MS = 86_400_000;

/**
 * Relevance leads; evidence and recency order papers of similar relevance; a channel's own
 * votes are the strongest signal after relevance (a paper just like one marked "not relevant"
 * falls behind other matches).
 */
const WEIGHTS = { relevance: 1, evidence: 0.35, recency: 0.15, feedback: 0.6 };

const EVIDENCE_SCORE: Record<EvidenceLevel, number> = { high: 1, moderate: 0.7, low: 0.4, 'very low': 0.15 };

/** Half-life of recency: a paper published six months ago counts half as fresh. */
const RECENCY_HALF_LIFE_DAYS = 180;

/** Papers the channel voted on, resolved from the store by the caller. */
export interface FeedbackPapers {
  relevant: Paper[];
  notRelevant: Paper[];
}

export interface RankOptions {
  now: Date;
  feedback?: FeedbackPapers;
}

export interface ScoreParts {
  relevance: number;
  evidence: number;
  recency: number;
  feedback: number;
}

export interface RankedPaper {
  paper: Paper;
  score: number;
  parts: ScoreParts;
  /** Ids of near-duplicates (same trial, same title) this paper stands for. */
  collapsed: string[];
}

/**
 * Orders a channel's candidate papers, best first. Pure: same inputs, same order. Retracted
 * papers never rank; when the channel has topics, papers below the minimum relevance are left out.
 */
export function rankPapers(
  papers: Paper[],
  profile: Pick<ChannelProfile, 'topics'>,
  options: RankOptions,
): RankedPaper[] {
  const eligible = papers.filter((paper) => !paper.retracted);
  const filtering = hasPositiveTopics(profile.topics);
  const relevance = filtering ? topicRelevance(eligible, profile.topics) : undefined;
  const liked = (options.feedback?.relevant ?? []).map(topicTerms);
  const disliked = (options.feedback?.notRelevant ?? []).map(topicTerms);

  const scored = eligible.flatMap((paper): Omit<RankedPaper, 'collapsed'>[] => {
    const topic = relevance ? (relevance.get(paper.id) ?? 0) : 1;
    if (topic < MIN_RELEVANCE) return [];
    const terms = topicTerms(paper);
    const parts: ScoreParts = {
      relevance: topic,
      evidence: EVIDENCE_SCORE[evidenceOf(paper)],
      recency: recencyOf(paper, options.now),
      feedback: closest(terms, liked) - closest(terms, disliked),
    };
    const score =
      WEIGHTS.relevance * parts.relevance +
      WEIGHTS.evidence * parts.evidence +
      WEIGHTS.recency * parts.recency +
      WEIGHTS.feedback * parts.feedback;
    return [{ paper, score, parts }];
  });
  scored.sort((a, b) => b.score - a.score || a.paper.id.localeCompare(b.paper.id));
  return diversify(scored);
}

function closest(terms: Set<string>, others: Set<string>[]): number {
  return others.reduce((best, other) => Math.max(best, overlap(terms, other)), 0);
}

function recencyOf(paper: Paper, now: Date): number {
  const published = paper.publishedDate ? Date.parse(paper.publishedDate) : Number.NaN;
  const date = Number.isNaN(published) ? Date.parse(paper.ingestedAt) : published;
  const ageDays = Math.max(0, (now.getTime() - date) / DAY_MS);
  return 0.5 ** (ageDays / RECENCY_HALF_LIFE_DAYS);
}
