import type { Paper } from '../types.js';
import { splitSentences } from './sentences.js';
import { normalizeForMatch } from './verbatim.js';

/** One quotable unit of a paper: a sentence, with where it sits. */
export interface Passage {
  /** `${paperId}#${n}`, n counting from 0 in reading order. */
  id: string;
  paperId: string;
  /**
   * Abstract section label ("RESULTS"); a full-text section's heading ("Results") or a float's
   * label ("Table 2"); "full text" for untitled full text; absent for an unstructured abstract.
   */
  section?: string;
  basis: 'abstract' | 'full text';
  /** Verbatim text of the paper. */
  text: string;
}

const FULL_TEXT = 'full text';
/** Shorter fragments ("Results", "Read more") carry nothing to quote… */
const MIN_PASSAGE_CHARS = 25;
/** …unless they state a figure: "Median TPT was 18 days." answers a question on its own. */
const MIN_FIGURE_PASSAGE_CHARS = 12;
/** "N = 56.": the number studied, stated on its own. */
const SAMPLE_SIZE = /^\s*n\s*=\s*\d/i;

/**
 * Splits a paper into sentence passages: abstract sections first (with their labels), then
 * the full text when the store has it: an open-access article paragraph by paragraph under its
 * section headings and table and figure labels, or a page's text. A full-text sentence already
 * in the abstract, or repeated on a scraped page, appears once.
 */
export function splitIntoPassages(paper: Paper): Passage[] {
  const seen = new Set<string>();
  const passages: Passage[] = [];
  const push = (text: string, basis: Passage['basis'], section?: string) => {
    const key = normalizeForMatch(text);
    if (tooShort(text) || seen.has(key)) return;
    seen.add(key);
    passages.push({ id: `${paper.id}#${passages.length}`, paperId: paper.id, section, basis, text });
  };
  for (const section of paper.abstract) {
    for (const sentence of splitSentences(section.text)) push(sentence, 'abstract', section.label);
  }
  if (paper.fullTextSections?.length) {
    for (const section of paper.fullTextSections) {
      for (const paragraph of section.text.split(/\n{2,}/)) {
        for (const sentence of splitSentences(paragraph))
          push(sentence, 'full text', section.title ?? FULL_TEXT);
      }
    }
  } else if (paper.fullText) {
    for (const sentence of splitSentences(paper.fullText)) push(sentence, 'full text', FULL_TEXT);
  }
  return passages;
}

function tooShort(text: string): boolean {
  if (text.length >= MIN_PASSAGE_CHARS) return false;
  if (SAMPLE_SIZE.test(text)) return false;
  return text.length < MIN_FIGURE_PASSAGE_CHARS || !/\d/.test(text);
}
