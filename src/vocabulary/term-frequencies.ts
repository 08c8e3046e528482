import { contentKeysOf, textKeysOf } from './words.js';

/**
 * How many stored papers use a word: what makes "JMML" weigh more than "patients", and tells a
 * drug no stored paper mentions from one some paper does. Backed by a scan of the store here;
 * a search engine with its own document frequencies can stand behind the same interface.
 */
export interface TermFrequencies {
  /** Papers counted. */
  readonly documentCount: number;
  /**
   * Papers that use the word (in any of its forms: "leukaemias" counts "leukemia"), or the
   * phrase, its words consecutive ("chimeric antigen receptor").
   */
  documentFrequency(wordOrPhrase: string): number;
}

/**
 * Document frequencies by word key and by pair of consecutive word keys, counted over texts
 * given one paper at a time. A phrase counts as often as its rarest pair: an upper bound that
 * tells "chimeric antigen receptor" (no paper) from its three words (many papers each).
 */
export class CountedTermFrequencies implements TermFrequencies {
  private readonly df = new Map<string, number>();
  private docs = 0;

  add(text: string): void {
    this.docs += 1;
    const { set, sequence } = textKeysOf(text);
    const pairs = new Set<string>();
    for (let i = 1; i < sequence.length; i++) pairs.add(`${sequence[i - 1]} ${sequence[i]}`);
    for (const key of [...set, ...pairs]) this.df.set(key, (this.df.get(key) ?? 0) + 1);
  }

  get documentCount(): number {
    return this.docs;
  }

  documentFrequency(wordOrPhrase: string): number {
    const keys = contentKeysOf(wordOrPhrase);
    if (keys.length <= 1) return this.df.get(keys[0] ?? '') ?? 0;
    let rarest = Number.POSITIVE_INFINITY;
    for (let i = 1; i < keys.length; i++)
      rarest = Math.min(rarest, this.df.get(`${keys[i - 1]} ${keys[i]}`) ?? 0);
    return rarest;
  }
}

/** BM25's inverse document frequency: near 0 for a word every paper uses, highest for a rare one. */
export function inverseDocumentFrequency(terms: TermFrequencies, df: number): number {
  const n = terms.documentCount;
  return Math.log((n - df + 0.5) / (df + 0.5) + 1);
}
