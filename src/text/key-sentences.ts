import type { Paper } from '../types.js';
import { cleanText, sentenceKey } from './clean.js';
import { headingKind, labelKind, type SectionKind } from './headings.js';
import { splitSentences } from './sentences.js';

/** How much a sentence's section says about the paper's finding. */
export const SECTION_WEIGHT: Record<SectionKind | 'lead', number> = {
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
/** Acknowledgements, funding and author notes that preprint servers leave inside abstracts. */
const NOT_A_FINDING_RE =
  /^((we|the authors?) (thank|acknowledge|are grateful)|(this|the) (work|study|research|project)\b.{0,120}\b(was|is|were) (supported|funded)\b|.{0,120}\bwas supported by (a )?grants?\b|funding\b|author (name|contributions?)|competing interests|conflicts? of interest|trial registration|data availability|ethics (statement|approval))/i;
const ANAPHORIC_OPENER_RE =
  /^(however|therefore|thus|for this reason|in addition|moreover|furthermore|these|it|they|this (may|might|could|was|is|would|suggests|finding|result))\b/i;

export interface KeySentence {
  sentence: string;
  score: number;
  order: number;
}

export interface PaperSection {
  kind: SectionKind | 'lead';
  text: string;
}

/** A paper's text as sections of known kind: abstract sections by label, then the full text by its headings. */
export function paperSections(paper: Paper): PaperSection[] {
  const sections: PaperSection[] = paper.abstract.map((s) => ({
    kind: labelKind(s.label) ?? 'abstract',
    text: cleanText(s.text),
  }));
  // Open-access sections carry their headings; table and figure captions are not findings.
  if (paper.fullTextSections?.length) {
    for (const section of paper.fullTextSections) {
      if (section.kind !== 'section') continue;
      sections.push({ kind: labelKind(section.title) ?? 'lead', text: cleanText(section.text) });
    }
    return sections.filter((s) => s.text.trim());
  }
  let current: PaperSection = { kind: 'lead', text: '' };
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

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function scoreSentence(sentence: string, kind: PaperSection['kind'], index: number, count: number): number {
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
  if (NOT_A_FINDING_RE.test(sentence)) score -= 6;
  return score;
}

/**
 * A piece that starts in lowercase is the tail of a sentence a source split ("n=4, SCCVII…");
 * gene-style tokens ("mRNA", "p53") do start real sentences.
 */
export function isFragment(sentence: string): boolean {
  return /^[a-z]/.test(sentence) && !/^[a-z]+[A-Z0-9]/.test(sentence);
}

/**
 * Every sentence of the paper with how likely it states the finding: conclusions, highlights and
 * results first; findings cues ("we describe", "demonstrates") and numbers raise a sentence;
 * aims, calls for more research, questions and sentences leaning on the one before lower it.
 */
export function keySentences(sections: PaperSection[]): KeySentence[] {
  const result: KeySentence[] = [];
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
export function restates(a: string, b: string): boolean {
  if (sentenceKey(a) === sentenceKey(b)) return true;
  const ta = tokens(a);
  const tb = tokens(b);
  const shared = [...ta].filter((t) => tb.has(t)).length;
  return shared / Math.min(ta.size, tb.size || 1) >= 0.8;
}
