import { normalizeWord } from './lexicon.js';
import { streetWords } from './street-words.js';

/** An address read as words and numbers, each with its offsets: what the street finder walks over. */

export interface Piece {
  text: string;
  key: string;
  start: number;
  end: number;
  kind: 'number' | 'word';
}

/** "H0304" (a Norwegian flat), "C14": a capital or two and the number they label are one piece. */
const PIECE =
  /(?<![\p{L}\p{N}])[sS]\/[nN]\b\.?|(?<![\p{L}\p{N}])\p{Lu}{1,2}\d{1,5}\b|[\p{L}∆][\p{L}\p{M}∆'’-]*\.?|(?<![\p{L}\p{N}(.,/-])\d+(?:[-/]\d+)?(?:st|nd|rd|th|[A-Za-z]|º|ª)?\b\.?(?![\d%])/gu;
/** Flat, suite, box and floor words before their number: "Apt 3B", "PSC 0413, Box 8144". */
export const UNIT =
  /^(?:apt\.?|apartment|appartamento|suite|ste\.?|unit|box|flat|floor|fl\.?|room|rm\.?|psc|apo|dpo|fpo|bldg\.?|building|no\.?|nr\.?|m\.|lgh\.?|piso|puerta|étage|hoog|ajtó|em\.?)$/;
/** What numbers a plot or a house before its street: "No. 7,", "Plot 42,", "House No. C14/5,", "Villa 17,". */
export const PLOT = /^(?:no\.?|plot|house|villa|door|flat|apt\.?|unit|suite|block|bldg\.?|building)$/;
/** Floor and door words after a house number: "4. th", "3 hoog achter", "2º Dcha.", "7.em 74 ajtó". */
export const SECONDARY =
  /^(?:th|tv|mf|st|sal|hoog|achter|voor|bis|ter|étage|em|ajtó|dcha\.?|izq\.?|izda\.?|esc\.?|int\.?|scala|piano|[a-z]\.?)$/;
export const STATE_CODE = /^[A-Z]{2}$/;
export const COMPASS = /^(?:[NSEW]|NE|NW|SE|SW)\.?$/;
/** Small words inside street names: "Rua do Arenque", "van de Veldenplantsoen", "Bóthar an Chladaigh". */
export const STREET_PARTICLES = new Set(
  'do da de del di du la le des dos das van von al el an na'.split(' '),
);

/** The words and numbers of `text`, in order. */
export function piecesOf(text: string): Piece[] {
  return [...text.matchAll(PIECE)].map((m) => ({
    text: m[0],
    key: normalizeWord(m[0]),
    start: m.index,
    end: m.index + m[0].length,
    // "Glorieta Juana s/n": Spanish for "no number" stands where the house number would.
    kind: /^\d|^s\/n/i.test(m[0]) ? 'number' : 'word',
  }));
}

export function isStreetType(piece: Piece): boolean {
  const { types } = streetWords();
  return types.has(piece.key) || types.has(piece.key.replace(/\.$/, ''));
}

export function sameLine(text: string, a: Piece, b: Piece): boolean {
  const gap = text.slice(a.end, b.start);
  return !gap.includes('\n') && gap.length <= 3 && !/[;!?]/.test(gap);
}

/**
 * "12 Oak Lane, Springfield. Patient seen", "417 Magnolia Court. thx": a full stop after a place
 * or a street type written out ends the sentence. The piece keeps its stop because "St.",
 * "Apt." and "Blvd." are abbreviations inside an address; a word of five letters or more is
 * none, nor is one of four that is no type or unit word, nor, in a message with capitals, any
 * word before one typed in lower case ("Ave. de la Paix", "Blvd. apt 4" aside).
 */
export function endsSentence(piece: Piece, next?: Piece, typedLower = false): boolean {
  if (piece.kind !== 'word' || !piece.text.endsWith('.') || UNIT.test(piece.key) || SECONDARY.test(piece.key))
    return false;
  const letters = piece.text.length - 1;
  // In a message typed all in lower case ("na av. atlântica, 1702") no capital marks a sentence.
  const lowerAfter =
    !typedLower &&
    next !== undefined &&
    /^\p{Ll}/u.test(next.text) &&
    !STREET_PARTICLES.has(next.key) &&
    !UNIT.test(next.key);
  return letters >= 5 || (letters === 4 && !isStreetType(piece)) || (letters >= 2 && lowerAfter);
}
