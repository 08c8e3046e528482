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
