import { readFileSync } from 'node:fs';
import { vocabularyFile } from './files.js';
import { oneEditsOf } from './word-key.js';

/**
 * MeSH entry terms (vocabulary/mesh-entry-terms.tsv, see vocabulary/SOURCES.md): the names
 * NLM files under one heading of its disease, anatomy, procedure and drug trees. A clinician's
 * "fibroids" are the papers' "leiomyomas", "reglan" is their metoclopramide: the headings are
 * the bridge the papers' own indexing uses. Questions use it for single words the papers rarely say (`concepts.ts`); a
 * pair such as "endometrial cancer" stays two words, which papers also write apart.
 */

interface MeshTable {
  /** Each heading's entry terms, in the file's order. */
  headings: string[][];
  /**
   * Term → its heading (MeSH files an entry term under one descriptor). Terms share their
   * heading's list: a copy per term grew as the square of a heading's size, 60 MiB of a replica.
   */
  headingOf: Map<string, number>;
}

let table: MeshTable | undefined;

/** The other names of what `phrase` names under MeSH, lower case; none when MeSH does not list it. */
export function meshEntryTermsOf(phrase: string): string[] {
  const key = termKey(phrase);
  const { headings, headingOf } = load();
  const heading = headingOf.get(key);
  return heading === undefined ? [] : (headings[heading] ?? []).filter((term) => term !== key);
}

/** A gene's or protein's symbol: "p53", "c-kit", "cd274", "b7-h1". */
const SYMBOL = /^(?=[a-z0-9-]*(?:\d|-))[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const SYMBOL_HEADS = ['', ' protein', ' proteins', ' antigen', ' gene', ' genes'];

/**
 * The other symbols MeSH files with a gene's or protein's symbol: "tp53" → p53 (its "p53
 * antigen", "tp53 protein"), "cd117" → c-kit, "pd-l1" → cd274 and b7-h1. A question names the
 * gene, the paper its protein or its older symbol.
 */
export function symbolAliasesOf(symbol: string): string[] {
  const key = termKey(symbol);
  if (!SYMBOL.test(key)) return [];
  const aliases = new Set<string>();
  for (const head of SYMBOL_HEADS) {
    for (const term of meshEntryTermsOf(key + head)) {
      const alias = SYMBOL_HEADS.map((h) => (h && term.endsWith(h) ? term.slice(0, -h.length) : term)).find(
        (bare) => SYMBOL.test(bare) && bare.length >= 3,
      );
      if (alias && alias !== key) aliases.add(alias);
    }
  }
  return [...aliases];
}

/** True when MeSH files `phrase` under a heading of those trees ("spina bifida", "pectus carinatum"). */
export function isMeshTerm(phrase: string): boolean {
  return load().headingOf.has(termKey(phrase));
}

/** Shorter words are one slip from too many terms. */
const MIN_SLIP_LENGTH = 8;

/**
 * The one-word MeSH term a typed word is a slip of ("esophagectmy" → esophagectomy), when
 * exactly one is that close: operations and diseases WordNet does not list.
 */
export function meshTermSlippedTo(word: string): string | undefined {
  const folded = word.toLowerCase();
  if (folded.length < MIN_SLIP_LENGTH || !/^[a-z]+$/.test(folded) || isMeshTerm(folded)) return undefined;
  const slips = oneEditsOf(folded).filter((edit) => isMeshTerm(edit));
  return slips.length === 1 ? slips[0] : undefined;
}

/** Entry terms are stored lower case, single-spaced. */
function termKey(phrase: string): string {
  return phrase.toLowerCase().replace(/\s+/g, ' ').trim();
}

function load(): MeshTable {
  if (table) return table;
  const headings: string[][] = [];
  const headingOf = new Map<string, number>();
  for (const line of readFileSync(vocabularyFile('mesh-entry-terms.tsv'), 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const terms = [...new Set((line.split('\t')[1] ?? '').split('|').filter(Boolean))];
    const heading = headings.push(terms) - 1;
    for (const term of terms) if (!headingOf.has(term)) headingOf.set(term, heading);
  }
  table = { headings, headingOf };
  return table;
}
