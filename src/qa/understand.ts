import { type Concept, conceptsOf } from '../vocabulary/index.js';
import type { CorpusTerms } from './corpus-terms.js';
import { type AskKind, leansOnThread, questionParts } from './question-shape.js';

export interface AskedPart {
  text: string;
  kind: AskKind;
  concepts: Concept[];
}

/** A question read for what it is about, before any paper is looked at. */
export interface UnderstoodQuestion {
  parts: AskedPart[];
  /** Every concept the message itself names. */
  concepts: Concept[];
  /** What the thread's previous question named, when this message leans on it ("and in kids?"). */
  context: Concept[];
  /** The message only makes sense with the thread ("and the median f/u?"): the thread's papers answer it. */
  leansOnThread: boolean;
  /** Names no stored paper uses in any form: a drug, gene, trial or disease the papers don't cover. */
  unknown: Concept[];
  /** The index query: the message's words and the ways the papers say them. */
  searchText: string;
}

const ASKS_WHAT = /^\W*(?:\w+\W+){0,6}?(?:what|what's|whats)\b/i;
/** Forms of a concept added to the index query; the rest only decide matches. */
const QUERY_FORMS = 3;

export function understandQuestion(
  question: string,
  previousQuestion: string | undefined,
  terms: CorpusTerms,
): UnderstoodQuestion {
  const options = { terms: terms.frequencies, spellings: terms.spellings };
  const parts = questionParts(withoutPlaceholders(question)).map((part) => {
    const concepts = conceptsOf(part.text, options);
    // "what was the ADR?": asking what a measure was is asking for its figure.
    const asksMeasure = ASKS_WHAT.test(part.text) && concepts.some((c) => c.role === 'measure');
    return { ...part, kind: asksMeasure ? ('figure' as const) : part.kind, concepts };
  });
  const concepts = uniqueConcepts(parts.flatMap((part) => part.concepts));
  const subjectWeights = concepts
    .filter((c) => c.role === 'subject' || c.role === 'code')
    .map((c) => c.weight);
  const leans = previousQuestion !== undefined && leansOnThread(question, subjectWeights);
  const context = leans
    ? conceptsOf(withoutPlaceholders(previousQuestion), options).filter(
        (c) => c.known && !concepts.some((own) => own.text === c.text),
      )
    : [];
  const unknown = concepts.filter((c) => !c.known && c.role === 'code');
  const searchText = [question, ...[...concepts, ...context].flatMap(queryPhrases)].join(' ');
  return { parts, concepts, context, leansOnThread: leans, unknown, searchText };
}

function queryPhrases(concept: Concept): string[] {
  if (concept.role === 'generic' || !concept.known) return [];
  return concept.phrases.slice(1, 1 + QUERY_FORMS);
}

function uniqueConcepts(concepts: Concept[]): Concept[] {
  const seen = new Set<string>();
  return concepts.filter((c) => {
    const key = c.text.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "[name]", "[MRN]": what redaction left is not what the question is about. */
function withoutPlaceholders(text: string): string {
  return text.replace(/\[[^\]]*\]/g, ' ');
}
