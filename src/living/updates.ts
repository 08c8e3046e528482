import { overlap, termSet } from '../digest/similarity.js';
import { quoteBasis } from '../text/index.js';
import { splitIntoPassages } from '../text/passages.js';
import type { Digest, Paper } from '../types.js';

/**
 * Two papers are taken to address the same question only when their titles and abstracts
 * share far more than any two distinct abstracts of the 1,000-paper fixture corpus do (its
 * highest pair scores 0.31), and a passage of each says nearly the same thing. A wrong
 * "updates" flag would send a clinician to the wrong paper, so missing one is the lesser harm.
 */
const SAME_QUESTION = 0.45;
const SAME_TITLE = 0.3;
const CONFIRMING_PASSAGES = 0.5;
const QUOTE_MAX = 160;

/** A paper a past digest of the channel posted, with when. */
export interface EarlierHighlight {
  paper: Paper;
  postedAt: string;
  digestId: string;
}

export interface UpdateLink {
  paperId: string;
  updatesPaperId: string;
  relation: 'updates' | 'contradicts';
  /** Verbatim passages of each paper that show they address the same question. */
  newQuote: string;
  earlierQuote: string;
  note: string;
}

/**
 * For each paper of the week, the earlier highlight it updates or contradicts, if any (pure):
 * found by similarity over the highlights, then confirmed by a pair of verbatim passages.
 */
export function findUpdateLinks(papers: Paper[], earlier: EarlierHighlight[]): UpdateLink[] {
  const indexed = earlier.map((highlight) => ({
    highlight,
    terms: documentTerms(highlight.paper),
    title: termSet(highlight.paper.title),
  }));
  const links: UpdateLink[] = [];
  for (const paper of papers) {
    const terms = documentTerms(paper);
    const title = termSet(paper.title);
    const candidates = indexed
      .filter(({ highlight }) => !sameWork(paper, highlight.paper))
      .map((entry) => ({ ...entry, score: overlap(terms, entry.terms) }))
      .filter((entry) => entry.score >= SAME_QUESTION && overlap(title, entry.title) >= SAME_TITLE)
      .sort((a, b) => b.score - a.score);
    for (const { highlight } of candidates) {
      const link = confirm(paper, highlight);
      if (link) {
        links.push(link);
        break;
      }
    }
  }
  return links;
}

/** The digest with its items flagged (pure); items without a link are unchanged. */
export function applyUpdateLinks(digest: Digest, links: UpdateLink[]): Digest {
  const byPaper = new Map(links.map((link) => [link.paperId, link]));
  return {
    ...digest,
    items: digest.items.map((item) => {
      const link = byPaper.get(item.paperId);
      return link ? { ...item, updatesPaperId: link.updatesPaperId, updatesNote: link.note } : item;
    }),
  };
}

/** "negative" for a finding stated as absent ("was not associated with"), else "positive". */
export function findingPolarity(sentence: string): 'positive' | 'negative' {
  return /\b(no(t)? (significant(ly)?|statistically significant|associated|differ\w*|benefit|improve\w*|effect|evidence)|did not|does not|was not|were not|failed to|no difference|not superior|no advantage)\b/i.test(
    sentence,
  )
    ? 'negative'
    : 'positive';
}

function confirm(paper: Paper, highlight: EarlierHighlight): UpdateLink | undefined {
  const newPassages = splitIntoPassages(paper);
  const earlierPassages = splitIntoPassages(highlight.paper);
  let best: { score: number; newText: string; earlierText: string } | undefined;
  for (const a of newPassages) {
    const aTerms = termSet(a.text);
    for (const b of earlierPassages) {
      const score = overlap(aTerms, termSet(b.text));
      if (!best || score > best.score) best = { score, newText: a.text, earlierText: b.text };
    }
  }
  if (!best || best.score < CONFIRMING_PASSAGES) return undefined;
  if (!quoteBasis(best.newText, paper) || !quoteBasis(best.earlierText, highlight.paper)) return undefined;
  const relation =
    findingPolarity(best.newText) === findingPolarity(best.earlierText) ? 'updates' : 'contradicts';
  const day = new Date(highlight.postedAt).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
  const verb = relation === 'updates' ? 'Updates' : 'May contradict';
  const note = `${verb} a paper posted on ${day}, “${clip(highlight.paper.title)}”. Then: “${clip(best.earlierText)}” Now: “${clip(best.newText)}”`;
  return {
    paperId: paper.id,
    updatesPaperId: highlight.paper.id,
    relation,
    newQuote: best.newText,
    earlierQuote: best.earlierText,
    note,
  };
}

function documentTerms(paper: Paper): Set<string> {
  return termSet([paper.title, ...paper.abstract.map((section) => section.text)].join(' '));
}

/** A preprint and its journal version are one work: their link is a notice, not an update. */
function sameWork(a: Paper, b: Paper): boolean {
  return (
    a.id === b.id || a.publishedVersionId === b.id || a.preprintId === b.id || b.publishedVersionId === a.id
  );
}

function clip(text: string): string {
  return text.length <= QUOTE_MAX ? text : `${text.slice(0, QUOTE_MAX - 1).replace(/\s+\S*$/, '')}…`;
}
