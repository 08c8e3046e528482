import {
  COMPASS,
  endsSentence,
  isStreetType,
  type Piece,
  PLOT,
  SECONDARY,
  STATE_CODE,
  STREET_PARTICLES,
  UNIT,
} from './address-pieces.js';
import { hasDrugOrDiseaseShape, isClinicalWord } from './clinical-terms.js';
import type { Lexicon } from './lexicon.js';

/** Lines an address runs to at most (street, city, region, country, postal code). */
const MAX_LINES = 5;
/**
 * Widens a street to the whole address: house numbers before it, and after it the rest of
 * the line and following short lines made of names, codes and numbers (city, region,
 * country, postal code).
 */
export function extend(text: string, pieces: Piece[], first: number, last: number, lex: Lexicon) {
  const lower = !/\p{Lu}/u.test(text);
  // "88 e 3rd st": in a message typed in lower case, so is the compass point.
  const compass = lower ? COMPASS_TYPED_LOWER : COMPASS;
  let start = first;
  while (start > 0) {
    const prev = pieces[start - 1] as Piece;
    // "370 3911 Fourth Avenue": house numbers stand right before the street, a space apart;
    // "No. 7, 3rd Main Road", "Plot 42, Road No. 12": a numbered plot or house, a comma before.
    const gap = text.slice(prev.end, (pieces[start] as Piece).start);
    const plotBefore =
      gap === ', ' &&
      prev.kind === 'number' &&
      PLOT.test((pieces[start - 2] as Piece | undefined)?.key ?? '');
    if (gap !== ' ' && !plotBefore) break;
    // "8134 N 7th Street": a compass point between the house number and the street.
    const houseBeforeCompass =
      compass.test(prev.text) &&
      pieces[start - 2]?.kind === 'number' &&
      text.slice((pieces[start - 2] as Piece).end, prev.start) === ' ';
    if (prev.kind === 'number' || UNIT.test(prev.key) || PLOT.test(prev.key)) start -= 1;
    else if (houseBeforeCompass) start -= 2;
    else break;
  }
  const startOffset =
    start === first && UNIT.test((pieces[first] as Piece).key)
      ? withStreetBeforeUnit(text, (pieces[start] as Piece).start, lex)
      : withPremisesBefore(text, (pieces[start] as Piece).start);
  let end = last;
  let lines = 0;
  while (end + 1 < pieces.length) {
    const next = pieces[end + 1] as Piece;
    const gap = text.slice((pieces[end] as Piece).end, next.start);
    const current = pieces[end] as Piece;
    // "No: 214 D: 7 K: 2": a house, flat or floor label, a colon, and its number.
    const labelled =
      /^: ?$/.test(gap) && next.kind === 'number' && (UNIT.test(current.key) || DOOR_LABEL.test(current.key));
    if (
      (/[.!?;:]/.test(gap) && !labelled) ||
      endsSentence(current, next, lower) ||
      !isAddressPiece(next, lex, lower)
    )
      break;
    if (gap.includes('\n')) {
      // A blank line ends the address, unless all that follows is a postal-code line.
      if (lines >= MAX_LINES || !/^[\s,>()]*$/.test(gap)) break;
      if (/\n[^\S\n]*\n/.test(gap) && !isPostcodeLine(text, next)) break;
      lines += 1;
    } else if (
      !/^[ \t,()]*$/.test(gap) &&
      !labelled &&
      !(next.kind === 'number' && HASH_BEFORE_NUMBER.test(gap))
    ) {
      break;
    }
    end += 1;
  }
  // "12 Main Street an hour later": an address does not end on a street name's small word.
  while (end > first + 1 && STREET_PARTICLES.has((pieces[end] as Piece).key)) end -= 1;
  const lastPiece = pieces[end] as Piece;
  // The sentence's full stop is no part of the address: "… Springfield.", "… Magnolia Court. thx".
  const fullStop =
    lastPiece.text.endsWith('.') &&
    lastPiece.kind === 'word' &&
    ((!isStreetType(lastPiece) && !UNIT.test(lastPiece.key)) ||
      endsSentence(lastPiece, pieces[end + 1], lower));
  const endOffset = fullStop ? lastPiece.end - 1 : lastPiece.end;
  return { start: startOffset, end: endOffset, lastPiece: end };
}

/** Turkish flat (daire, "D:") and floor (kat, "K:") labels, written before their number with a colon. */
const DOOR_LABEL = /^(?:d|daire|k|kat)$/;
/** "Avenue 10 #07-1142", "Carrera 7 # 72-41": a unit or a house number after a hash is still the address. */
const HASH_BEFORE_NUMBER = /^[ \t,]*# ?$/;
const COMPASS_TYPED_LOWER = /^(?:[nsew]|ne|nw|se|sw)\.?$/;
/**
 * What names the premises before the street, a comma apart: "3rd Floor, 221 Calle Las
 * Begonias", "Flats 1 and 2, 45 Chapel Street", "Level 9, 60 Martin Place", "Kingfisher House, 2
 * Mill Race Lane", "'Rosebank', 3 Mill Brow", "B-1204, Orchid Heights", "Tower B, 1 Marina Boulevard",
 * "Westfield Tower Two, 100 Bondi Road", "Azure Residences, Seaside Boulevard", "The Granary, Mill Lane".
 */
