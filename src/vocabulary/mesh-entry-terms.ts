import { readFileSync } from 'node:fs';
import { vocabularyFile } from './files.js';

/**
 * MeSH entry terms (vocabulary/mesh-entry-terms.tsv, see vocabulary/SOURCES.md): the names
 * NLM files under one heading of its disease, anatomy, procedure and drug trees. A clinician's
 * "fibroids" are the papers' "leiomyomas", "reglan" is their metoclopramide: the headings are
 * the bridge the papers' own indexing uses. Questions use it for single words the papers rarely say (`concepts.ts`); a
 * pair such as "endometrial cancer" stays two words, which papers also write apart.
 */

let table: Map<string, string[]> | undefined;

/** The other names of what `phrase` names under MeSH, lower case; none when MeSH does not list it. */
export function meshEntryTermsOf(phrase: string): string[] {
  const key = termKey(phrase);
  return (load().get(key) ?? []).filter((term) => term !== key);
}

/** True when MeSH files `phrase` under a heading of those trees ("spina bifida", "pectus carinatum"). */
export function isMeshTerm(phrase: string): boolean {
  return load().has(termKey(phrase));
}

/** Entry terms are stored lower case, single-spaced. */
function termKey(phrase: string): string {
  return phrase.toLowerCase().replace(/\s+/g, ' ').trim();
}

function load(): Map<string, string[]> {
  if (table) return table;
  const loaded = new Map<string, string[]>();
  for (const line of readFileSync(vocabularyFile('mesh-entry-terms.tsv'), 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const terms = (line.split('\t')[1] ?? '').split('|').filter(Boolean);
    for (const term of terms) loaded.set(term, [...(loaded.get(term) ?? []), ...terms]);
  }
  for (const [term, names] of loaded) loaded.set(term, [...new Set(names)]);
  table = loaded;
  return table;
}
