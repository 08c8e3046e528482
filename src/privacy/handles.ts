import { type Lexicon, normalizeWord, onANameList } from './lexicon.js';

/** A user name typed as one token: "priya_venkataraman88", "@mele.fifita". */
const HANDLE = /(?<![\p{L}\p{M}\d@._-])@?\p{L}+(?:[._]\p{L}+)+\d*(?![\p{L}\p{M}\d@]|[._-][\p{L}\d])/gu;
const MIN_NAME_PART = 3;

/**
 * User names built from a person's name: a part of the handle is a given name or a surname a
 * name list knows and no word list does. File names ("report_final") have no such part.
 */
export function handleNames(text: string, lex: Lexicon): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (const match of text.matchAll(HANDLE)) {
    // "st.dev", "e.coli": dotted words with no "@", underscore or digits are abbreviations.
    if (!/^@|[_\d]/.test(match[0])) continue;
    const parts = match[0].replace(/^@|\d+$/g, '').split(/[._]/);
    const keys = parts.map(normalizeWord).filter((key) => key.length >= MIN_NAME_PART);
    // "juniper.wolcott93": a name that is also a word ("juniper") beside a part no word list knows.
    const named =
      keys.some((key) => !lex.commonWords.has(key) && onANameList(key, lex)) ||
      (keys.length >= 2 &&
        keys.some((key) => onANameList(key, lex)) &&
        keys.some((key) => !lex.commonWords.has(key) && !lex.vocabulary.has(key)));
    if (named) found.push({ start: match.index, end: match.index + match[0].length });
  }
  return found;
}
