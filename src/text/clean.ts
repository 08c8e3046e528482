import { isBoilerplateLine, isBoilerplateSentence } from './boilerplate.js';
import { stripReferenceBrackets } from './citations.js';
import { headingKind } from './headings.js';
import { htmlToText } from './markup.js';
import { splitSentences } from './sentences.js';
import { normalizeForMatch } from './verbatim.js';

const BULLET_RE = /^[•·▪◦‣●○■□➢►▶]\s*/;
/** Key-point lists flattened into one line ("… since 2005. • After stratification …"). */
const INLINE_BULLET_RE = /\s+[•▪◦‣●■➢►▶]\s+/;
/** Sentences shorter than this are not deduplicated: "Not applicable." may rightly repeat. */
const MIN_WORDS_TO_DEDUPE = 3;

/** Case- and punctuation-insensitive identity of a sentence, for spotting repeats. */
export function sentenceKey(sentence: string): string {
  return normalizeForMatch(sentence)
    .toLowerCase()
    .replace(/[.!?;:,\s]+$/, '');
}

function dropEmptyHeadings(lines: string[]): string[] {
  const kept: string[] = [];
  let contentFollows = false;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (line === '') {
      kept.push(line);
      continue;
    }
    const isHeading = headingKind(line) !== undefined;
    if (isHeading && !contentFollows) continue;
    kept.push(line);
    contentFollows = !isHeading;
  }
  return kept.reverse();
}

/** Drops copyright notices and sentences already seen earlier; a paragraph left empty disappears. */
function dropRepeatedSentences(lines: string[]): string[] {
  const seen = new Set<string>();
  return lines.map((line) => {
    if (line === '' || headingKind(line) !== undefined) return line;
    const kept = splitSentences(line).filter((sentence) => {
      if (isBoilerplateSentence(sentence)) return false;
      if (sentence.split(/\s+/).length < MIN_WORDS_TO_DEDUPE) return true;
      const key = sentenceKey(sentence);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return kept.join(' ');
  });
}

function collapseBlankLines(lines: string[]): string {
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// Preprint APIs flatten section titles into the paragraph ("ConclusionEfficacy of…", "Findings72·5%").
const GLUED_HEADING_RE =
  /^(Abstract|Background|Introduction|Methods|Results|Findings|Interpretation|Conclusions?|Objectives?|Purpose|Discussion|Funding)(?=[A-Z0-9][a-z0-9·.])/gm;

/** Cleaned lines of a scraped text, before sentence-level deduplication. */
export function cleanLines(raw: string): string[] {
  return stripReferenceBrackets(htmlToText(raw))
    .replace(/\{middle dot\}/g, '·')
    .replace(GLUED_HEADING_RE, '$1\n')
    .split('\n')
    .flatMap((line) => line.split(INLINE_BULLET_RE))
    .map((line) => line.replace(BULLET_RE, '').trim())
    .filter((line) => !isBoilerplateLine(line));
}

/**
 * Scraped page or feed text to readable article text: markup and entities resolved,
 * whitespace normalized, page furniture ("Read more", "Talk to us", cookie banners, copyright
 * notices) and headings with nothing under them removed, reference brackets stripped (see
 * stripReferenceBrackets), and any paragraph or sentence that repeats an earlier one dropped.
 * One paragraph, heading or list item per line; numbers, units and symbols untouched.
 */
export function cleanText(raw: string): string {
  return tidyLines(cleanLines(raw));
}

/** Repeated sentences and empty headings removed from already cleaned lines, joined as text. */
export function tidyLines(lines: string[]): string {
  return collapseBlankLines(dropEmptyHeadings(dropRepeatedSentences(lines)));
}
