import { findCondition } from '../text/condition.js';
import {
  classifyStudy,
  cleanText,
  extractKeyNumbers,
  headingKind,
  htmlToText,
  labelKind,
  type SectionKind,
  sentenceKey,
  splitSentences,
} from '../text/index.js';
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

/** How much a sentence's section says about the paper's finding. */
const SECTION_WEIGHT: Record<SectionKind | 'lead', number> = {
  conclusion: 4,
  highlights: 2.5,
  results: 2,
  abstract: 1.5,
  summary: 1.5,
  case: 1.5,
  discussion: 1,
  lead: 0.5,
  background: 0.3,
  methods: 0.2,
  'back-matter': -5,
};

const FINDING_CUE_RE =
  /\b(demonstrates?|we (describe|report|present|found|show|observed|conclude)|our (findings|results|data) (suggest|show|indicate)|this (case|study|report|trial|analysis) (demonstrates|shows|suggests|highlights|describes)|in conclusion|suggests?|indicates?)\b/i;
const OUTCOME_CUE_RE =
  /\b(improved|reduced|increased|decreased|associated with|significantly|superior|inferior|non-?inferior|prolonged|higher|lower|effective|tolerated|remission|survival|controlled|doing well|benefit|beneficial|positive effect)\b/i;
const AIM_RE =
  /^(the )?(aims?|purpose|objectives?) (of|was|were)\b|\bwe (aimed|sought)\b|^to (evaluate|assess|determine|investigate|examine)\b/i;
const MORE_RESEARCH_RE =
  /\b(studies|research|trials|investigation|work) (is|are) (still )?(needed|necessary|warranted|required)\b|\b(further|larger|more|additional|future) (\w+ )?(studies|research|trials|investigation)\b.*\b(needed|necessary|warranted|required)\b/i;
const ANAPHORIC_OPENER_RE =
  /^(however|therefore|thus|for this reason|in addition|moreover|furthermore|these|it|they|this (may|might|could|was|is|would|suggests|finding|result))\b/i;

interface Candidate {
  sentence: string;
  score: number;
  order: number;
}

interface Section {
  kind: SectionKind | 'lead';
  text: string;
}

function paperSections(paper: Paper): Section[] {
  const sections: Section[] = paper.abstract.map((s) => ({
    kind: labelKind(s.label) ?? 'abstract',
    text: cleanText(s.text),
  }));
  let current: Section = { kind: 'lead', text: '' };
  for (const line of cleanText(paper.fullText ?? '').split('\n')) {
    const kind = headingKind(line);
    if (kind) {
      sections.push(current);
      current = { kind, text: '' };
    } else current.text += `${line}\n`;
  }
  sections.push(current);
  return sections.filter((s) => s.text.trim());
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function scoreSentence(sentence: string, kind: Section['kind'], index: number, count: number): number {
  const words = wordCount(sentence);
  let score = SECTION_WEIGHT[kind];
  // Unstructured abstracts open with background and put their conclusion last.
  if (kind === 'abstract' && count > 2 && index === count - 1) score += 1;
  if (kind === 'abstract' && count > 2 && index === 0) score -= 0.8;
  if (FINDING_CUE_RE.test(sentence)) score += 1.5;
  if (OUTCOME_CUE_RE.test(sentence)) score += 0.5;
  if (/\d\s?%|\b(HR|OR|RR)\b|\bp\s?[<=]/i.test(sentence)) score += 0.7;
  if (words < 6) score -= 2;
  if (words > 50) score -= 1.5;
  if (AIM_RE.test(sentence)) score -= 1.5;
  if (MORE_RESEARCH_RE.test(sentence)) score -= 2;
  if (ANAPHORIC_OPENER_RE.test(sentence)) score -= 1.5;
  if (sentence.trim().endsWith('?')) score -= 2;
  return score;
}

/**
 * A piece that starts in lowercase is the tail of a sentence a source split ("n=4, SCCVII…");
 * gene-style tokens ("mRNA", "p53") do start real sentences.
 */
function isFragment(sentence: string): boolean {
  return /^[a-z]/.test(sentence) && !/^[a-z]+[A-Z0-9]/.test(sentence);
}

function candidates(sections: Section[]): Candidate[] {
  const result: Candidate[] = [];
  for (const section of sections) {
    const sentences = splitSentences(section.text).filter(
      (s) => headingKind(s) === undefined && !isFragment(s),
    );
    sentences.forEach((sentence, index) => {
      result.push({
        sentence,
        score: scoreSentence(sentence, section.kind, index, sentences.length),
        order: result.length,
      });
    });
  }
  return result;
}

function tokens(sentence: string): Set<string> {
  return new Set(
    sentenceKey(sentence)
      .split(/[^\p{L}\p{N}%]+/u)
      .filter((t) => t.length > 2),
  );
}

/** Same sentence, or one that restates another (most of the words shared). */
function restates(a: string, b: string): boolean {
  if (sentenceKey(a) === sentenceKey(b)) return true;
  const ta = tokens(a);
  const tb = tokens(b);
  const shared = [...ta].filter((t) => tb.has(t)).length;
  return shared / Math.min(ta.size, tb.size || 1) >= 0.8;
}

function pickTakeaway(pool: Candidate[], numberSentences: string[]): string[] {
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
  const pool = candidates(sections);
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
