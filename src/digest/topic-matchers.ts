import type { Topic } from '../types.js';
import { entryTermsOf } from './mesh-terms.js';
import type { MeshView, MeshWeight, PaperView } from './paper-view.js';
import { matchesAuthor, matchesJournal } from './topic-match.js';
import { countPhrase, type Phrase, phrasesFor } from './topic-phrases.js';
import { meshReadingOrder, stemWord, type Token, tokenize } from './topic-text.js';
import {
  ADULT_MESH,
  GENERIC_ONCOLOGY_WORDS,
  ONCOLOGY_MESH_PATTERN,
  ONCOLOGY_STEM_PATTERN,
  PEDIATRIC_MESH,
  PEDIATRIC_TEXT_WORDS,
  PEDIATRIC_TOPIC_WORDS,
} from './topic-vocabulary.js';

/** How much a paper is about one topic: 0 (not at all) to about 1.2 (named in several places). */
export type TopicMatcher = (view: PaperView) => number;

/** Where a topic is named, and how much that says about what the paper is about. */
const IN_TITLE = 1;
const IN_KEYWORDS = 0.8;
/** A heading that matches but whose major/minor status the source did not give (PubMedQA). */
const MESH_UNKNOWN = { confirmed: 0.75, alone: 0.4 };
const MESH_MINOR = { confirmed: 0.55, alone: 0.3 };
const MESH_MAJOR = 1;
/** The exact heading a `mesh:` topic names, with no word of it in the text, when major status is unknown. */
const EXACT_HEADING_UNKNOWN = 0.5;
/** A narrower heading ("Leukemia, Myeloid, Acute" for mesh:Leukemia) counts a little less. */
const NARROWER_HEADING = 0.9;
/** A paper with MeSH that lacks the heading but names it in its title. */
const TITLE_WITHOUT_HEADING = 0.8;
/** Mentions in the abstract only: one is in passing, several make it a theme. */
const ABSTRACT_FIRST = 0.25;
const ABSTRACT_EACH_MORE = 0.12;
const ABSTRACT_MAX = 0.6;
/** A second place naming the topic adds a share of its weight. */
const SECOND_PLACE = 0.2;
const AUTHOR_MATCH = 1;
const JOURNAL_MATCH = 0.5;

const CHILD_PUGH = /^(Pugh|Turcotte|[ABC])$/;
const FUNCTION_WORDS = new Set(
  ['with', 'of', 'in', 'and', 'the', 'for', 'on', 'a', 'an', 'to', 'among'].map(stemWord),
);
const PEDIATRIC_TOPIC_STEMS = new Set(PEDIATRIC_TOPIC_WORDS.map(stemWord));
const PEDIATRIC_TEXT_STEMS = new Set(PEDIATRIC_TEXT_WORDS.map(stemWord));
const GENERIC_STEMS = new Set(GENERIC_ONCOLOGY_WORDS.map(stemWord));
const PEDIATRIC_MESH_NAMES = new Set(PEDIATRIC_MESH.map((name) => name.toLowerCase()));
const ADULT_MESH_NAMES = new Set(ADULT_MESH.map((name) => name.toLowerCase()));

/** Builds the matcher of one topic; excluded journals match nothing (selection removes them). */
export function compileTopic(topic: Topic): TopicMatcher {
  switch (topic.kind) {
    case 'text':
      return textTopic(tokenize(topic.query));
    case 'mesh':
      return meshTopic(topic.term);
    case 'author':
      return (view) => (matchesAuthor(view.paper, topic.name) ? AUTHOR_MATCH : 0);
    case 'journal':
      return (view) => (!topic.exclude && matchesJournal(view.paper, topic.name) ? JOURNAL_MATCH : 0);
  }
}

/**
 * Free text: "pediatric" (or "childhood", "children") asks that the paper be about children;
 * the rest names a disease, matched as a phrase with its synonyms, or cancer in general
 * ("pediatric oncology").
 */
function textTopic(tokens: Token[]): TopicMatcher {
  const pediatric = tokens.some((token) => PEDIATRIC_TOPIC_STEMS.has(token.stem));
  const core = trimFunctionWords(tokens.filter((token) => !PEDIATRIC_TOPIC_STEMS.has(token.stem)));
  if (core.length === 0) return pediatricScore;
  const about: TopicMatcher = core.every((token) => GENERIC_STEMS.has(token.stem))
    ? oncologyScore
    : phraseScore(phrasesFor(core));
  return pediatric ? (view) => about(view) * pediatricScore(view) : about;
}

/**
 * A MeSH heading: the heading itself (or a narrower one) on indexed papers, weighed by major
 * topic; on papers without MeSH, the heading's words and entry terms in their text. An indexed
 * paper without the heading counts only when its title names it: no loose word matching.
 */
function meshTopic(heading: string): TopicMatcher {
  const wanted = heading.toLowerCase();
  const phrases = [meshReadingOrder(heading), ...entryTermsOf(heading)].flatMap((text) =>
    phrasesFor(tokenize(text)),
  );
  const inText = phraseScore(phrases);
  return (view) => {
    if (view.mesh.length === 0) return inText(view);
    const confirmed = textMentions(view, phrases);
    let best = 0;
    for (const mesh of view.mesh) {
      const name = mesh.descriptor.toLowerCase();
      // The channel asked for this very heading: on its own it still counts, if weakly.
      if (name === wanted)
        best = Math.max(best, headingScore(mesh.weight, confirmed), exactAlone(mesh.weight));
      else if (name.startsWith(`${wanted}, `))
        best = Math.max(best, NARROWER_HEADING * headingScore(mesh.weight, confirmed));
    }
    if (best === 0 && phrases.some((phrase) => countPhrase(view.title, phrase) > 0))
      return TITLE_WITHOUT_HEADING;
    return best;
  };
}

