import { distance } from 'fastest-levenshtein';
import { stemmer } from 'stemmer';
import { foldWord } from './word-key.js';

/** Words shorter than this have too many near neighbours to correct safely. */
const MIN_LENGTH = 5;

/**
 * The words stored papers use, by length, to read a misspelt question word as the nearest of
 * them: "nasopharyngael" → nasopharyngeal, "leukemai" → leukemia.
 */
export class SpellingIndex {
  private readonly byLength = new Map<number, Set<string>>();
  /** Occurrences of each word, for reading a clipped word ("panc", "abdo") as its commonest completion. */
  private readonly counts = new Map<string, number>();
  /** Porter stem → a word with that stem: "overexpresed" is near "overexpress", the stem of "overexpression". */
  private readonly byStem = new Map<string, string>();

  add(text: string): void {
    for (const word of text.match(/\p{L}+/gu) ?? []) {
      if (word.length < MIN_LENGTH) continue;
      const folded = foldWord(word);
      let words = this.byLength.get(folded.length);
      if (!words) {
        words = new Set();
        this.byLength.set(folded.length, words);
      }
      words.add(folded);
      this.counts.set(folded, (this.counts.get(folded) ?? 0) + 1);
      const stem = stemmer(folded);
      if (!this.byStem.has(stem)) this.byStem.set(stem, folded);
    }
  }

  /**
   * The commonest stored words a clipped word starts ("panc" → pancreatic, pancreatectomy):
   * chat shorthand cuts words short.
   */
  completions(prefix: string, limit: number): string[] {
    const folded = foldWord(prefix);
    const found: [string, number][] = [];
    for (const [word, count] of this.counts) {
      if (word.length > folded.length && word.startsWith(folded)) found.push([word, count]);
    }
    return found
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([word]) => word);
  }

  /**
   * The nearest stored word within the edit distance allowed: 1 for words up to 7 letters, 2
   * beyond, or `maxDistance` when given; two adjacent letters swapped ("yeild") count as 1.
   */
  nearest(word: string, maxDistance?: number): string | undefined {
    const folded = foldWord(word);
    if (folded.length < MIN_LENGTH) return undefined;
    const limit = maxDistance ?? (folded.length >= 8 ? 2 : 1);
    const swaps = adjacentSwaps(folded);
    let best: { word: string; distance: number } | undefined;
    for (let length = folded.length - limit; length <= folded.length + limit; length++) {
      for (const candidate of this.byLength.get(length) ?? []) {
        let d = distance(folded, candidate);
        // Two letters swapped ("yeild") is one slip of the thumb, though two edits; so it is
        // beside another slip ("parapelgic" for paraplegia).
        if (d >= 2 && d <= limit + 1)
          d = Math.min(d, 1 + Math.min(...swaps.map((swapped) => distance(swapped, candidate))));
        if (d > 0 && d <= limit && (!best || d < best.distance)) best = { word: candidate, distance: d };
      }
    }
    return best?.word ?? this.nearestByStem(folded, limit);
  }

  /**
   * A slip in a word's ending ("overexpresed" for "overexpressed") is a small slip in its stem;
   * so are two letters swapped ("menopuase" for the stem of "menopausal").
   */
  private nearestByStem(folded: string, limit: number): string | undefined {
    const stem = stemmer(folded);
    const swapped = new Set(adjacentSwaps(stem));
    let best: { word: string; distance: number } | undefined;
    for (const [candidate, word] of this.byStem) {
      if (Math.abs(candidate.length - stem.length) > limit) continue;
      const d = swapped.has(candidate) ? 1 : distance(stem, candidate);
      if (d > 0 && d <= Math.min(1, limit) && (!best || d < best.distance)) best = { word, distance: d };
    }
    return best?.word;
  }
}

/** The word with each pair of adjacent letters swapped in turn. */
function adjacentSwaps(word: string): string[] {
  const swaps: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] !== word[i + 1]) swaps.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return swaps;
}
