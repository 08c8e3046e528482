import type { EvidenceLevel, Paper, StudyType } from '../types.js';
import { fullTextOf } from './full-text.js';
import { paperSampleSize } from './sample-size.js';

export interface StudyClassification {
  studyType: StudyType;
  evidence: EvidenceLevel;
  sampleSize?: number;
}

/** PubMed publication types, most specific design first (a meta-analysis is also a "Review"). */
const PUBLICATION_TYPES: ReadonlyArray<[RegExp, StudyType]> = [
  [/^meta-analysis$/i, 'meta-analysis'],
  [/^systematic review$/i, 'systematic-review'],
  [/^(practice guideline|guideline|consensus development conference(, nih)?)$/i, 'guideline'],
  // Only PubMed's own "Randomized Controlled Trial" says randomized: a phase III, equivalence or
  // pragmatic trial may not be, and is read as randomized only when its abstract says so.
  [/^randomized controlled trial(, veterinary)?$/i, 'rct'],
  [
    /^(clinical trial(, phase (i|ii|iii|iv|i\/ii|ii\/iii))?|controlled clinical trial|equivalence trial|pragmatic clinical trial|adaptive clinical trial|observational study|multicenter study)$/i,
    'cohort',
  ],
  [/^case reports$/i, 'case-report'],
  [/^(review|scoping review)$/i, 'review'],
  [
    /^(editorial|comment|letter|news|newspaper article|interview|biography|historical article|personal narrative|published erratum|retraction of publication|expression of concern)$/i,
    'editorial',
  ],
];

/**
 * Text cues in title and abstract, checked when the publication types say nothing about
 * design. Order matters: a meta-analysis "of randomized trials" is a meta-analysis.
 */
// A design the paper cites ("a previous meta-analysis", "published case reports") is not its own.
const NOT_OWN = String.raw`(?<!\b(?:previous|prior|earlier|recent|published|other|existing|several|few|many|AIDS)\s)`;

/**
 * Randomization of the paper's own patients, said explicitly: "were randomly assigned",
 * "randomized to", "in this randomized trial". A call for "prospective, randomized trials" or a
 * cited "randomized study" is not the paper's design.
 */
const RANDOMIZED_HERE = new RegExp(
  [
    String.raw`\b(were|was|been|being|are|is)\s+(subsequently\s+|then\s+)?(randomi[sz]ed|randomly\s+(assigned|allocated|selected\s+to\s+receive))\b`,
    String.raw`\brandomly\s+(assigned|allocated)\b`,
    String.raw`\bwe\s+randomi[sz]ed\b`,
    String.raw`\brandomi[sz]ed\s+(to|into|between|in\s+a\s+\d)\b`,
    String.raw`\brandomi[sz]ation\s+(was|were|to)\b`,
    String.raw`\b(this|our|the\s+present|the\s+current)\s+([\w-]+,?\s+){0,3}randomi[sz]ed\b`,
    String.raw`^(?!\s*(previous|prior|recent|earlier|several|many|few|published|other|existing|future|further|large)\b)\s*(a\s+)?([\w-]+,?\s+){0,3}randomi[sz]ed\b`,
    String.raw`\b(design|setting|methods?)\s*[:.]?\s*(a\s+)?([\w-]+,?\s+){0,3}randomi[sz]ed\b`,
  ].join('|'),
  'im',
);

/**
 * A comparison with a matched or historical cohort, a retrospective or post hoc analysis: even
 * when its patients were once randomized, the paper's own design is observational.
 */
const OBSERVATIONAL_HERE =
  /\b(matched|historical)\s+(cohort|controls?|groups?)\b|\bage-\s+and\s+[\w-]+\s+matched\b|\bretrospective(ly)?\b|\bpost[- ]hoc\b|\bsecondary\s+analys[ie]s\b/i;

/** Work on patients' own specimens (biopsies, blood, tumors) is clinical, even in a laboratory. */
const PATIENT_MATERIAL =
  /\b(patients?|clinical\s+(specimens?|samples?)|(tumou?r|tissue|blood|serum|plasma|bone\s+marrow)\s+(specimens?|samples?)\s+(from|of)\s+\d*\s*(patients?|children|women|men|subjects|participants)|biops(y|ies)\s+(from|of)\s+\d*\s*(patients?|children|women|men))\b/i;

