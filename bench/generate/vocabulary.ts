/**
 * Words the synthetic records are built from. Topic words give the search and ranking
 * benchmarks a realistic spread of terms; the sentences around them state no finding.
 */

export const TOPIC_TERMS = [
  'neuroblastoma',
  'medulloblastoma',
  'glioblastoma',
  'ependymoma',
  'osteosarcoma',
  'ewing sarcoma',
  'rhabdomyosarcoma',
  'wilms tumor',
  'acute lymphoblastic leukemia',
  'acute myeloid leukemia',
  'juvenile myelomonocytic leukemia',
  'hodgkin lymphoma',
  'burkitt lymphoma',
  'multiple myeloma',
  'non-small cell lung cancer',
  'melanoma',
  'breast cancer',
  'colorectal cancer',
  'hepatoblastoma',
  'retinoblastoma',
] as const;

export const METHOD_TERMS = [
  'cohort',
  'registry',
  'trial',
  'case series',
  'case report',
  'meta-analysis',
  'imaging',
  'sequencing',
  'transplant',
  'immunotherapy',
  'radiotherapy',
  'chemotherapy',
] as const;

export const PUBLICATION_TYPES = [
  'Journal Article',
  'Randomized Controlled Trial',
  'Case Reports',
  'Review',
  'Meta-Analysis',
  'Observational Study',
] as const;

export const SYNTHETIC_JOURNALS = [
  { title: 'Synthetic journal of load testing A', iso: 'Synth J Load Test A' },
  { title: 'Synthetic journal of load testing B', iso: 'Synth J Load Test B' },
  { title: 'Synthetic journal of load testing C', iso: 'Synth J Load Test C' },
] as const;

export const SYNTHETIC_SURNAMES = ['Placeholder', 'Sample', 'Fixture', 'Dummy', 'Mock', 'Example'] as const;

/** Deterministic pick: the same index always yields the same word, so runs are comparable. */
export function pick<T>(list: readonly T[], index: number): T {
  return list[Math.abs(index) % list.length] as T;
}

/** The title every generated record carries; "[SYNTHETIC]" keeps it from passing as literature. */
export function syntheticTitle(index: number): string {
  return `[SYNTHETIC] Load-test record ${index} on ${pick(TOPIC_TERMS, index)} (${pick(METHOD_TERMS, index * 7 + 3)})`;
}

/** Filler sentences for one abstract section: terms to search for, never a result or a number. */
export function syntheticSentences(index: number, section: number): string {
  const topic = pick(TOPIC_TERMS, index + section * 3);
  const method = pick(METHOD_TERMS, index * 5 + section);
  return (
    `This synthetic filler text exists only for load testing and mentions ${topic} and ${method} terms. ` +
    'It reports no finding, no outcome and no recommendation of any kind.'
  );
}
