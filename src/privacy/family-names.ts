import { isClinicalWord } from './clinical-terms.js';
import type { Lexicon } from './lexicon.js';

/**
 * A family named by its surname in the plural: "The Abernathys' new place", "no.2 is the
 * pereiras", "the Joneses". Only a listed surname that is no English word counts, so "the
 * Browns" of a football team and "the Parkinsons" of a clinic stay.
 */
const FAMILY = /(?<![\p{L}\p{M}])[Tt]he (\p{L}[\p{Ll}\p{M}'’-]+?)(?:es|s)(?=['’]?(?![\p{L}\p{M}]))/gu;

export function familyNames(text: string, lex: Lexicon): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (const match of text.matchAll(FAMILY)) {
    const written = match[1] ?? '';
    const stem = written.toLowerCase();
    const plural = match[0].slice(4);
    if (stem.length < 4 || lex.commonWords.has(stem) || isClinicalWord(written)) continue;
    // "the Patels": capitalized, or in a message typed wholly in lower case.
    if (written[0] === stem[0] && /\p{Lu}/u.test(text)) continue;
    if (!lex.lastNames.has(stem)) continue;
    const start = match.index + 4;
    found.push({ start, end: start + plural.length });
  }
  return found;
}
