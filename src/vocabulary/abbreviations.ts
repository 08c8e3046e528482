import { readFileSync } from 'node:fs';
import { vocabularyFile } from './files.js';
import { foldWord } from './word-key.js';
import { isDictionaryWord } from './wordnet.js';

export interface LongForm {
  text: string;
  /** Times MEDLINE authors defined the abbreviation this way (ADAM); 0 for a curated entry. */
  count: number;
  /** Oncology shorthand first (what a chat message most likely means), MEDLINE's senses by count next. */
  rank: number;
  /** The source writes the abbreviation in capitals only ("START", "ALL"). */
  capitals: boolean;
}

/** Where entries come from, in the order their senses are preferred. */
const SOURCES = [
  { file: 'oncology-shorthand.tsv', rank: 0 },
  { file: 'abbreviations.tsv', rank: 1 },
];

/**
 * English words that are also abbreviations ("ALL", "AND", "MET", "IT"): typed in lower case
 * they are the word, so only their capitalized spelling expands.
 */
const ALSO_ENGLISH = new Set(
  (
    'a all am an and any are as at be but by can do does for from go had has have he her him his ' +
    'how i if in into is it its man me men met my no nor not of on once one or our out per so than ' +
    'that the then there these they this to up us via was we were what when which who why will with you'
  ).split(' '),
);

let table: Map<string, LongForm[]> | undefined;

/**
 * Long forms of an abbreviation as clinicians and papers use it: "OS" → overall survival,
 * "pts" → patients, "XRT" → radiotherapy. Entries come from ADAM (abbreviations defined in
 * MEDLINE) and Wikipedia's list of medical abbreviations, see vocabulary/SOURCES.md; the most
 * often defined sense first, after the oncology shorthand of vocabulary/oncology-shorthand.tsv.
 * Case-insensitive, except for abbreviations that are English words.
 */
export function longFormsOf(token: string): LongForm[] {
  const folded = foldWord(token);
  if (token !== folded) return loadTable().get(folded) ?? [];
  if (ALSO_ENGLISH.has(folded)) return [];
  // "start", "mass" typed in lower case are words, not the START trial or MASS: only entries a
  // source writes in lower case ("pts", "chemo", "os") expand them.
  const own = loadTable().get(folded) ?? [];
  // What a chat message means by "ops" comes before what MEDLINE once defined OPs as.
  const forms = own.some((form) => form.rank === 0) ? own : [...pluralOfShorthand(folded), ...own];
  return isDictionaryWord(folded) ? forms.filter((form) => !form.capitals) : forms;
}

/** "ops", "bxs": the plural of an oncology shorthand entry means what the entry means. */
function pluralOfShorthand(folded: string): LongForm[] {
  if (!folded.endsWith('s') || folded.length < 3) return [];
  return (loadTable().get(folded.slice(0, -1)) ?? []).filter((form) => form.rank === 0);
}

function loadTable(): Map<string, LongForm[]> {
  if (table) return table;
  const loaded = new Map<string, LongForm[]>();
  for (const { file, rank } of SOURCES) {
    for (const line of readFileSync(vocabularyFile(file), 'utf8').split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [abbreviation, raw, count, source] = line.split('\t');
      // "year(s)" is searched as "years"; other parenthesized asides are not part of the term.
      const text = raw
        ?.replace(/\(s\)/g, 's')
        .replace(/\s*\([^)]*\)/g, '')
        .trim();
      if (!abbreviation || !text) continue;
      const key = foldWord(abbreviation);
      const forms = loaded.get(key) ?? [];
      if (!forms.some((form) => form.text.toLowerCase() === text.toLowerCase())) {
        // Senses only Wikipedia lists were rare enough in MEDLINE that ADAM does not hold them.
        const sourceRank = source === 'wikipedia' ? rank + 1 : rank;
        forms.push({
          text,
          count: Number(count) || 0,
          rank: sourceRank,
          capitals: !/\p{Ll}/u.test(abbreviation),
        });
      }
      loaded.set(key, forms);
    }
  }
  for (const forms of loaded.values()) forms.sort((a, b) => a.rank - b.rank || b.count - a.count);
  table = loaded;
  return loaded;
}
