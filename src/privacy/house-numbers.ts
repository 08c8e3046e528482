import type { Piece } from './address-pieces.js';

/** What can be a house number, and what only looks like one. */

type Spot = Pick<Piece, 'text' | 'start' | 'end'>;

/** "67F", "45 M", "72yo": a case line's age and sex after a name, not a house number. */
const AGE_AND_SEX = /^\d{1,3}(?:\s?[FM](?![\p{L}\d])|\s?(?:yo|y\/o|y\.o\.?|yr?s?\/?o)(?![\p{L}\d]))/u;

export function isAgeAndSex(text: string, piece: Spot): boolean {
  return AGE_AND_SEX.test(text.slice(piece.start, piece.start + 8));
}

/** 1900–2039 read as a year, not a house number, when no street type says otherwise. */
export function isYear(piece: Spot): boolean {
  return /^(?:19\d\d|20[0-3]\d)$/.test(piece.text);
}

/** A house number is not a measurement, a percentage or a decimal ("12 mg", "45%", "2.5"). */
export function isPlausibleStreetNumber(text: string, piece: Spot): boolean {
  const digits = piece.text.replace(/\D/g, '');
  if (digits.length > 6) return false;
  const after = text.slice(piece.end, piece.end + 12);
  return !/^(?:\s?%|\.\d|,\d|\s?(?:mg|ml|kg|cm|mm|gy|years?|yrs?|months?|days?|weeks?|patients?|cases?|am|pm|a\.m|p\.m)\b)/i.test(
    after,
  );
}
