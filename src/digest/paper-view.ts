import type { Paper } from '../types.js';
import { meshReadingOrder, type Token, tokenize } from './topic-text.js';

/** Whether a MeSH heading is one of the paper's major topics, when the source says. */
export type MeshWeight = 'major' | 'minor' | 'unknown';

export interface MeshView {
  /** The descriptor as MeSH spells it ("Leukemia, Myeloid, Acute"). */
  descriptor: string;
  /** Its words in reading order ("acute myeloid leukemia"). */
  tokens: Token[];
  weight: MeshWeight;
}

/** A paper's words as topic matching reads them, tokenized once per digest build. */
export interface PaperView {
  paper: Paper;
  title: Token[];
  abstract: Token[];
  keywords: Token[][];
  mesh: MeshView[];
}

export function viewOf(paper: Paper): PaperView {
  const major = paper.meshMajor
    ? new Set(paper.meshMajor.map((heading) => heading.toLowerCase()))
    : undefined;
  return {
    paper,
    title: tokenize(paper.title),
    abstract: tokenize(paper.abstract.map((section) => section.text).join(' ')),
    keywords: paper.keywords.map(tokenize),
    mesh: paper.mesh.map((heading) => {
      const descriptor = heading.split('/')[0] ?? heading;
      const weight: MeshWeight = !major ? 'unknown' : major.has(descriptor.toLowerCase()) ? 'major' : 'minor';
      return { descriptor, tokens: tokenize(meshReadingOrder(descriptor)), weight };
    }),
  };
}
