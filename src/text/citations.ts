// Numeric reference brackets ("[1,3,4]", "[5]", "[2–7]") with the periods around them, so that
// "years.[1,3,17]" and "event.[5]." both end in a single period once the bracket is gone.
const REFERENCE_BRACKET_RE = /(\.)?[ \t]?\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\](\.)?/g;

/**
 * Removes numeric reference brackets. They are stripped everywhere (cleaned text, and both
 * sides of a verbatim match) because they carry no finding for a reader on a phone, they break
 * a quote in the middle ("approaches 50% within 5 years[1,3,4] and remains"), and their digits
 * would otherwise count as numbers a claim could borrow. Parenthesised numbers are kept: "(1,2)"
 * is as often a count as a citation.
 */
export function stripReferenceBrackets(text: string): string {
  if (!text.includes('[')) return text;
  return text.replace(REFERENCE_BRACKET_RE, (_, before: string | undefined, after: string | undefined) =>
    before || after ? '.' : '',
  );
}
