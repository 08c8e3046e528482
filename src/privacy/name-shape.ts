import { lexicon } from './lexicon.js';

/**
 * How much a word looks like a personal name rather than an English or medical word, from
 * letter trigrams: log-odds of the word under a model of the name lists against a model of
 * the common-word list. Lets "Shovda", "Dzhambek" or "Järvilehto" (on no list) read as
 * names and "Metformin", "Bolus" or "Anteroposterior" as words.
 */

interface TrigramModel {
  counts: Map<string, number>;
  total: number;
}

let models: { names: TrigramModel; words: TrigramModel } | undefined;

/** Log-odds (natural log, per trigram) that `word` is a name; above 0 leans to a name. */
export function nameLikeness(word: string): number {
  models ??= buildModels();
  const grams = trigrams(word.normalize('NFC').toLocaleLowerCase('en'));
  let score = 0;
  for (const gram of grams) score += logProbability(models.names, gram) - logProbability(models.words, gram);
  return grams.length ? score / grams.length : 0;
}

function buildModels() {
  const lex = lexicon();
  const names: TrigramModel = { counts: new Map(), total: 0 };
  const words: TrigramModel = { counts: new Map(), total: 0 };
  for (const set of [lex.firstNames, lex.lastNames]) {
    for (const name of set) if (!lex.commonWords.has(name)) add(names, name);
  }
  for (const word of lex.commonWords) add(words, word);
  return { names, words };
}

function add(model: TrigramModel, word: string): void {
  for (const gram of trigrams(word)) {
    model.counts.set(gram, (model.counts.get(gram) ?? 0) + 1);
    model.total += 1;
  }
}

function logProbability(model: TrigramModel, gram: string): number {
  return Math.log(((model.counts.get(gram) ?? 0) + 0.5) / (model.total + 1));
}

function trigrams(word: string): string[] {
  const padded = `^${word}$`;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  return grams;
}
