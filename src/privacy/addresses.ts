import { extend } from './address-extent.js';
import {
  COMPASS,
  endsSentence,
  isStreetType,
  type Piece,
  piecesOf,
  STREET_PARTICLES,
  sameLine,
  UNIT,
} from './address-pieces.js';
import { hasDrugOrDiseaseShape, hasMedicalShape, isClinicalWord } from './clinical-terms.js';
import { isAgeAndSex, isPlausibleStreetNumber, isYear } from './house-numbers.js';
import { type Lexicon, lexicon, normalizeWord } from './lexicon.js';
import { spansOf } from './match.js';
import { capitalizedWords, isMostlyUpper } from './name-tokens.js';
import { findPostalParts } from './postal-parts.js';
import type { PhiSpan } from './spans.js';
import { endsInStreetType, streetWords } from './street-words.js';

/**
 * Street addresses, in the world's shapes: "1600 Pennsylvania Ave", "Koskikatu 25 Apt. 864",
 * "Rua do Arenque 1634", "Erzsébet tér 19.", "PSC 0413, Box 8144", with the city, region,
 * country and postal-code lines that follow. A street is a number next to a street-type word
 * or next to a capitalized word that is no English word; after an address cue ("lives at",
 * "Address:") the words that follow are taken even without a number.
 */

