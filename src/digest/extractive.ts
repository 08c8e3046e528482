import { findCondition } from '../text/condition.js';
import { classifyStudy, extractKeyNumbers, htmlToText } from '../text/index.js';
import {
  isFragment,
  type KeySentence,
  keySentences,
  paperSections,
  restates,
  SECTION_WEIGHT,
  wordCount,
} from '../text/key-sentences.js';
import { describeLimitations } from '../text/limitations.js';
import type { DigestItem, ItemSummary, Paper, StudyType } from '../types.js';
import type { DigestSummarizer, SummaryContext } from './summarizer.js';

const HEADLINE_MAX = 90;
/** Said, in our own words, when a record has no abstract or text to quote (errata, news items). */
export const NO_TEXT_TAKEAWAY = 'No abstract available.';
const TAKEAWAY_WORD_BUDGET = 60;
const MAX_FINDING_SENTENCES = 2;
/** A second sentence must say something: background and methods score below this. */
const SECOND_SENTENCE_MIN_SCORE = 2.5;
/** A number's sentence longer than this is a table in prose; the key numbers list carries it instead. */
const NUMBER_SENTENCE_MAX_WORDS = 35;
const MAX_KEY_NUMBERS = 5;

function pickTakeaway(pool: KeySentence[], numberSentences: string[]): string[] {
  const ranked = [...pool].sort((a, b) => b.score - a.score || a.order - b.order);
  const picked: string[] = [];
  let words = 0;
  for (const { sentence, score } of ranked) {
    if (picked.length >= MAX_FINDING_SENTENCES) break;
    const w = wordCount(sentence);
    if (picked.length > 0 && (words + w > TAKEAWAY_WORD_BUDGET || score < SECOND_SENTENCE_MIN_SCORE))
      continue;
    if (picked.some((p) => restates(p, sentence))) continue;
    picked.push(sentence);
    words += w;
  }
  // A takeaway without the paper's headline number hides what a clinician most needs.
  const hasNumber = picked.some((p) => numberSentences.includes(p));
  const numberSentence = numberSentences.find(
    (s) => wordCount(s) <= NUMBER_SENTENCE_MAX_WORDS && !picked.some((p) => restates(p, s)),
  );
  if (!hasNumber && numberSentence) picked.push(numberSentence);
  return picked;
}

function asSentence(text: string): string {
  return /[.!?]["')\]]?$/.test(text) ? text : `${text}.`;
}

/** A title short enough for a phone: no markup, no trailing period, a long subtitle dropped. */
export function headlineFromTitle(title: string, fallback: string): string {
  const clean = htmlToText(title).replace(/\s+/g, ' ').trim() || fallback;
  let headline = clean.replace(/[.\s]+$/, '');
  if (headline.length > HEADLINE_MAX) {
    const subtitle = /: |\. |--| - /.exec(headline.slice(20));
    if (subtitle && subtitle.index + 20 <= HEADLINE_MAX) headline = headline.slice(0, subtitle.index + 20);
  }
  if (headline.length > HEADLINE_MAX) {
    const cut = headline.slice(0, HEADLINE_MAX - 1);
    headline = `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : cut.length).replace(/[,;:\s]+$/, '')}…`;
  }
  return headline;
}

/**
 * The summary of one paper without a model: takeaway sentences copied verbatim from its
 * conclusion, highlights and results (so every one is a checkable quote), the most informative
 * numbers, design, evidence and the limits a reader must know.
 */
export function summarizeExtractive(paper: Paper, _context: SummaryContext): ItemSummary {
  const sections = paperSections(paper);
  const pool = keySentences(sections);
  const findingText = sections
    .filter((s) => SECTION_WEIGHT[s.kind] >= 1)
    .map((s) => s.text)
    .join('\n');
  const keyNumbers = extractKeyNumbers(findingText || sections.map((s) => s.text).join('\n'));
  const strongNumbers = keyNumbers
    .filter((k) => k.kind !== 'n' && k.kind !== 'p-value' && k.kind !== 'ci' && !isFragment(k.sentence))
    .map((k) => k.sentence);
  const quotes = pickTakeaway(pool, strongNumbers);
  const { studyType, evidence, sampleSize } = classifyStudy(paper);
  const condition = findCondition(`${paper.title}\n${findingText}`);
  return {
    headline: headlineFromTitle(paper.title, quotes[0] ?? 'Untitled paper'),
    takeaway: quotes.length > 0 ? quotes.map(asSentence).join(' ') : NO_TEXT_TAKEAWAY,
    studyType,
    evidence,
    ...(sampleSize === undefined ? {} : { sampleSize }),
    ...(condition ? { population: condition } : {}),
    keyNumbers: keyNumbers.filter((k) => k.kind !== 'ci').slice(0, MAX_KEY_NUMBERS),
    limitations: describeLimitations(paper, studyType, sampleSize),
    quotes,
    source: 'extractive',
  };
}

const DESIGN_ORDER: readonly StudyType[] = [
  'meta-analysis',
  'systematic-review',
  'guideline',
  'rct',
  'cohort',
  'case-control',
  'case-series',
  'case-report',
  'review',
  'preclinical',
  'editorial',
  'other',
];

const DESIGN_NAMES: Record<StudyType, [string, string]> = {
  'meta-analysis': ['meta-analysis', 'meta-analyses'],
  'systematic-review': ['systematic review', 'systematic reviews'],
  guideline: ['guideline', 'guidelines'],
  rct: ['randomized trial', 'randomized trials'],
  cohort: ['cohort study', 'cohort studies'],
  'case-control': ['case-control study', 'case-control studies'],
  'case-series': ['case series', 'case series'],
  'case-report': ['case report', 'case reports'],
  review: ['review', 'reviews'],
  preclinical: ['preclinical study', 'preclinical studies'],
  editorial: ['editorial', 'editorials'],
  other: ['other paper', 'other papers'],
};

/** "This week: 2 randomized trials, 1 case report (juvenile myelomonocytic leukemia)." */
export function extractiveIntro(items: DigestItem[]): string {
  if (items.length === 0) return 'No new papers this week.';
  const parts = DESIGN_ORDER.flatMap((design) => {
    const group = items.filter((item) => item.summary.studyType === design);
    if (group.length === 0) return [];
    const [one, many] = DESIGN_NAMES[design];
    const population = group.length === 1 ? group[0]?.summary.population : undefined;
    return [`${group.length} ${group.length === 1 ? one : many}${population ? ` (${population})` : ''}`];
  });
  const preprints = items.filter((item) => item.labels.includes('preprint')).length;
  const retracted = items.filter((item) => item.labels.includes('retracted')).length;
  const notes = [
    preprints > 0 ? `${preprints} ${preprints === 1 ? 'is a preprint' : 'are preprints'}` : '',
    retracted > 0 ? `${retracted} retracted` : '',
  ].filter(Boolean);
  return `This week: ${parts.join(', ')}${notes.length > 0 ? `; ${notes.join(', ')}` : ''}.`;
}

/** The summarizer that needs no key: deterministic, free, and the LLM summarizer's fallback. */
export function createExtractiveSummarizer(): DigestSummarizer {
  return {
    summarize: async (paper, context) => summarizeExtractive(paper, context),
    intro: async (items) => extractiveIntro(items),
    usage: () => undefined,
  };
}
