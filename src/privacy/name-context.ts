import { hasMedicalShape, isClinicalHead, isEponym } from './clinical-terms.js';
import { type Lexicon, normalizeWord } from './lexicon.js';
import { joined, type Token } from './name-tokens.js';

/** What around a capitalized run says it is no person: an eponym, a place. */

/** A capitalized run before one of these names an institution or a place, not a person. */
export const INSTITUTION_HEADS = new Set(
  `hospital hospitals university universities institute institutes center centre centers centres clinic clinics
college school foundation society memorial cancer medical health trust group inc ltd srl gmbh corporation corp
company laboratories laboratory pharmaceuticals study trial cohort registry survey county region province
district state city island islands valley river lake mountains children's heart research network program
programme department unit ward database general`.split(/\s+/),
);

/**
 * Surnames that name one cancer centre after the word they belong to: "Sloan Kettering", "Dana
 * Farber", "Fred Hutch". Alone they are still people's names ("Name: Obadiah Kettering").
 */
const CENTRE_NAMES = new Map([
  ['kettering', 'sloan'],
  ['farber', 'dana'],
  ['hutch', 'fred'],
]);

/** The word at `key` heads an institution's name, given the word before it. */
export function isInstitutionHead(key: string, before: string | undefined): boolean {
  const partner = CENTRE_NAMES.get(key);
  return partner === undefined ? INSTITUTION_HEADS.has(key) : partner === before;
}

/** "Lombardy region", "Kalabo district": a place, even with the head word in lower case. */
export const PLACE_HEADS = new Set(
  'region district county province state city island islands valley river lake'.split(' '),
);

/** "tetralogy of Fallot", "ligament of Treitz", "islets of Langerhans": an eponym after "<clinical word> of". */
export function afterClinicalOf(tokens: Token[], first: Token, lex: Lexicon): boolean {
  const at = tokens.indexOf(first);
  const of = tokens[at - 1];
  const head = tokens[at - 2];
  if (!of || !head || of.key !== 'of' || head.shape !== 'lower') return false;
  return isClinicalHead(head.text) || hasMedicalShape(head.text) || !lex.commonWords.has(head.key);
}

/** "Pearson and Spearman", "Bland and Altman": an eponym listed with another eponym. */
export function coordinatedEponym(text: string, tokens: Token[], first: Token, last: Token): boolean {
  if (first !== last || !isEponym(first.text)) return false;
  const at = tokens.indexOf(first);
  const before = tokens[at - 2];
  const afterWord = tokens[at + 2];
  const joiner = /^(?:\s(?:and|or|&)\s|,\s)$/;
  return (
    (before !== undefined &&
      isEponym(before.text) &&
      joiner.test(text.slice(before.end, first.start).replace(/\b(?:and|or)\b/, ' and '))) ||
    (afterWord !== undefined &&
      isEponym(afterWord.text) &&
      /^\s(?:and|or|&)\s/.test(text.slice(first.end, afterWord.start)))
  );
}

/** "San Francisco", "New Zealand", "West Virginia": the run, or the run with the word before it, is a place. */
export function isPlaceName(text: string, tokens: Token[], first: Token, last: Token, lex: Lexicon): boolean {
  const run = normalizeWord(text.slice(first.start, last.end));
  if (first !== last && (lex.cities.has(run) || lex.places.has(run))) return true;
  // "Victoria, Australia": a word followed by a country or region is a place ("Ivan Petrović,
  // Croatian" is a man).
  // "Beatriz, Jun-seo and…": a region is a whole word, not the first part of a given name.
  const region =
    first === last
      ? /^,\s(\p{Lu}[\p{L}\p{M}]+)(?![\p{L}\p{M}'’-])/u.exec(text.slice(last.end))?.[1]
      : undefined;
  // "Mei, Jun": a word only name lists and a gazetteer know ("Jun", a town) is no country or region.
  const regionKey = region ? normalizeWord(region) : undefined;
  if (
    regionKey &&
    lex.places.has(regionKey) &&
    !lex.firstNames.has(regionKey) &&
    (lex.things.has(regionKey) || !lex.otherNames.has(regionKey))
  )
    return true;
  const before = tokens[tokens.indexOf(first) - 1];
  if (before?.shape !== 'cap' || !joined(text, before, first)) return false;
  const wider = `${before.key} ${run}`;
  return lex.cities.has(wider) || lex.places.has(wider);
}
