import { processSearchTerm } from '../search/paper-document.js';
import type { Paper } from '../types.js';

/** Distinct content words of a text (function words and 1–2 letter tokens dropped). */
export function termSet(text: string): Set<string> {
  const terms = new Set<string>();
  for (const token of text.split(/[^\p{L}\p{N}]+/u)) {
    const term = processSearchTerm(token);
    if (term && term.length > 2) terms.add(term);
  }
  return terms;
}

/**
 * MeSH check tags and design headings nearly every clinical paper carries; they say nothing
 * about what a paper is about, and would make every paper look like every other.
 */
const GENERIC_MESH = new Set(
  [
    'Humans',
    'Animals',
    'Female',
    'Male',
    'Adult',
    'Aged',
    'Aged, 80 and over',
    'Middle Aged',
    'Young Adult',
    'Adolescent',
    'Child',
    'Child, Preschool',
    'Infant',
    'Infant, Newborn',
    'Pregnancy',
    'Retrospective Studies',
    'Prospective Studies',
    'Follow-Up Studies',
    'Cohort Studies',
    'Treatment Outcome',
    'Risk Factors',
    'Time Factors',
    'Prognosis',
    'Cross-Sectional Studies',
    'Surveys and Questionnaires',
  ].map((heading) => heading.toLowerCase()),
);

/** What a paper is about, for "more like the papers this channel marked relevant". */
export function topicTerms(paper: Paper): Set<string> {
  const mesh = paper.mesh.filter((heading) => !GENERIC_MESH.has(heading.toLowerCase()));
  return termSet([paper.title, ...mesh, ...paper.keywords].join(' '));
}

/** Cosine similarity of two term sets, 0 (nothing shared) to 1 (same terms). */
export function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared += 1;
  return shared / Math.sqrt(a.size * b.size);
}
