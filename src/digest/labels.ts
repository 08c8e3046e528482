import type { ItemLabel, Paper } from '../types.js';

/** Warnings a reader must see next to a paper, read from its stored metadata. */
export function labelsOf(paper: Paper): ItemLabel[] {
  const labels: ItemLabel[] = [];
  if (paper.retracted) labels.push('retracted');
  if (paper.isPreprint) labels.push('preprint');
  if (paper.notices.some((notice) => notice.kind === 'erratum')) labels.push('erratum');
  if (paper.synthetic) labels.push('synthetic');
  return labels;
}