/** Words after which the rest of the sentence is an address when it looks like one. */
const ADDRESS_CUE =
  /(?:\baddress(?:es)?(?:\s+(?:is|was|to|with|of|on file))?|\b(?:lives?|lived|living|located|meet(?: me)?|stop|off|arrived|deliver(?:ed)?|ship(?:ped)?(?: it| them| this)?|mail(?:ed)?(?: it| them| this)?|return(?:ed)?|sent|send(?: it| them| this)?|taxi|moved|moving|drive) (?:at|to|on|in)|\b(?:office|restaurant|station|store|clinic|home|flat|apartment|house|shop|studio) is (?:at|on|in)|\b(?:flat|apartment|house) is|\bcorner of|\bside of|\bhere they are|\bit'?s in)\s*[:-]?\s*$/i;
const HOUSE_NUMBER_WORD = /^(?:no\.?|nr\.?|n\.|nº|n°)$/;
/** "8 bis", "12 ter": the French and Italian second and third house at one number. */
const HOUSE_NUMBER_SUFFIX = /^(?:bis|ter|quater)$/;
/** Chat words no street name holds: "2 isocenters vs 1", "the >75s, they're most of our pts". */
const NEVER_IN_STREETS = /^(?:vs\.?|versus|per|\p{L}+['’](?:re|ll|ve|d|m|t))$/u;

/**
 * Street addresses and ZIP codes in `text`. A label or a form typed in capitals ("DELIVER TO
 * 16 BIRCH LANE, APT 5") is read as if its words were capitalized, offsets unchanged.
 */
export function findAddresses(typed: string): PhiSpan[] {
  const capitals = isMostlyUpper(typed);
  const text = capitals ? capitalizedWords(typed) : withCapitalStreets(typed);
  const lex = lexicon();
  const pieces = piecesOf(text);
  const spans: PhiSpan[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const anchor = anchorAt(text, pieces, i, lex, capitals);
    if (!anchor) continue;
    const extent = extend(text, pieces, anchor.first, anchor.last, lex);
    const start = withLeadingParticles(text, extent.start);
    spans.push({ start: streetJoinedBefore(text, start), end: extent.end, kind: 'address' });
    i = extent.lastPiece;
  }
  spans.push(...findPostalParts(text, lex), ...spansOf(text, HOUSE_NUMBER_LABELLED, 'address'));
  return spans;
}

/** "H.No. 2-3-417/8", "House No. C14/5", "Plot No 17": a house number named as such (India, West Africa). */
const HOUSE_NUMBER_LABELLED =
  /(?<![\p{L}\p{N}])(?:H\.\s?No|House\s?No|Flat\s?No|Plot\s?No|Door\s?No)\.?\s*[:.-]?\s*\p{L}?\d[\p{L}\p{N}/-]*/giu;

/** A house number and capitals ending in a capitals word: "15 KING'S ROAD", "9 OLD MILL LN". */
const CAPITALS_STREET =
  /(?<![\p{L}\p{N}])\d{1,5}[A-Z]?\s+(?:\p{Lu}[\p{Lu}'’.-]*\s+){1,3}(\p{Lu}{2,})(?![\p{L}\p{N}])/gu;

/**
 * "send it to 15 KING'S ROAD, London": a street typed in capitals inside a mixed-case message is
 * read as a form typed in capitals is, offsets unchanged.
 */
function withCapitalStreets(text: string): string {
  return text.replace(CAPITALS_STREET, (street: string, type: string) => {
    // "4 MRI DR", "3 PET CT", "5 HEAD NECK CT": acronyms before a type's letters are no street's
    // name, and two-letter types (CT, ST, DR, LN) are as often clinical shorthand.
    const names = street.split(/\s+/).slice(1, -1);
    const named = names.some((word) => word.replace(/['’.-]/g, '').length >= 4 && !isClinicalWord(word));
    const typed = (type.length >= 3 || type === 'RD') && streetWords().types.has(normalizeWord(type));
    return named && typed ? capitalizedWords(street) : street;
  });
}

/** "van der Polgracht 87", "von der Tann-Straße 4": the small words a Dutch or German street's name opens with. */
const LEADING_PARTICLES = /(?<![\p{L}\p{M}])(?:van|von|ter|ten)(?: (?:de|der|den|het))? $/iu;

/** Where a street starts when its name opens with small words typed in lower case. */
function withLeadingParticles(text: string, start: number): number {
  if (!/^\p{Lu}/u.test(text.slice(start))) return start;
  const match = LEADING_PARTICLES.exec(text.slice(Math.max(0, start - 12), start));
  return match ? start - match[0].length : start;
}

/** "…to the same: Lillegade and Rua Amaral Peixoto 12": a street without a number, joined to an address. */
const STREET_BEFORE_AND =
  /(?:[:,]|\b(?:at|is|to|on))\s+((?:\p{Lu}[\p{L}\p{M}'’.-]*)(?: [\p{L}\p{M}'’.-]+){0,4}) and $/u;

/** Where an address starts when a typed street name is joined to it by "and". */
function streetJoinedBefore(text: string, start: number): number {
  const match = STREET_BEFORE_AND.exec(text.slice(Math.max(0, start - 80), start));
  const street = match?.[1];
  if (!street) return start;
  const typed = street
    .split(' ')
    .some((word) => isStreetType({ key: normalizeWord(word) } as Piece) || endsInStreetType(word));
  return typed ? start - street.length - ' and '.length : start;
}

/** The pieces `first..last` that make a street at piece `i`, if one starts there. */
function anchorAt(text: string, pieces: Piece[], i: number, lex: Lexicon, capitals: boolean) {
  const piece = pieces[i] as Piece;
  const next = pieces[i + 1];
  const cue = ADDRESS_CUE.test(text.slice(Math.max(0, piece.start - 40), piece.start));
  const lowerText = !/\p{Lu}/u.test(text);
  const loose = cue || lowerText;
  // Lower-case chat is full of a word beside a number ("station 9", "ecog 2, plt 45", "2
  // isocenters"): there, without a cue, a street needs a street-type word or a house number.
  // In capitals ("2 UNITS PRBC GIVEN") every word looks like a name: a street needs its type.
  const nameMakesStreet = cue || (!lowerText && !capitals);
  if (
    UNIT.test(piece.key) &&
    next?.kind === 'number' &&
    sameLine(text, piece, next) &&
    // "unit (<50 hepatectomies a yr)": a bracket or a sign before the number makes it no flat.
    /^\s*[#:]?\s*$/.test(text.slice(piece.end, next.start)) &&
    // "Rm 3.114", a room of a hospital building, not a flat; "FL 3rd relapse", follicular lymphoma.
    !/^[.,]\d/.test(text.slice(next.end)) &&
    piece.text !== 'FL' &&
    piece.key !== 'no.' &&
    piece.key !== 'no'
  )
    return { first: i, last: i + 1 };
  if (piece.kind === 'number') {
    // "17 mill road, cambridge", "12 rose ave": typed in lower case in a message with capitals.
    const lowerEnd = lowerCaseStreetEnd(text, pieces, i);
    if (lowerEnd !== undefined && isPlausibleStreetNumber(text, piece)) return { first: i, last: lowerEnd };
    // "5049 Harjukuja 54", "1600 Pennsylvania Ave": a number, then a street name on the line;
    // "8 bis rue du Port": the number's own suffix first.
    let j = HOUSE_NUMBER_SUFFIX.test(pieces[i + 1]?.key ?? '') && text[piece.end] === ' ' ? i + 2 : i + 1;
    let typed = false;
    let named = false;
    while (j < pieces.length && j <= i + 4 && sameLine(text, pieces[j - 1] as Piece, pieces[j] as Piece)) {
      const word = pieces[j] as Piece;
      if (j > i + 1 && endsSentence(pieces[j - 1] as Piece, word, lowerText)) break;
      if (word.kind === 'number') break;
      // "3 (Kell vs RhD)": a house number and its street are not split by a bracket.
      if (j === i + 1 && /[()[\]]/.test(text.slice(piece.end, word.start))) break;
      // "3 impasse des Mouettes", "14 rue du Fort Wallis": a street type in lower case before its
      // name, as French and Spanish write it ("2 court dates" is no street).
      const after = pieces[j + 1];
      const typeBeforeName =
        isStreetType(word) &&
        !word.text.endsWith('.') &&
        after !== undefined &&
        /^,?\s+$/.test(text.slice((pieces[j - 1] as Piece).end, word.start)) &&
        text.slice(word.end, after.start) === ' ' &&
        (/^\p{Lu}/u.test(after.text) || STREET_PARTICLES.has(after.key));
      if (!loose && !/^\p{Lu}/u.test(word.text) && !STREET_PARTICLES.has(word.key) && !typeBeforeName) break;
      // "2047 NE Alberta St": a compass point between the house number and the street's name.
      const compass = j === i + 1 && COMPASS.test(word.text);
      if (isStreetType(word)) typed = true;
      else if (!compass && !isStreetNameWord(word, lex, loose) && !surnameOfStreet(word, pieces, i, j, lex))
        break;
      else if (!compass)
        named =
          (nameMakesStreet || /^\d{2,}/.test(piece.text)) &&
          (named || (isNameLike(word, lex) && word.text.length >= 4) || cue);
      j += 1;
    }
    // "3 way catheter", "2 close calls": a street has a name besides its type ("7th Street" has).
    const typeAlone =
      j === i + 2 &&
      /^\d+$/.test(piece.text) &&
      isStreetType(pieces[i + 1] as Piece) &&
      pieces[j]?.kind !== 'number';
    // "3 The Paddocks, Little Snoring": an English close or row named "The …", its town after a
    // comma; "Table 3 The Results, …" counts something else.
    const before = text.slice(Math.max(0, piece.start - 8), piece.start);
    const theName =
      pieces[i + 1]?.text === 'The' &&
      (!/\p{L}\s$/u.test(before) || /\b(?:at|to|from)\s$/i.test(before)) &&
      text.slice(piece.end, (pieces[i + 1] as Piece).start) === ' ' &&
      pieces.slice(i + 2, j).some((word) => /^,\s*\p{Lu}/u.test(text.slice(word.end)));
    if (
      j > i + 1 &&
      !typeAlone &&
      (typed || named || theName) &&
      isPlausibleStreetNumber(text, piece) &&
      (typed || !isYear(piece))
    )
      return { first: i, last: j - 1 };
    return undefined;
  }
  if (!isStreetNameStart(piece, next, lex, loose)) return undefined;
  // "Koskikatu 25", "Rua do Arenque 1634", "Erzsébet tér 19.": words, then a number.
  let j = i;
  let typed = false;
  let named = false;
  while (j < pieces.length && j <= i + 4) {
    const word = pieces[j] as Piece;
    if (
      j > i &&
      (!sameLine(text, pieces[j - 1] as Piece, word) || endsSentence(pieces[j - 1] as Piece, word, lowerText))
    )
      break;
    if (word.kind === 'number') break;
    if (isStreetType(word) || endsInStreetType(word.text)) typed = true;
    else if (!isStreetNameWord(word, lex, loose || j > i)) break;
    else named = named || (isNameLike(word, lex) && word.text.length >= 4) || cue;
    j += 1;
  }
  // "ecog 2", "plt 45", "the station 9 nodes": in lower-case chat one word before a number is a
  // lab, a score or a lymph-node station, whatever street types it shares a name with.
  if (!nameMakesStreet && (!typed || lowerText) && j - i < 2) return undefined;
  // "Jln. Hasan no 17", "via Roma n. 12": the house number after its own small word.
  if (typed && HOUSE_NUMBER_WORD.test(pieces[j]?.key ?? '') && pieces[j + 1]?.kind === 'number') j += 1;
  const number = pieces[j];
  if (number?.kind !== 'number' || !sameLine(text, pieces[j - 1] as Piece, number)) {
    // "Herceg Gateway St.", "Marina Fort Street": a named street, then the word street itself.
    const lastWord = pieces[j - 1] as Piece;
    const endsInStreet =
      j - i >= 2 && /^(?:street|st\.?|str\.?)$/i.test(lastWord.text) && /^\p{Lu}/u.test(piece.text);
    if (endsInStreet || (cue && typed)) return { first: i, last: j - 1 };
    return undefined;
  }
  if (!(typed || named) || !isPlausibleStreetNumber(text, number)) return undefined;
  // "routine abdo/pelvis CT, 1000 scans": a street type alone, with no name, is no street; but
  // "Calle 93 # 11-27", a numbered street, then a hash and the house's own number, is one.
  const numberedStreet =
    piece.text.length >= 4 && /^ ?# ?\d{1,3}[A-Z]?-\d{1,3}\b/.test(text.slice(number.end, number.end + 12));
  if (j - i === 1 && isStreetType(piece) && !cue && !numberedStreet) return undefined;
  // "pt Clark Carroll 67F w/ new dx": two names and an age; a street would carry its type.
  if (!typed && isAgeAndSex(text, number)) return undefined;
  // "X-ray, 66", "life-expectancy = 5": a street name runs into its number with only a space.
  const gap = text.slice((pieces[j - 1] as Piece).end, number.start);
  if (!typed && (!/^ +$/.test(gap) || isYear(number))) return undefined;
  return { first: i, last: j };
}

/** Street types people type in lower case: "mill road", "rose ave"; the rest end a phrase ("chestnut close,"). */
const LOWER_CASE_TYPES = new Set(
  'road street avenue ave lane drive boulevard blvd crescent terrace'.split(' '),
);
const LOWER_CASE_TYPES_AT_END = new Set(
  'rd st ln dr close cres grove gardens parade mews way row place pl walk rise view hill court ct'.split(' '),
);
/** Street types no phrase runs on from, so a street ends there before any word ("3 ash grove instead of 13"). */
const LOWER_CASE_TYPES_NEVER_RUN_ON = new Set('grove gardens mews parade'.split(' '));
/** Words of a phrase, never of a street's name: "3 in a row", "1 more way", "2 other place". */
const NEVER_STREET_NAME_WORDS = new Set(
  'a an in on at of to for by with and or per from more less other different same each every this that these those'.split(
    ' ',
  ),
);

/**
 * The last piece of a lower-case street after house number `i`: one to three lower-case words
 * and a street type, then the end of the phrase ("17 mill road, cambridge"); "2 court dates" and
 * "3 way catheter" run on past the type.
 */
function lowerCaseStreetEnd(text: string, pieces: Piece[], i: number): number | undefined {
  for (let j = i + 2; j <= i + 4 && j < pieces.length; j++) {
    const type = pieces[j] as Piece;
    const names = pieces.slice(i + 1, j);
    // "410 e 6th st": a compass letter and an ordinal are part of the name.
    const nameLike = (p: Piece) =>
      (p.kind === 'word' &&
        /^\p{Ll}/u.test(p.text) &&
        !isClinicalWord(p.text) &&
        !NEVER_STREET_NAME_WORDS.has(p.key)) ||
      /^\d+(?:st|nd|rd|th)$/.test(p.text);
    if (!names.every(nameLike)) return undefined;
    if (!sameLine(text, pieces[j - 1] as Piece, type)) return undefined;
    const key = type.key.replace(/\.$/, '');
    if (!/^\p{Ll}/u.test(type.text) || !(LOWER_CASE_TYPES.has(key) || LOWER_CASE_TYPES_AT_END.has(key)))
      continue;
    const after = text.slice(type.end, type.end + 3);
    const ends = /^(?:$|[,;.!?)\n]|\s+#|\s*$|\s+\p{Lu})/u.test(after);
    // "41 beech hill road": a type that runs on may be a word of the name before the type.
    if (ends || LOWER_CASE_TYPES.has(key) || LOWER_CASE_TYPES_NEVER_RUN_ON.has(key)) return j;
  }
  return undefined;
}

/**
 * "982 Gleason Meadow", "3458 Rue de la Pompe": a surname that is also a clinical eponym names the
 * street when a street type follows it; any such word does when a capitalized type opens the
 * street before it ("Rue", "Via").
 */
function surnameOfStreet(word: Piece, pieces: Piece[], house: number, at: number, lex: Lexicon): boolean {
  if (!/^\p{Lu}\p{Ll}/u.test(word.text)) return false;
  const next = pieces[at + 1];
  const opening = pieces[house + 1];
  return (
    (lex.lastNames.has(word.key) && next !== undefined && next.kind === 'word' && isStreetType(next)) ||
    (opening !== undefined && at > house + 1 && isStreetType(opening) && /^\p{Lu}/u.test(opening.text))
  );
}

/** A word of a street's name: "Koskikatu", "Arenque", "do"; not an acronym, unit or clinical term. */
function isStreetNameWord(piece: Piece, lex: Lexicon, cue: boolean): boolean {
  if (piece.kind !== 'word' || NEVER_IN_STREETS.test(piece.key)) return false;
  // "Thomas Rd" is named for a person, whatever its ending looks like ("-omas").
  const person = lex.firstNames.has(piece.key) || lex.lastNames.has(piece.key);
  if (isClinicalWord(piece.text) || (hasDrugOrDiseaseShape(piece.text) && !person)) return false;
  // "Corso Vittorio Emanuele II 211": a king's or pope's numeral inside a street's name.
  if (/^\p{Lu}[\p{Ll}\p{M}'’-]+\.?$|^\p{Lu}\.?$|^[IVX]{2,4}$/u.test(piece.text)) return true;
  // "Beahan-Hudson Mill", "O'Connell Valleys", "rue Notre-Dame-des-Champs": a double-barrelled or
  // Irish name, its small words in lower case ("Short-Form" is none).
  const barrels = piece.key.replace(/\.$/, '').split(/['’-]/);
  if (
    /^\p{Lu}[\p{Ll}\p{M}]*(?:['’-](?:\p{Lu}[\p{Ll}\p{M}]+|de|des|du|la|le|les|sur|sous|en|lès|di|del|da|do|dos|das|am|an|im|op|aan))+\.?$/u.test(
      piece.text,
    ) &&
    !barrels.every((part) => part.length <= 1 || lex.commonWords.has(part))
  )
    return true;
  if (STREET_PARTICLES.has(piece.key) || /^[dl]['’]\p{Lu}/u.test(piece.text)) return true;
  const parts = piece.key.replace(/\.$/, '').split('-');
  return piece.text === piece.key && !parts.every((part) => lex.commonWords.has(part)) && cue;
}

function isStreetNameStart(piece: Piece, next: Piece | undefined, lex: Lexicon, cue: boolean): boolean {
  if (piece.kind !== 'word') return false;
  // "wyspa Sikora 74b", "al. Kurowski 9": a lower-case street type before a capitalized name.
  const typedBeforeName = isStreetType(piece) && next !== undefined && /^\p{Lu}\p{Ll}/u.test(next.text);
  if (!/^\p{Lu}/u.test(piece.text) && !cue && !typedBeforeName) return false;
  return isStreetType(piece) || endsInStreetType(piece.text) || isStreetNameWord(piece, lex, cue);
}

function isCommon(piece: Piece, lex: Lexicon): boolean {
  return lex.commonWords.has(piece.key.replace(/\.$/, '')) || lex.places.has(piece.key);
}

/** A street named for a person or place, not a drug or a clinical adjective ("Epinephrine 15"). */
function isNameLike(piece: Piece, lex: Lexicon): boolean {
  return !isCommon(piece, lex) && !hasMedicalShape(piece.text) && !isPluralOfWord(piece.key, lex);
}

/** "40 centres", "12 cohorts": the plural of a dictionary noun names no one, unless a name list knows it ("Roberts"). */
function isPluralOfWord(key: string, lex: Lexicon): boolean {
  const singular = /(?:ch|sh|x|ss)es$/.test(key) ? key.slice(0, -2) : key.replace(/(?<!s)s$/, '');
  return (
    singular !== key &&
    (lex.vocabulary.has(singular) || lex.commonWords.has(singular)) &&
    !lex.firstNames.has(key) &&
    !lex.lastNames.has(key)
  );
}
