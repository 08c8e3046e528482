import type { Paper, Topic } from '../types.js';
import { viewOf } from './paper-view.js';
import { compileTopic } from './topic-matchers.js';

/**
 * Below this a paper only mentions the channel's topics (a heading only in its MeSH, a word
 * once in its abstract): the digest shows fewer items rather than off-topic ones.
 */
export const MIN_RELEVANCE = 0.5;
/** Matching a second or third topic helps, but less than the best match. */
const EXTRA_TOPIC_WEIGHT = 0.25;

/** True when the topics say what a channel wants, not only what it excludes. */
export function hasPositiveTopics(topics: Topic[]): boolean {
  return topics.some((topic) => !(topic.kind === 'journal' && topic.exclude));
}

/**
 * Topic relevance of each paper: each topic scores where the paper names it (title, MeSH
 * major topic, keywords count most; a minor heading or a passing mention in the abstract
 * least), with stemmed words and synonyms, never fuzzy spelling ("pediatric" is not
 * "geriatric"). A paper's relevance is its best topic plus a share of the others; 0 means no
 * topic matched. Pure: the same papers and topics give the same scores.
 */
export function topicRelevance(papers: Paper[], topics: Topic[]): Map<string, number> {
  const matchers = topics.map(compileTopic);
  return new Map(
    papers.map((paper) => {
      const view = viewOf(paper);
      return [paper.id, combine(matchers.map((matcher) => matcher(view)))];
    }),
  );
}

function combine(values: number[]): number {
  const [best = 0, ...rest] = values.filter((value) => value > 0).sort((a, b) => b - a);
  return best + EXTRA_TOPIC_WEIGHT * rest.reduce((sum, value) => sum + value, 0);
}
