// A number not glued to a word on its left: "CD20", "IL-6", "COVID-19" and "BRCA1" are names,
// not quantities. Thousands separators, decimals (".05" too), "^" exponents and percent signs
// ("50 %", "50 percent") belong to the number.
const NUMBER_RE =
  /(?<![\p{L}\p{N}_.^])(?<!\p{L}[-‐–])(\d{1,3}(?:,\d{3})+(?![\d,])|\d+)?(\.\d+)?(\^[-−]?\d+)?(\s?%|\s(?:percent|per cent)\b)?/gu;
// "1." or "(2)" opening a line is a list marker, not a quantity.
const LIST_MARKER_RE = /^([ \t]*)(?:\(\d{1,2}\)|\d{1,2}[.)])(?=\s)/gm;
const RANGE_GAP_RE = /^\s?(?:-|‐|–|—|to)\s?$/;

interface NumberToken {
  value: string;
  percent: boolean;
  start: number;
  end: number;
}

function canonical(
  intPart: string | undefined,
  fraction: string | undefined,
  exponent: string | undefined,
): string {
  const integer = (intPart ?? '0').replace(/,/g, '').replace(/^0+(?=\d)/, '');
  const decimals = (fraction ?? '').replace(/0+$/, '');
  const power = exponent ? `^${exponent.slice(1).replace('−', '-')}` : '';
  return `${integer}${decimals === '.' ? '' : decimals}${power}`;
}

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUPERSCRIPT_EXPONENT_RE = /(\d)([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)/g;

/** "10⁹" is written "10^9" in cleaned text (see htmlToText); both must compare equal. */
function caretExponents(text: string): string {
  return text.replace(
    SUPERSCRIPT_EXPONENT_RE,
    (_, base: string, power: string) =>
      `${base}^${[...power].map((c) => (c === '⁻' ? '-' : String(SUPERSCRIPTS.indexOf(c)))).join('')}`,
  );
}

// The Lancet prints decimals with a middle dot ("72·5%").
const MIDDLE_DOT_DECIMAL_RE = /(\d)·(?=\d)/g;

function numberTokens(text: string): NumberToken[] {
  const scanned = caretExponents(text.replace(MIDDLE_DOT_DECIMAL_RE, '$1.')).replace(
    LIST_MARKER_RE,
    (marker, indent: string) => indent + ' '.repeat(marker.length - indent.length),
  );
  const tokens: NumberToken[] = [];
  for (const match of scanned.matchAll(NUMBER_RE)) {
    const [whole, intPart, fraction, exponent, percent] = match;
    if (!intPart && !fraction) continue;
    tokens.push({
      value: canonical(intPart, fraction, exponent),
      percent: percent !== undefined,
      start: match.index,
      end: match.index + whole.length,
    });
  }
  // "48–80%" states two percentages.
  for (let i = tokens.length - 2; i >= 0; i--) {
    const current = tokens[i];
    const next = tokens[i + 1];
    if (
      current &&
      next?.percent &&
      !current.percent &&
      RANGE_GAP_RE.test(scanned.slice(current.end, next.start))
    ) {
      current.percent = true;
    }
  }
  return tokens;
}

/**
 * The quantities stated in a text, normalized so that equal values compare equal: "50 %",
 * "50%" and "50 percent" → "50%"; "0.80" → "0.8"; ".05" → "0.05"; "1,234" → "1234";
 * "10^9" stays "10^9". Words ("five") are not numbers. Years count like any number: a claim
 * that says 2020 must find 2020 in its source. In order of first appearance, without repeats.
 */
export function extractNumbers(text: string): string[] {
  const values = numberTokens(text).map((token) => (token.percent ? `${token.value}%` : token.value));
  return [...new Set(values)];
}

/**
 * Whether every number in `claim` also appears in `source`. Strict on purpose: "50" is not
 * supported by "50%", nor "0.6" by "0.62"; a wrong number is the worst error a digest can make.
 */
export function numbersSupported(claim: string, source: string): { ok: boolean; unsupported: string[] } {
  const available = new Set(extractNumbers(source));
  const unsupported = extractNumbers(claim).filter((value) => !available.has(value));
  return { ok: unsupported.length === 0, unsupported };
}
