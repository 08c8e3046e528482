import { isClinicalWord } from './clinical-terms.js';
import type { Lexicon } from './lexicon.js';
import { spansOf } from './match.js';
import type { PhiSpan } from './spans.js';

/**
 * A family named by its surname in the plural: "The Abernathys' new place", "no.2 is the
 * pereiras", "the Joneses". Only a listed surname that is no English word counts, so "the
 * Browns" of a football team and "the Parkinsons" of a clinic stay.
 */
const FAMILY = /(?<![\p{L}\p{M}])[Tt]he (\p{L}[\p{Ll}\p{M}'’-]+?(?:es|s))(?=['’]?(?![\p{L}\p{M}]))/dgu;
/** "Joneses" → Jones, "Patels" → Patel. */
const SURNAME_OF_PLURAL = /^(.+?)(?:es|s)$/u;

export function familyNames(text: string, lex: Lexicon): PhiSpan[] {
  // "the Patels": capitalized, or in a message typed wholly in lower case.
  const typedLower = !/\p{Lu}/u.test(text);
  return spansOf(text, FAMILY, 'name', {
    group: 1,
    accept: (plural) => {
      const written = SURNAME_OF_PLURAL.exec(plural)?.[1] ?? '';
      const stem = written.toLowerCase();
      if (stem.length < 4 || lex.commonWords.has(stem) || isClinicalWord(written)) return false;
      if (written[0] === stem[0] && !typedLower) return false;
      return lex.lastNames.has(stem);
    },
  });
}
