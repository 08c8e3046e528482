import { isClinicalWord } from './clinical-terms.js';
import { foldAccents, type Lexicon, normalizeWord, onANameList } from './lexicon.js';
import { PARTICLES } from './name-tokens.js';
import { WEEKDAYS_AND_MONTHS } from './name-widening.js';

/**
 * Names written surname first, as charts, forms and tickets write them: "smith, john",
 * "GARCIA, LUIS A", "HASSAN/OMAR MR", "Young, R.". The comma or the slash is what marks them,
 * so they are read apart from the capitalized runs of running text.
 */

/** "smith, john": a listed surname, a comma, a listed given name, in lower case. */
const LAST_COMMA_FIRST =
  /(?<![\p{L}\p{M}])(\p{Ll}[\p{Ll}\p{M}'’-]+), (\p{Ll}[\p{Ll}\p{M}]+)(?![\p{L}\p{M}])/gu;
/**
 * "GARCIA, LUIS A", "SMITH JR, ROBERT L", "KOWALCZYK, Tomasz J.", "VAN DER LINDEN, PIETERNEL",
 * "ROYBAL LEMUS, ARTURO", "PHÙNG, CAO PHONG": a chart's patient line, surname first in capitals.
 */
const UPPER_LAST_COMMA_FIRST =
  /(?<![\p{L}\p{M}])((?:(?:VAN|VON|DE|DER|DEN|DI|DA|DEL|DELLA|LA|LE|DU|DOS|DAS|AL|EL|BIN|BEN|MAC|ST\.?) )*\p{Lu}[\p{Lu}\p{M}'’-]+(?: \p{Lu}[\p{Lu}\p{M}'’-]+)?)(?: (?:JR|SR|II|III|IV)\.?)?, (\p{Lu}(?:[\p{Lu}\p{M}'’-]+|[\p{Ll}\p{M}'’-]+))( \p{Lu}\.?| \p{Lu}[\p{Lu}\p{M}'’-]+)?(?![\p{L}\p{M}])/gu;
/**
 * A passenger as airlines and travel agents write one: "HASSAN/OMAR MR", "AL-MANSOURI/KHALID MRS".
 */
const SURNAME_SLASH_GIVEN =
  /(?<![\p{L}\p{M}\d/])(\p{Lu}[\p{Lu}\p{M}'’-]+)\/(\p{Lu}[\p{Lu}\p{M}'’-]+(?: \p{Lu}[\p{Lu}\p{M}'’-]+)?) (?:MR|MRS|MS|MISS|MSTR|DR)\b/gu;
/**
 * Where a chart line starts: the text or a line, a field label, a quote, or the item before it
 * in a list of people ("present – KARAGIANNIS, Stavros; OKORO, Chiamaka").
 */
const CHART_LINE_START = /(?:^|\n|[:;'"‘“(–—•]|\bpt|\bpatient)\s*$/i;
/** Written as a given name: a capital, then two or more small letters ("Odessa", not "ASA"). */
const WRITTEN_AS_GIVEN = /^\p{Lu}[\p{Ll}\p{M}]{2,}$/u;
/** "Patient: Rafferty, Cormac J": a chart line in mixed case, surname first. */
const MIXED_LAST_COMMA_FIRST =
  /(?<![\p{L}\p{M}])(\p{Lu}[\p{Ll}\p{M}'’-]+), (\p{Lu}[\p{Ll}\p{M}'’-]+)(?: \p{Lu}\.?)?(?![\p{L}\p{M}])/gu;
/** "Transfer £250 to Young, R.", "Reply from O'SULLIVAN-BRADY, N.": a listed surname, a comma and an initial. */
const SURNAME_COMMA_INITIAL =
  /(?<![\p{L}\p{M}'’-])(\p{Lu}[\p{Ll}\p{M}'’-]+|\p{Lu}[\p{Lu}\p{M}'’-]{2,}), \p{Lu}\.(?=[\s,;:)]|$)/gu;
/** Where each surname-first name is in `text`. */
export function surnameFirstNames(text: string, lex: Lexicon): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (const match of text.matchAll(LAST_COMMA_FIRST)) {
    const [, last = '', given = ''] = match;
    if (lex.lastNames.has(normalizeWord(last)) && lex.firstNames.has(normalizeWord(given))) {
      found.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  for (const match of text.matchAll(SURNAME_SLASH_GIVEN)) {
    const [, last = '', given = ''] = match;
    const words = [last, ...given.split(' ')];
    const listed = words.some((word) => onANameList(foldAccents(normalizeWord(word)), lex));
    // The title after the slash marks a passenger, listed or not ("OKONJO/CHIDIMMA MRS"); clinical
    // shorthand such as "ER/PR MS" marks none.
    const clinical = words.some((word) => isClinicalWord(word));
    const unlisted = words.every((word) => word.length >= 3);
    if ((listed || unlisted) && !clinical)
      found.push({ start: match.index, end: match.index + last.length + 1 + given.length });
  }
  for (const match of text.matchAll(SURNAME_COMMA_INITIAL)) {
    const surname = normalizeWord(match[1] ?? '');
    // In capitals a part of a double-barrelled surname is enough: "O'SULLIVAN-BRADY".
    const parts = /\p{Ll}/u.test(match[1] ?? '') ? [surname] : [surname, ...surname.split(/[-'’]/)];
    if (parts.some((part) => part.length >= 3 && lex.lastNames.has(part)) && !isClinicalWord(match[1] ?? ''))
      found.push({ start: match.index, end: match.index + match[0].length });
  }
  for (const match of text.matchAll(UPPER_LAST_COMMA_FIRST)) {
    const [, last = '', given = '', more = ''] = match;
    const initial = /^ \p{Lu}\.?$/u.test(more);
    const chartLine = CHART_LINE_START.test(text.slice(Math.max(0, match.index - 12), match.index));
    const listed = (word: string, names: Set<string>) => {
      const key = normalizeWord(word);
      return (
        names.has(key) ||
        names.has(foldAccents(key)) ||
        key.split(/[-'’ ]/).some((part) => !PARTICLES.has(part) && names.has(part))
      );
    };
    // "PRK, ASA", "ECL-IAA, ECL-GADA": capitals listed in a sentence are acronyms; "in the name of
    // GAGNON-TREMBLAY, Élodie", "filed under YOUNG, Cressida", a listed surname in capitals and a
    // listed name written as a given name ("next to SUMMER, Odessa"), are not.
    const writtenGiven =
      WRITTEN_AS_GIVEN.test(given) &&
      !lex.commonWords.has(normalizeWord(given)) &&
      (listed(given, lex.firstNames) || listed(given, lex.otherNames)) &&
      (listed(last, lex.lastNames) || listed(last, lex.firstNames));
    if (!initial && !writtenGiven && !chartLine) continue;
    // "SMITH, JOHN SEEN IN CLINIC": a second given name only when a list knows it.
    const secondGiven = initial || listed(more, lex.firstNames) || listed(more, lex.lastNames);
    if (
      !last.split(' ').some((word) => isClinicalWord(word)) &&
      !isClinicalWord(given) &&
      (listed(last, lex.lastNames) ||
        listed(given, lex.firstNames) ||
        // "VAUGHAN, Isolde M.": a chart line's surname and given name that only the other name lists know.
        (initial &&
          WRITTEN_AS_GIVEN.test(given) &&
          lex.otherNames.has(normalizeWord(last)) &&
          listed(given, lex.otherNames)) ||
        // "present – KARAGIANNIS, Stavros;": on a chart line or in a list of people, a surname in
        // capitals and a word written as a given name, neither on a list nor an English word.
        (chartLine &&
          WRITTEN_AS_GIVEN.test(given) &&
          /^\p{Lu}*[AEIOUY]\p{Lu}*$/u.test(last) &&
          last.length >= 4 &&
          [last, given].every((word) => !lex.commonWords.has(normalizeWord(word)))))
    )
      found.push({
        start: match.index,
        end: match.index + match[0].length - (secondGiven ? 0 : more.length),
      });
  }
  for (const match of text.matchAll(MIXED_LAST_COMMA_FIRST)) {
    const [, last = '', given = ''] = match;
    const before = text.slice(Math.max(0, match.index - 12), match.index);
    if (!CHART_LINE_START.test(before)) continue;
    if (isClinicalWord(last) || isClinicalWord(given)) continue;
    const patientLine = /\b(?:patient|pt|name|re)\s*:\s*$/i.test(before);
    // "May, June and July": months listed at a sentence's start, unless a field names a person.
    if (!patientLine && [last, given].some((word) => WEEKDAYS_AND_MONTHS.test(normalizeWord(word)))) continue;
    const words = [last, given].map((word) => normalizeWord(word));
    if (patientLine && words.every((word) => !lex.commonWords.has(word)))
      found.push({ start: match.index, end: match.index + match[0].length });
    else if (
      lex.firstNames.has(foldAccents(normalizeWord(given))) ||
      lex.lastNames.has(normalizeWord(last)) ||
      // "rota: Pemberton, Alaric": both names known only to the other name lists, neither a word,
      // and not two places ("Sites: Leeds, York").
      (words.every((word) => lex.otherNames.has(foldAccents(word)) && !lex.commonWords.has(word)) &&
        !words.every((word) => lex.cities.has(word) || lex.places.has(word)))
    )
      found.push({ start: match.index, end: match.index + match[0].length });
  }
  // "HOPE, Marisa and YOUNG, Peni": the next entry of a list of surname-first names.
  for (const match of text.matchAll(UPPER_LAST_COMMA_FIRST)) {
    const [whole, last = '', given = '', more = ''] = match;
    const joiner = /,?\s(?:and|&)\s$/.exec(text.slice(Math.max(0, match.index - 6), match.index))?.[0];
    const listed = joiner !== undefined && found.some((name) => name.end === match.index - joiner.length);
    if (
      listed &&
      !found.some((name) => name.start === match.index) &&
      WRITTEN_AS_GIVEN.test(given) &&
      !isClinicalWord(last) &&
      !isClinicalWord(given)
    )
      found.push({ start: match.index, end: match.index + whole.length - more.length });
  }
  return found;
}
