import type { Digest, DigestItem, ItemSummary } from '../../../src/types.js';
import { jmmlCaseReport } from '../../digest/fixture-papers.js';

const JMML = jmmlCaseReport();
const ABSTRACT = JMML.abstract[0]?.text ?? '';

/** The reference item of DESIGN.md: its takeaway is the case report's own sentences. */
export function jmmlSummary(overrides: Partial<ItemSummary> = {}): ItemSummary {
  return {
    headline: 'Rapamycin + GVL after JMML relapse post-HSCT',
    takeaway: ABSTRACT.split('. ').slice(0, 1).join('. ').concat('.'),
    studyType: 'case-report',
    evidence: 'low',
    sampleSize: 1,
    keyNumbers: [
      {
        value: '50%',
        kind: 'percent',
        sentence:
          'The relapse rate for children with juvenile myelomonocytic leukemia (JMML) status post hematopoietic stem cell transplantation (HSCT) approaches 50% within 5 years.',
      },
    ],
    limitations: [],
    quotes: [],
    source: 'extractive',
    ...overrides,
  };
}

export function jmmlItem(overrides: Partial<DigestItem> = {}): DigestItem {
  return {
    paperId: JMML.id,
    title: JMML.title,
    doi: undefined,
    summary: jmmlSummary(),
    labels: [],
    score: 1.4,
    ...overrides,
  };
}

export function digestOf(items: DigestItem[]): Digest {
  return {
    id: 'C0HEME:2026-W48',
    channelId: 'C0HEME',
    period: '2026-W48',
    generatedAt: '2026-11-23T13:30:00.000Z',
    intro: 'One case report on post-transplant relapse in JMML this week.',
    items,
    candidateCount: items.length,
  };
}
