/** "(OS)", "(CLABSIs)", "(Ca/Bis)": a short parenthesized token with a capital letter. */
const PARENTHESIZED = /\(([\p{L}\p{N}][\p{L}\p{N}/-]{1,9})\)/gu;

/**
 * The abbreviations a text defines, with their long forms: "overall survival (OS)" → OS →
 * "overall survival". The long form is found as Schwartz & Hearst do (A Simple Algorithm for
 * Identifying Abbreviation Definitions in Biomedical Text, PSB 2003): the abbreviation's
 * letters, read backwards, are found in order in the words before the parenthesis, the first
 * letter at the start of a word, within min(|A| + 5, 2|A|) words.
 */
export function definedAbbreviations(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of text.matchAll(PARENTHESIZED)) {
    const abbreviation = match[1] as string;
    if (!/\p{Lu}/u.test(abbreviation) || !/\p{L}/u.test(abbreviation)) continue;
    const before = text.slice(Math.max(0, match.index - 200), match.index).trimEnd();
    const singular = abbreviation.replace(/(?<=\p{Lu})s$/u, '');
    const longForm = longFormFor(singular, before);
    if (longForm) {
      found.set(abbreviation, longForm);
      found.set(singular, longForm);
    }
  }
  return found;
}

function longFormFor(abbreviation: string, before: string): string | undefined {
  const letters = abbreviation.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const words = before.split(/\s+/);
  const maxWords = Math.min(letters.length + 5, letters.length * 2);
  const window = words.slice(-maxWords).join(' ');
  const lower = window.toLowerCase();
  let position = lower.length - 1;
  for (let i = letters.length - 1; i >= 0; i--) {
    const letter = letters[i] as string;
    const first = i === 0;
    while (
      position >= 0 &&
      (lower[position] !== letter ||
        (first && position > 0 && /[\p{L}\p{N}]/u.test(lower[position - 1] as string)))
    ) {
      position -= 1;
    }
    if (position < 0) return undefined;
    position -= 1;
  }
  const start = position + 1;
  const longForm = window.slice(start).trim();
  return longForm.length > abbreviation.length ? longForm : undefined;
}
