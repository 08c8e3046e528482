/** Words that end with a period but rarely end a sentence (lowercase, without the period). */
const ABBREVIATIONS = new Set(
  (
    'al e.g i.e vs v fig figs dr drs mr mrs ms prof no nos ref refs eq eqs approx ca cf etc suppl vol pp p ' +
    'st jr sr inc ltd co corp dept univ tab sp spp ed eds jan feb apr jun jul aug sept oct nov dec ' +
    'dev st.dev std.dev resp'
  ).split(' '),
);

/** End punctuation, closing quotes/brackets and trailing reference brackets ("mortality.[1,2]"). */
const END_RE = /[.!?]+["'”’)\]]*(?:\s?\[\d+(?:\s*[,–-]\s*\d+)*\])*/g;

const NEXT_START_AFTER_SPACE = /^\s+(?:["'“‘([]?[A-Z0-9]|[a-z]+[A-Z0-9]|[a-z]-[A-Za-z]{2}|[α-ωΑ-Ω])/;
// A scraping glitch glues sentences ("mortality.Progress", "pancreatitis.GOALS:"); only a real
// word on both sides counts, so "p.Val600Glu", "e.g.The" and "U.S.A" stay whole.
const NEXT_START_GLUED = /^(?:[A-Z][a-z]{2,}|[A-Z]{3,}(?: [A-Z]+)*:)/;

function lastToken(before: string): string {
  const match = /(\S+)$/.exec(before);
  return match?.[1] ?? '';
}

function isAbbreviation(token: string): boolean {
  const bare = token.replace(/^[("'[]+/, '').toLowerCase();
  if (ABBREVIATIONS.has(bare)) return true;
  // Dotted abbreviations such as "e.g", "i.e", "U.S", also glued to what precedes ("95%C.I").
  return /(?:^|[^a-z])(?:[a-z]\.)+[a-z]$/.test(bare);
}

const CONTEXT_CHARS = 80;
const INITIAL_RE = /^[A-Z]\.$/;

/** "M. D. Anderson": a capital letter next to another initial is a name, not "vitamin D." ending a sentence. */
function isInitial(token: string, before: string, after: string): boolean {
  if (!/^[A-Z]$/.test(token)) return false;
  const previous = before.trimEnd().split(/\s+/).slice(-2, -1)[0] ?? '';
  const next = after.trimStart().split(/\s+/)[0] ?? '';
  return INITIAL_RE.test(previous) || INITIAL_RE.test(next);
}

function isBoundary(line: string, punctStart: number, end: number): boolean {
  const punct = line.slice(punctStart, end);
  // Only the words around the punctuation matter; a bounded window keeps long lines linear.
  const before = line.slice(Math.max(0, punctStart - CONTEXT_CHARS), punctStart);
  const after = line.slice(end, end + CONTEXT_CHARS);
  const token = lastToken(before);
  if (
    punct.startsWith('.') &&
    !punct.startsWith('..') &&
    (isAbbreviation(token) || isInitial(token, before, after))
  ) {
    return false;
  }
  // "P<0. 001": a typo inside a decimal, not the end of a sentence.
  if (punct === '.' && /\d$/.test(token) && /^\s\d/.test(after)) return false;
  if (/^\s/.test(after)) return NEXT_START_AFTER_SPACE.test(after);
  if (!punct.startsWith('.')) return /^[A-Z]/.test(after);
  // "(P<0.001.The", "was 3.5.Then": a number can end a glued sentence too.
  return token.length >= 3 && /[A-Za-z\d)\]%]$/.test(token) && NEXT_START_GLUED.test(after);
}

function splitLine(line: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of line.matchAll(END_RE)) {
    const punctStart = match.index;
    const end = punctStart + match[0].length;
    if (end >= line.length) break;
    if (!isBoundary(line, punctStart, end)) continue;
    const sentence = line.slice(start, end).trim();
    if (sentence) sentences.push(sentence);
    start = end;
  }
  const rest = line.slice(start).trim();
  if (rest) sentences.push(rest);
  return mergeListMarkers(sentences);
}

/** An enumeration inside a paragraph ("… (9.1%). 1. DBE is safe") belongs to the sentence it numbers. */
function mergeListMarkers(sentences: string[]): string[] {
  const merged: string[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i] ?? '';
    const next = sentences[i + 1];
    if (/^\(?\d{1,2}[.)]$/.test(sentence) && next !== undefined) {
      merged.push(`${sentence} ${next}`);
      i++;
    } else merged.push(sentence);
  }
  return merged;
}

/**
 * Splits text into sentences. Every line break ends a sentence (cleaned text keeps one
 * paragraph, heading or list item per line). Within a line a sentence ends at . ! ? followed
 * by a capital, a digit or a gene-style token ("mRNA", "p53", "c-Kit"), never after an
 * abbreviation (et al., e.g., Fig., vs., no.) or inside a decimal ("p < 0.05"); trailing
 * reference brackets stay with their sentence. Sentences keep their text exactly, so each is a verbatim quote.
 */
export function splitSentences(text: string): string[] {
  return text.split(/\n+/).flatMap((line) => splitLine(line));
}
