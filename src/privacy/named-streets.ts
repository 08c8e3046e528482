import { withPremisesBefore } from './address-extent.js';
import { isClinicalWord } from './clinical-terms.js';
import { lexicon, normalizeWord } from './lexicon.js';
import { WEEKDAYS_AND_MONTHS } from './name-widening.js';
import type { PhiSpan } from './spans.js';
import { isFunctionWord } from './word-class.js';

/**
 * Streets named without a house number: "we used to live on Renner Meadow", "turn left at
 * Bergstrom Loaf", "Is Ryleigh Road still closed?". Safe Harbor removes any street, numbered or
 * not. Only street types that name nothing else count: not "Court" (a court of law), "Park"
 * ("Will Park"), "Island", "Station" or "Centre".
 */

const TYPES = new Set(
  `street road avenue lane drive boulevard parkway terrace crescent highway expressway freeway turnpike
alley mews grove parade promenade esplanade quay wharf plaza square trail meadow meadows loop pike route
way place circle gate locks flats pass path spur vista causeway bypass crossing junction landing hollow
knoll ridge glen gardens estates manor harbor harbour heights courts loaf rest walk close row rise`
    .trim()
    .split(/\s+/),
);
/** One to three capitalized words, then a capitalized street type, standing alone. */
const NAMED_STREET =
  /(?<![\p{L}\p{M}'’-])((?:\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}[\p{Ll}\p{M}'’]+)? ){1,3})(\p{Lu}\p{Ll}{2,})(?![\p{L}\p{M}'’-])/gu;
/** Words before a place: "on", "at", "off", "along"… */
const PLACE_BEFORE =
  /\b(?:on|at|off|along|near|from|to|onto|into|down|up|via|past|across|opposite|behind|by|in)\s$/i;
/** After the street, what makes it the name of a place in it: "Renner Meadow Hospital". */
const INSTITUTION_AFTER =
  /^\s(?:Hospital|Clinic|Centre|Center|School|University|College|Medical|Surgery|Practice)\b/;

export function findNamedStreets(text: string): PhiSpan[] {
  const lex = lexicon();
  const spans: PhiSpan[] = [];
  for (const match of text.matchAll(NAMED_STREET)) {
    const [whole, nameWords = '', type = ''] = match;
    if (!TYPES.has(type.toLowerCase())) continue;
    if (INSTITUTION_AFTER.test(text.slice(match.index + whole.length))) continue;
    // "Is Ryleigh Road", "The Way forward": a word of grammar before the name is not in it.
    const words = nameWords.trim().split(' ');
    let start = match.index;
    while (words.length > 0 && isFunctionWord(normalizeWord(words[0] as string)))
      start += (words.shift() as string).length + 1;
    if (words.length === 0 || !words.every((word) => nameWord(word))) continue;
    // "Rosewood Cottage, Church Lane": a house or a building named before it places the street.
    const premises = withPremisesBefore(text, start);
    const placed = premises < start || PLACE_BEFORE.test(text.slice(Math.max(0, start - 12), start));
    if (!placed && words.every((word) => lex.commonWords.has(normalizeWord(word)))) continue;
    spans.push({ start: premises, end: match.index + whole.length, kind: 'address' });
  }
  return spans;
}

function nameWord(word: string): boolean {
  return !isClinicalWord(word) && !WEEKDAYS_AND_MONTHS.test(normalizeWord(word));
}