const TEXT_CUES: ReadonlyArray<[RegExp, StudyType]> = [
  [new RegExp(String.raw`${NOT_OWN}\bmeta-analys[ie]s\b`, 'i'), 'meta-analysis'],
  [new RegExp(String.raw`${NOT_OWN}\bsystematic(ally)? review(ed)?\b`, 'i'), 'systematic-review'],
  [RANDOMIZED_HERE, 'rct'],
  [
    /\b(case series|we (describe|report|present) (two|three|four|five|six|seven|eight|nine|ten|\d+) (cases|patients|children))\b/i,
    'case-series',
  ],
  [
    /\b((this|a|our|the present) case (report|presentation)|case report:|a case of|we (describe|report|present) (a|an|one) ([\w-]+ ){0,3}(infant|child|boy|girl|man|woman|patient|neonate|newborn|adolescent|case))\b/i,
    'case-report',
  ],
  [/\bcase-control\b/i, 'case-control'],
  [
    /\b(cohort|retrospective(ly)?|prospective(ly)?|registry|population-based|observational|single-arm|phase (i|ii|1|2)\b)/i,
    'cohort',
  ],
  [
    /\b(in mice|mouse model|murine|xenografts?|cell lines?|in vitro|organoids?|zebrafish|in vivo models?)\b/i,
    'preclinical',
  ],
  [/\b(this|we) review\b|\breview of the literature\b/i, 'review'],
];

/** Papers that are guidelines say so in their title; abstracts mention guidelines they follow. */
const GUIDELINE_TITLE_RE =
  /\b(guidelines?|recommendations|consensus statement|position statement|position paper)\b(?!.*\?\s*$)/i;

const BASE_EVIDENCE: Record<StudyType, EvidenceLevel> = {
  'meta-analysis': 'high',
  'systematic-review': 'high',
  guideline: 'high',
  rct: 'high',
  cohort: 'moderate',
  'case-control': 'moderate',
  'case-series': 'low',
  'case-report': 'low',
  review: 'low',
  preclinical: 'very low',
  editorial: 'very low',
  other: 'low',
};

const LEVELS: readonly EvidenceLevel[] = ['very low', 'low', 'moderate', 'high'];

function atMost(level: EvidenceLevel, cap: EvidenceLevel): EvidenceLevel {
  return LEVELS.indexOf(level) <= LEVELS.indexOf(cap) ? level : cap;
}

function fromPublicationTypes(types: string[]): StudyType | undefined {
  for (const [re, studyType] of PUBLICATION_TYPES) if (types.some((t) => re.test(t.trim()))) return studyType;
  return undefined;
}

function isClinicalTrial(types: string[]): boolean {
  return types.some((type) => /trial/i.test(type));
}

/** True when the abstract says the paper's own patients were randomized (see RANDOMIZED_HERE). */
export function saysRandomized(text: string): boolean {
  return RANDOMIZED_HERE.test(text);
}

/** The text design cues are read from: title and abstract, or the full text when there is no abstract. */
export function designText(paper: Paper): string {
  const abstract = paper.abstract.map((s) => s.text).join('\n');
  return `${paper.title}\n${abstract || (fullTextOf(paper) ?? '').slice(0, 5_000)}`;
}

function fromText(title: string, text: string): StudyType | undefined {
  for (const [re, studyType] of TEXT_CUES) {
    if (!re.test(text)) continue;
    // A laboratory method run on patients' specimens is not preclinical work.
    if (studyType === 'preclinical' && PATIENT_MATERIAL.test(text)) continue;
    if (studyType === 'rct' && OBSERVATIONAL_HERE.test(text)) return 'cohort';
    return studyType;
  }
  return GUIDELINE_TITLE_RE.test(title) ? 'guideline' : undefined;
}

/**
 * Study design, evidence level and sample size of a paper. PubMed publication types decide
 * first; text cues only when they are silent or generic ("Journal Article"). A clinical trial
 * that is not randomized (phase I/II) counts as a prospective cohort. Preprints are capped at
 * moderate evidence (not peer reviewed) and retracted papers are "very low".
 */
export function classifyStudy(paper: Paper): StudyClassification {
  const text = designText(paper);
  let studyType = fromPublicationTypes(paper.publicationTypes) ?? fromText(paper.title, text) ?? 'other';
  // PubMed tags many randomized phase II/III trials "Clinical Trial": the abstract's own words decide.
  if (
    studyType === 'cohort' &&
    isClinicalTrial(paper.publicationTypes) &&
    RANDOMIZED_HERE.test(text) &&
    !OBSERVATIONAL_HERE.test(text)
  ) {
    studyType = 'rct';
  }
  let evidence = BASE_EVIDENCE[studyType];
  if (paper.isPreprint) evidence = atMost(evidence, 'moderate');
  const retracted = paper.retracted || paper.publicationTypes.some((t) => /retracted publication/i.test(t));
  if (retracted) evidence = 'very low';
  const sampleSize = paperSampleSize(text, studyType);
  return sampleSize === undefined ? { studyType, evidence } : { studyType, evidence, sampleSize };
}
