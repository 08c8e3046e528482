import { definedAbbreviations } from '../text/index.js';
import type { Paper } from '../types.js';
import { type Concept, plainWordsOf, saysForm, type TextKeys, textKeysOf } from '../vocabulary/index.js';
import { searchableText } from './corpus-terms.js';

/** Word keys of a whole paper, computed once per paper object. */
const paperKeyCache = new WeakMap<Paper, TextKeys>();

export function paperKeys(paper: Paper): TextKeys {
  let keys = paperKeyCache.get(paper);
  if (!keys) {
    keys = textKeysOf(searchableText(paper));
    paperKeyCache.set(paper, keys);
  }
  return keys;
}

const definitionCache = new WeakMap<Paper, Map<string, string>>();

/**
 * Word keys of one sentence of a paper, with the long forms of the abbreviations the paper
 * defines: "CLABSIs occurred in seven (0.6%)" also says "central line-associated bloodstream
 * infections", and "PMS" says "post-metastasis survival".
 */
export function sentenceKeys(paper: Paper, sentence: string): TextKeys {
  let definitions = definitionCache.get(paper);
  if (!definitions) {
    definitions = definedAbbreviations(paper.abstract.map((section) => section.text).join('\n'));
    definitionCache.set(paper, definitions);
  }
  // "Ca/Bis", "CAR-T" are defined whole: look up the sentence's tokens as written, too.
  const written = sentence
    .split(/\s+/)
    .map((token) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  const longForms = [...new Set([...plainWordsOf(sentence), ...written])].flatMap((word) => {
    const longForm = definitions.get(word);
    return longForm ? [longForm] : [];
  });
  return textKeysOf(longForms.length > 0 ? `${sentence}\n${longForms.join('\n')}` : sentence);
}

/** True when the text says the concept in one of its forms (every word of that form present). */
export function covers(text: TextKeys, concept: Concept): boolean {
  return concept.forms.some((form) => saysForm(text, form));
}

/** Share of the concepts' weight a text covers, 0 to 1; 0 when nothing weighs. */
export function weightedCoverage(keys: TextKeys, concepts: Concept[]): number {
  let total = 0;
  let covered = 0;
  for (const concept of concepts) {
    total += concept.weight;
    if (covers(keys, concept)) covered += concept.weight;
  }
  return total === 0 ? 0 : covered / total;
}