function phraseScore(phrases: Phrase[]): TopicMatcher {
  const [spelled, abbreviations] = splitAbbreviations(phrases);
  return (view) => {
    // "CML" is carboxymethyllysine in a uremia paper: an abbreviation counts in a paper about cancer.
    const usable =
      abbreviations.length > 0 && mentionsCancer(view) ? [...spelled, ...abbreviations] : spelled;
    const confirmed = textMentions(view, usable);
    const title = usable.some((phrase) => countPhrase(view.title, phrase) > 0) ? IN_TITLE : 0;
    const keywords = usable.some((phrase) => view.keywords.some((words) => countPhrase(words, phrase) > 0))
      ? IN_KEYWORDS
      : 0;
    const mesh = bestHeading(
      view.mesh,
      (heading) => usable.some((phrase) => countPhrase(heading.tokens, phrase) > 0),
      confirmed,
    );
    const mentions = Math.max(...usable.map((phrase) => countPhrase(view.abstract, phrase)), 0);
    return placesScore([title, keywords, mesh, abstractScore(mentions)]);
  };
}

function splitAbbreviations(phrases: Phrase[]): [Phrase[], Phrase[]] {
  const isAbbreviation = (phrase: Phrase) => phrase.every((slot) => slot.kind === 'raw');
  return [phrases.filter((phrase) => !isAbbreviation(phrase)), phrases.filter(isAbbreviation)];
}

function mentionsCancer(view: PaperView): boolean {
  const isOncology = (token: Token) => ONCOLOGY_STEM_PATTERN.test(token.stem);
  return (
    view.title.some(isOncology) ||
    view.abstract.some(isOncology) ||
    view.mesh.some((heading) => ONCOLOGY_MESH_PATTERN.test(heading.descriptor))
  );
}

/** Cancer in general, for "oncology", "cancer", "pediatric oncology". */
function oncologyScore(view: PaperView): number {
  const isOncology = (token: Token) => ONCOLOGY_STEM_PATTERN.test(token.stem);
  const title = view.title.some(isOncology) ? IN_TITLE : 0;
  const keywords = view.keywords.some((words) => words.some(isOncology)) ? IN_KEYWORDS : 0;
  const mentions = view.abstract.filter(isOncology).length;
  const mesh = bestHeading(
    view.mesh,
    (heading) => ONCOLOGY_MESH_PATTERN.test(heading.descriptor),
    mentions > 0 || title > 0,
  );
  return placesScore([title, keywords, mesh, abstractScore(mentions)]);
}

/**
 * How clearly the paper's patients are children: said in the title or keywords, in the
 * abstract, or by MeSH age groups (weakly when adults were studied as well).
 */
function pediatricScore(view: PaperView): number {
  if (pediatricMentions(view.title) > 0 || view.keywords.some((words) => pediatricMentions(words) > 0))
    return 1;
  const inAbstract = pediatricMentions(view.abstract);
  const names = view.mesh.map((mesh) => mesh.descriptor.toLowerCase());
  const childHeadings = names.some((name) => PEDIATRIC_MESH_NAMES.has(name));
  const adultHeadings = names.some((name) => ADULT_MESH_NAMES.has(name));
  if (inAbstract >= 2 || (inAbstract === 1 && childHeadings) || (childHeadings && !adultHeadings)) return 0.9;
  if (inAbstract === 1) return 0.6;
  return childHeadings ? 0.4 : 0;
}

/** Words saying the patients are children; "Child A" and "Child-Pugh" grade livers, not ages. */
function pediatricMentions(tokens: Token[]): number {
  return tokens.filter(
    (token, index) => PEDIATRIC_TEXT_STEMS.has(token.stem) && !CHILD_PUGH.test(tokens[index + 1]?.raw ?? ''),
  ).length;
}

function textMentions(view: PaperView, phrases: Phrase[]): boolean {
  return phrases.some(
    (phrase) =>
      countPhrase(view.title, phrase) > 0 ||
      countPhrase(view.abstract, phrase) > 0 ||
      view.keywords.some((words) => countPhrase(words, phrase) > 0),
  );
}

function bestHeading(mesh: MeshView[], matches: (heading: MeshView) => boolean, confirmed: boolean): number {
  return mesh.reduce(
    (best, heading) => (matches(heading) ? Math.max(best, headingScore(heading.weight, confirmed)) : best),
    0,
  );
}

/** A heading the paper's text also names is what it is about; one only in its MeSH may be a side note. */
function headingScore(weight: MeshWeight, confirmed: boolean): number {
  if (weight === 'major') return MESH_MAJOR;
  const table = weight === 'minor' ? MESH_MINOR : MESH_UNKNOWN;
  return confirmed ? table.confirmed : table.alone;
}

function exactAlone(weight: MeshWeight): number {
  return weight === 'unknown' ? EXACT_HEADING_UNKNOWN : 0;
}

function abstractScore(mentions: number): number {
  return mentions === 0 ? 0 : Math.min(ABSTRACT_MAX, ABSTRACT_FIRST + ABSTRACT_EACH_MORE * (mentions - 1));
}

function placesScore(places: number[]): number {
  const [best = 0, second = 0] = [...places].sort((a, b) => b - a);
  return best + SECOND_PLACE * second;
}

function trimFunctionWords(tokens: Token[]): Token[] {
  let start = 0;
  let end = tokens.length;
  while (start < end && FUNCTION_WORDS.has((tokens[start] as Token).stem)) start++;
  while (end > start && FUNCTION_WORDS.has((tokens[end - 1] as Token).stem)) end--;
  return tokens.slice(start, end);
}
