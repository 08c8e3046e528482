import { longFormsOf } from './abbreviations.js';
import { isEverydayWord } from './common-words.js';
import { meshEntryTermsOf } from './mesh-entry-terms.js';
import { isDictionaryWord, pertainymsOf, removalsOf, synonymsOf } from './wordnet.js';

/**
 * Loads the abbreviation table, the everyday-word lists, MeSH's entry terms and WordNet's index now rather than on
 * the first question: a replica pays the ~0.5 s once at start, not in front of the first asker.
 */
export function preloadVocabulary(): void {
  longFormsOf('OS');
  isEverydayWord('gap', true);
  isDictionaryWord('gap');
  synonymsOf('armpit');
  pertainymsOf('kidney');
  removalsOf('spleen');
  meshEntryTermsOf('fibroids');
}
