export { type LongForm, longFormsOf } from './abbreviations.js';
export {
  BOUND_PREFIXES,
  type Concept,
  type ConceptOptions,
  type ConceptRole,
  conceptsOf,
} from './concepts.js';
export { looksLikeCode, looksLikeDrugName } from './drug-names.js';
export { isMeshTerm } from './mesh-entry-terms.js';
export { preloadVocabulary } from './preload.js';
export { ordinalNumber } from './shorthand-shapes.js';
export { SpellingIndex } from './spelling.js';
export {
  CountedTermFrequencies,
  inverseDocumentFrequency,
  type TermFrequencies,
} from './term-frequencies.js';
export {
  CHAT_WORDS,
  FIGURE_CUES,
  FUNCTION_WORDS,
  MEASURE_WORDS,
  QUANTITY_CUE_WORDS,
} from './word-classes.js';
export { foldWord, usualSpelling, wordKey } from './word-key.js';
export { isDictionaryWord, isKindOf, pertainymsOf, synonymsOf } from './wordnet.js';
export {
  contentKeysOf,
  keysOf,
  plainWordsOf,
  saysForm,
  type TextKeys,
  textKeysOf,
  tokensOf,
} from './words.js';
