import { createHash } from 'node:crypto';
import type { Paper } from '../types.js';
import { normalizeDoi } from './identifiers.js';
import { htmlToText } from './markup.js';

/** sha256 of the parts (joined with a separator no text contains), first 16 hex characters: a cache key. */
export function contentHash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}

function foldForKey(text: string): string {
  return htmlToText(text)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Identity of a paper without ids: title lowercased with markup, punctuation and diacritics
 * removed, plus "|" and the first author's last name, so the same title from PubMed
 * ("<i>TERT</i> …") and an RSS feed ("TERT …") meets.
 */
export function titleKey(title: string, firstAuthorLastName?: string): string {
  return `${foldForKey(title)}|${firstAuthorLastName ? foldForKey(firstAuthorLastName) : ''}`;
}

export interface PaperIdInput {
  pmid?: string;
  doi?: string;
  title: string;
  firstAuthor?: string;
}

/** The store id: "pmid:<n>" when known, else "doi:<doi>", else "t:<hash of title key>". */
export function paperIdFor({ pmid, doi, title, firstAuthor }: PaperIdInput): string {
  if (pmid) return `pmid:${pmid}`;
  const normalizedDoi = doi ? normalizeDoi(doi) : undefined;
  if (normalizedDoi) return `doi:${normalizedDoi}`;
  return `t:${contentHash(titleKey(title, firstAuthor))}`;
}

export interface DedupeKeys {
  pmid?: string;
  doi?: string;
  /** PubMed Central id ("PMC3574550"): how a full text found on its own meets its abstract record. */
  pmcid?: string;
  titleKey?: string;
}

function firstAuthorName(paper: Paper): string | undefined {
  const first = paper.authors[0];
  return first?.lastName ?? first?.collective;
}

/** Every key under which the same work from another source could already be stored. */
export function dedupeKeys(paper: Paper): DedupeKeys {
  const doi = paper.doi ? normalizeDoi(paper.doi) : undefined;
  const key = paper.title.trim() ? titleKey(paper.title, firstAuthorName(paper)) : undefined;
  return {
    ...(paper.pmid ? { pmid: paper.pmid } : {}),
    ...(doi ? { doi } : {}),
    ...(paper.pmcid ? { pmcid: paper.pmcid.toUpperCase() } : {}),
    ...(key ? { titleKey: key } : {}),
  };
}
