import MiniSearch from 'minisearch';
import { ALL_TERMS, INDEX_OPTIONS, type PaperDocument, toPaperDocument } from '../search/paper-document.js';
import type { Paper, Topic } from '../types.js';
import { matchesAuthor, matchesJournal, matchesMesh } from './topic-match.js';

/** How much one topic match counts, before the best-match normalization of text topics. */
const MESH_EXACT = 1;
/** Feed items carry no MeSH; the heading's words in the text count for a little less. */
const MESH_AS_TEXT = 0.8;
const AUTHOR_MATCH = 1;
const JOURNAL_MATCH = 0.5;
/** Fields that say what a paper is about, as opposed to what it mentions. */
const NAMING_FIELDS = new Set(['title', 'mesh', 'keywords']);
const PASSING_MENTION = 0.5;
/** Matching a second or third topic helps, but less than the best match. */
const EXTRA_TOPIC_WEIGHT = 0.25;

/** True when the topics say what a channel wants, not only what it excludes. */
export function hasPositiveTopics(topics: Topic[]): boolean {
  return topics.some((topic) => !(topic.kind === 'journal' && topic.exclude));
}

/**
 * Topic relevance of each paper: each free-text topic is a BM25 query (all words must match,
 * fuzzy and prefix for spelling and plurals) whose scores are scaled to the best match among
 * these papers; MeSH, author and journal topics match exactly. A paper's relevance is its best
 * topic plus a share of the others; 0 means no topic matched.
 */
export function topicRelevance(papers: Paper[], topics: Topic[]): Map<string, number> {
  const matches = new Map<string, number[]>(papers.map((paper) => [paper.id, []]));
  const record = (paperId: string, value: number) => {
    if (value > 0) matches.get(paperId)?.push(value);
  };
  const index = new MiniSearch<PaperDocument>(INDEX_OPTIONS);
  index.addAll(papers.map(toPaperDocument));
  const indexed = new Set(
    papers.filter((paper) => paper.mesh.length + paper.keywords.length > 0).map((paper) => paper.id),
  );

  for (const topic of topics) {
    if (topic.kind === 'text') {
      for (const [id, value] of scaledSearch(index, topic.query, indexed)) record(id, value);
    } else if (topic.kind === 'mesh') {
      const exact = new Set(
        papers.filter((paper) => matchesMesh(paper, topic.term)).map((paper) => paper.id),
      );
      for (const id of exact) record(id, MESH_EXACT);
      for (const [id, value] of scaledSearch(index, topic.term, indexed)) {
        if (!exact.has(id)) record(id, value * MESH_AS_TEXT);
      }
    } else {
      for (const paper of papers) {
        if (topic.kind === 'author' && matchesAuthor(paper, topic.name)) record(paper.id, AUTHOR_MATCH);
        if (topic.kind === 'journal' && !topic.exclude && matchesJournal(paper, topic.name)) {
          record(paper.id, JOURNAL_MATCH);
        }
      }
    }
  }
  return new Map([...matches].map(([id, values]) => [id, combine(values)]));
}

/**
 * BM25 scores of one query scaled to (0, 1] by the best match. The square root keeps a paper
 * that mentions the topic a few times close to one that repeats it in every sentence; a paper
 * that names the topic only in passing in its abstract (not in its title, MeSH or keywords)
 * counts for less: an ARDS study listing lymphoma among its patients is not a lymphoma paper.
 * Only papers with subject headings can be judged so; a feed item has its title and abstract.
 */
function scaledSearch(
  index: MiniSearch<PaperDocument>,
  query: string,
  indexed: Set<string>,
): Map<string, number> {
  const results = index.search(query, ALL_TERMS);
  const best = results[0]?.score ?? 0;
  return new Map(
    results.map((result) => {
      const scaled = best > 0 ? Math.sqrt(result.score / best) : 0;
      const named = Object.values(result.match).some((fields) =>
        fields.some((field) => NAMING_FIELDS.has(field)),
      );
      const passing = !named && indexed.has(String(result.id));
      return [String(result.id), passing ? scaled * PASSING_MENTION : scaled];
    }),
  );
}

function combine(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => b - a);
  const [best = 0, ...rest] = sorted;
  return best + EXTRA_TOPIC_WEIGHT * rest.reduce((sum, value) => sum + value, 0);
}