const PREMISES_BEFORE =
  /(?:^|[\s:(])((?:\d{1,2}(?:[sS][tT]|[nN][dD]|[rR][dD]|[tT][hH])\s+[Ff](?:loor|LOOR)|[Ff]loor\s+\d{1,2}|[Ff]lats?\s+\d+[a-z]?(?:\s*(?:and|&|-)\s*\d+[a-z]?)?|[Ll]evel\s+\d{1,2}|['‘’"“][\p{L}\p{M} -]{3,30}['’"”]|(?:\p{Lu}[\p{L}'’-]+\s+){1,3}(?:House|Court|Building|Tower|Towers|Mansions|Lodge|Cottage|Heights|Chambers|Residency|Residences|Apartments|Block|Villas|Plaza|Complex)(?:\s+(?:One|Two|Three|Four|Five|[A-Z\d]{1,3}))?|(?:Tower|Block|Building|Bldg\.?|Wing|Lot|Plot|Unit|Penthouse|Bay|Suite|Shop|Office|Room|Villa)\s+[A-Z\d]{1,3}|The\s+(?:Old\s+)?\p{Lu}\p{Ll}{3,}|[A-Z]-\d{1,5}[A-Z]?)),\s*$/u;

/** "7 kirkgate, apartment 2": a house number and a street's name on no list, a comma before the flat. */
const STREET_BEFORE_UNIT = /(?:^|[\s:(])(\d{1,5}[a-zA-Z]? ((?:[\p{L}'’-]+ ){0,2}[\p{L}'’-]{4,})), $/u;

function withStreetBeforeUnit(text: string, start: number, lex: Lexicon): number {
  const before = text.slice(Math.max(0, start - 60), start);
  const match = STREET_BEFORE_UNIT.exec(before);
  const street = match?.[1];
  const named = match?.[2]
    ?.split(' ')
    .every((word) => !lex.commonWords.has(word.toLowerCase()) && !isClinicalWord(word));
  if (!match || !street || !named) return withPremisesBefore(text, start);
  return start - before.length + match.index + match[0].indexOf(street);
}

/** "9 and 11 Protea Street": a second house number joined to the first. */
const HOUSE_NUMBER_JOINED = /(?:^|[\s:(])(\d{1,4}[a-zA-Z]? (?:and|&) )$/u;

/** Where the address starting at `start` starts with its premises, one or several ("Bay 7, Level 3, …"). */
export function withPremisesBefore(text: string, start: number): number {
  const before = text.slice(Math.max(0, start - 60), start);
  const match = PREMISES_BEFORE.exec(before) ?? HOUSE_NUMBER_JOINED.exec(before);
  if (!match?.[1]) return start;
  return withPremisesBefore(text, start - before.length + (match.index + match[0].indexOf(match[1])));
}

/** Names, codes and numbers of an address line ("Artilleros", "CO", "Uruguay 64677", "Suite 680"). */
function isAddressPiece(piece: Piece, lex: Lexicon, lower: boolean): boolean {
  if (piece.kind === 'number') return piece.text.replace(/\D/g, '').length <= 6;
  if (SECONDARY.test(piece.key) || STREET_PARTICLES.has(piece.key) || /^[dl]['’]\p{Lu}/u.test(piece.text))
    return true;
  if (UNIT.test(piece.key) || isStreetType(piece) || STATE_CODE.test(piece.text) || piece.key === 'nan')
    return true;
  if (isClinicalWord(piece.text) || hasDrugOrDiseaseShape(piece.text)) return false;
  if (/^\p{Lu}/u.test(piece.text))
    return (
      !lex.commonWords.has(piece.key) ||
      /^\p{Lu}[\p{Ll}\p{M}]/u.test(piece.text) ||
      /^\p{Lu}+$/u.test(piece.text)
    );
  // "Amanda terme", "Alcina del friuli": lower-case place words that are no English words.
  return (lower && piece.key.length <= 3) || !lex.commonWords.has(piece.key.replace(/\.$/, ''));
}

/** A short line holding a postal code ("Estonia 62488", "7412 SL"), after a blank line. */
function isPostcodeLine(text: string, first: Piece): boolean {
  const lineEnd = text.indexOf('\n', first.start);
  const line = text.slice(first.start, lineEnd === -1 ? undefined : lineEnd).trim();
  return line.length <= 30 && /\d{3,}/.test(line) && !/[.!?;:]/.test(line);
}
