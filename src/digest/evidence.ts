import { classifyStudy } from '../text/index.js';
import type { EvidenceLevel, Paper } from '../types.js';

/** Evidence level of a paper from its publication types and text, for ranking. */
export function evidenceOf(paper: Paper): EvidenceLevel {
  return classifyStudy(paper).evidence;
}
