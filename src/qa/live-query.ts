import { MESH_ENTRY_TERMS } from '../digest/mesh-terms.js';
import { type Concept, wordKey } from '../vocabulary/index.js';
import type { UnderstoodQuestion } from './understand.js';

/** One search for a question, in each service's syntax, and in plain words for the answer's label. */
export interface LiveQuery {
  /** The concepts ANDed, each as its ways of saying it ORed: what the label shows. */
  core: string;
  pubmed: string;
  europePmc: string;
}

/** More ANDed concepts than this find nothing; the rarest, most specific ones are kept. */
const MAX_CONCEPTS = 4;
/** After a search that found nothing, the next one keeps only this many concepts… */
const RELAXED_CONCEPTS = 2;
/** …and searches a word by its stem ("adherent" → adher*), when the stem is this long. */
const MIN_TRUNCATED_STEM = 5;
const PHRASES_PER_CONCEPT = 4;
/** Answers quote abstracts, and commentary is not evidence. */
const PUBMED_FILTERS = 'AND hasabstract[text] NOT (comment[pt] OR editorial[pt] OR letter[pt] OR news[pt])';
const EUROPEPMC_FILTERS = 'AND HAS_ABSTRACT:y AND (SRC:MED OR SRC:PPR)';

/** Lowercased entry term (and heading) → the MeSH heading, for `[mh]` beside the words. */
const HEADINGS = new Map(
  Object.entries(MESH_ENTRY_TERMS).flatMap(([heading, terms]) => [
    [heading.toLowerCase(), heading] as const,
    ...terms.map((term) => [term.toLowerCase(), heading] as const),
  ]),
);

/**
 * The searches a question stands for, strictest first: its drugs, genes, trials, diseases and
 * populations (not the outcome asked, which ranks answers but would narrow the search to
 * papers using that exact word), each as the ways papers say it. PubMed maps untagged words to
 * MeSH itself (automatic term mapping); headings the app knows are added as `[mh]`. When the
 * strict search finds nothing, the next keeps only the most specific concepts and searches
 * their words by stem (a question's "adherent" is a paper's "adherence"). Empty when the
 * question names nothing to search for.
 */
export function liveQueriesFor(question: UnderstoodQuestion): LiveQuery[] {
  const concepts = searchConcepts(question);
  if (concepts.length === 0) return [];
  const strict = queryOf(concepts.slice(0, MAX_CONCEPTS), false);
  const relaxed = queryOf(concepts.slice(0, RELAXED_CONCEPTS), true);
  return relaxed.pubmed === strict.pubmed ? [strict] : [strict, relaxed];
}

/** Names first (a paper must use them), then the rarest subjects. */
function searchConcepts(question: UnderstoodQuestion): Concept[] {
  const seen = new Set<string>();
  return [...question.concepts, ...question.context]
    .filter((concept) => concept.role === 'code' || (concept.role === 'subject' && concept.weight > 0))
    .filter((concept) => {
      const key = concept.text.toLowerCase();
      if (seen.has(key) || phrasesOf(concept).length === 0) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => Number(b.role === 'code') - Number(a.role === 'code') || b.weight - a.weight);
}

/** The concept as typed and the other ways papers say it; fragments too short to search are left out. */
function phrasesOf(concept: Concept): string[] {
  const phrases = concept.known ? concept.phrases : [concept.text];
  return [
    ...new Set(
      phrases.map((phrase) =>
        phrase
          .replace(/["()[\]{}:]/g, ' ')
          .trim()
          .toLowerCase(),
      ),
    ),
  ]
    .filter((phrase) => phrase.replace(/[^\p{L}\p{N}]/gu, '').length >= 3 || /\d/.test(phrase))
    .slice(0, PHRASES_PER_CONCEPT);
}

function queryOf(concepts: Concept[], truncated: boolean): LiveQuery {
  const groups = concepts.map((concept) => {
    const exact = phrasesOf(concept);
    const phrases = truncated && concept.role !== 'code' ? [...new Set(exact.map(truncate))] : exact;
    const headings = [...new Set(phrases.flatMap((phrase) => HEADINGS.get(phrase) ?? []))];
    return { phrases, headings };
  });
  const pubmed = groups.map(({ phrases, headings }) =>
    anyOf([...phrases.map(pubmedTerm), ...headings.map((heading) => `"${heading}"[mh]`)]),
  );
  const europePmc = groups.map(({ phrases, headings }) =>
    anyOf([...phrases.map(quoted), ...headings.map((heading) => `MESH_HEADING:"${heading}"`)]),
  );
  const core = groups.map(({ phrases }) => anyOf(phrases)).join(' AND ');
  return {
    core,
    pubmed: `${pubmed.join(' AND ')} ${PUBMED_FILTERS}`,
    europePmc: `${europePmc.join(' AND ')} ${EUROPEPMC_FILTERS}`,
  };
}

/** A single word as its stem and a wildcard, both services' truncation ("adher*"); a phrase as it is. */
function truncate(phrase: string): string {
  if (!/^\p{L}+$/u.test(phrase)) return phrase;
  const stem = wordKey(phrase);
  return stem.length >= MIN_TRUNCATED_STEM && stem !== phrase ? `${stem}*` : phrase;
}

/** Words stay unquoted so PubMed maps them to MeSH; a code with punctuation is searched as written. */
function pubmedTerm(phrase: string): string {
  return /^[\p{L}\p{N} ]+\*?$/u.test(phrase) ? phrase : quoted(phrase);
}

function quoted(phrase: string): string {
  return /^[\p{L}\p{N}]+\*?$/u.test(phrase) ? phrase : `"${phrase}"`;
}

function anyOf(terms: string[]): string {
  return terms.length === 1 ? (terms[0] as string) : `(${terms.join(' OR ')})`;
}
