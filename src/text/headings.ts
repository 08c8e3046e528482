import type { AbstractSection } from '../types.js';

/** The role a heading plays, whatever the journal calls it. */
export type SectionKind =
  | 'abstract'
  | 'highlights'
  | 'summary'
  | 'background'
  | 'methods'
  | 'results'
  | 'case'
  | 'discussion'
  | 'conclusion'
  | 'back-matter';

const HEADINGS: ReadonlyArray<[SectionKind, RegExp]> = [
  ['abstract', /^abstract$/],
  ['highlights', /^(highlights|key points|research highlights|key findings)$/],
  ['summary', /^(summary|graphical abstract|plain language summary)$/],
  ['background', /^(introduction|background|objectives?|aims?|purpose|rationale|context|importance)$/],
  [
    'methods',
    /^(methods?|materials and methods|patients and methods|subjects and methods|methodology|study design|design|settings?|participants|patients|subjects|interventions?|measurements?|main outcomes? (and )?measures?|outcome measures|data sources|study selection|data extraction|data synthesis|materials)$/,
  ],
  ['results', /^(results|findings|measurements and main results|methods and results)$/],
  ['case', /^(case report|case presentation|case description|case summary|case|case reports)$/],
  ['discussion', /^(discussion|comment|interpretation)$/],
  [
    'conclusion',
    /^(conclusions?|concluding remarks|conclusions and relevance|conclusions and implications)$/,
  ],
  [
    'back-matter',
    /^(references|acknowledge?ments|funding|conflicts? of interest|competing interests?|disclosures?|authors?'? contributions|keywords|abbreviations|supplementary material|data availability)$/,
  ],
];

/**
 * The kind of a line when it is a section heading ("Results", "2. Case presentation",
 * "CONCLUSIONS:"), else undefined. Only whole short lines count, so a sentence that starts
 * with "Results" is never taken for a heading.
 */
export function headingKind(line: string): SectionKind | undefined {
  const bare = line
    .trim()
    .replace(/^(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+/, '')
    .replace(/[:.]$/, '')
    .trim()
    .toLowerCase();
  if (bare.length === 0 || bare.length > 40) return undefined;
  for (const [kind, re] of HEADINGS) if (re.test(bare)) return kind;
  return undefined;
}

/** The kind of a structured-abstract label ("RESULTS", "CONCLUSIONS AND RELEVANCE"). */
export function labelKind(label: string | undefined): SectionKind | undefined {
  return label ? headingKind(label) : undefined;
}

/** A section label as a reader expects it beside a quote: "RESULTS" → "Results"; "Table 2" stays. */
export function readableHeading(label: string): string {
  const bare = label.trim().replace(/[:.]$/, '');
  if (bare !== bare.toUpperCase() || !/\p{Lu}{2}/u.test(bare)) return bare;
  const lower = bare.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** A heading is short: "Conclusions and Relevance" is the longest a preprint glues on. */
const MAX_GLUED_HEADING = 40;

/**
 * A preprint server's abstract arrives as one text whose paragraphs begin with their heading
 * glued on ("MethodsWe conducted…", "ResultsAmong 268 participants…", "Background: …"). Split
 * it into labelled sections, so a quote reads "Among 268 participants…" under Results. A text
 * with no such paragraph stays one unlabelled section.
 */
export function sectionsOfGluedAbstract(text: string): AbstractSection[] {
  const sections: AbstractSection[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    const trimmed = paragraph.trim();
    if (!trimmed) continue;
    const heading = gluedHeading(trimmed);
    const body = heading ? trimmed.slice(heading.end).replace(/^[:.\s]+/, '') : trimmed;
    const last = sections.at(-1);
    if (heading && body) sections.push({ label: heading.label, text: body });
    else if (last) last.text = `${last.text}\n\n${trimmed}`;
    else sections.push({ text: trimmed });
  }
  if (!sections.some((section) => section.label)) return text.trim() ? [{ text: text.trim() }] : [];
  return sections;
}

/** The longest heading the paragraph starts with, when a capital, colon or line break follows it. */
function gluedHeading(paragraph: string): { label: string; end: number } | undefined {
  let found: { label: string; end: number } | undefined;
  for (let end = 3; end <= Math.min(MAX_GLUED_HEADING, paragraph.length - 1); end++) {
    const next = paragraph.slice(end, end + 2);
    if (!/^(?:\p{Lu}\p{Ll}|\p{Lu}\s|:|\s*\n)/u.test(next)) continue;
    const label = paragraph.slice(0, end).replace(/[\s:.]+$/, '');
    if (headingKind(label)) found = { label, end };
  }
  return found;
}
