import type { Paper, StudyType } from '../types.js';
import { fullTextOf } from './full-text.js';
import { designText } from './study-type.js';

/** Below this many participants a study is called small. */
const SMALL_SAMPLE = 30;

/**
 * What a reader must keep in mind about a paper's evidence, in a few words each: design limits
 * ("single case", "retrospective"), publication status ("preprint, not peer reviewed",
 * "retracted") and what the summary was built from ("abstract only").
 */
export function describeLimitations(paper: Paper, studyType: StudyType, sampleSize?: number): string[] {
  const text = designText(paper);
  const limits: string[] = [];
  if (paper.retracted || paper.publicationTypes.some((t) => /retracted publication/i.test(t)))
    limits.push('retracted');
  if (paper.isPreprint) limits.push('preprint, not peer reviewed');
  if (studyType === 'case-report') limits.push('single case');
  if (studyType === 'case-series') limits.push('small case series, no comparison group');
  if (studyType === 'preclinical') limits.push('preclinical, not tested in patients');
  if (
    /\bretrospective(ly)?\b/i.test(text) &&
    studyType !== 'meta-analysis' &&
    studyType !== 'systematic-review'
  ) {
    limits.push('retrospective');
  }
  if (
    studyType !== 'case-report' &&
    studyType !== 'case-series' &&
    sampleSize !== undefined &&
    sampleSize < SMALL_SAMPLE
  ) {
    limits.push(`small sample (n=${sampleSize})`);
  }
  const hasAbstract = paper.abstract.some((s) => s.text.trim());
  if (!fullTextOf(paper)?.trim()) limits.push(hasAbstract ? 'abstract only' : 'title only');
  return limits;
}
