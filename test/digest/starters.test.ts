import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MESH_ENTRY_TERMS } from '../../src/digest/mesh-terms.js';
import { parseTopic } from '../../src/digest/profile.js';
import { findStarter, SPECIALTY_STARTERS } from '../../src/digest/specialty-starters.js';

const known = JSON.parse(
  readFileSync(new URL('../fixtures/digest/mesh-headings.json', import.meta.url), 'utf8'),
).headings as Record<string, string>;

describe('specialty starters', () => {
  it('cover the ten board specialties', () => {
    expect(SPECIALTY_STARTERS.map((starter) => starter.id)).toEqual([
      'heme',
      'peds',
      'breast',
      'thoracic',
      'gi',
      'gu',
      'gyn',
      'neuro',
      'melanoma-sarcoma',
      'head-neck',
    ]);
  });

  it.each(SPECIALTY_STARTERS.map((starter) => [starter.id, starter] as const))(
    '%s spells every MeSH heading as MeSH does',
    (_id, starter) => {
      const headings = starter.topics
        .map(parseTopic)
        .flatMap((topic) => (topic.kind === 'mesh' ? [topic.term] : []));
      expect(headings.length).toBeGreaterThan(0);
      for (const heading of headings) expect(known, heading).toHaveProperty([heading]);
    },
  );

  it('spells every heading with entry terms as MeSH does', () => {
    for (const heading of Object.keys(MESH_ENTRY_TERMS)) expect(known, heading).toHaveProperty([heading]);
  });

  it('gives entry terms for every heading a starter uses, for the [tiab] part of the query', () => {
    for (const starter of SPECIALTY_STARTERS) {
      for (const topic of starter.topics.map(parseTopic)) {
        if (topic.kind === 'mesh') expect(MESH_ENTRY_TERMS, topic.term).toHaveProperty([topic.term]);
      }
    }
  });

  it('finds a starter as people type it', () => {
    expect(findStarter('Heme malignancies')?.id).toBe('heme');
    expect(findStarter('gyn-onc')?.id).toBe('gyn');
    expect(findStarter('head & neck')?.id).toBe('head-neck');
    expect(findStarter('melanoma/sarcoma')?.id).toBe('melanoma-sarcoma');
    expect(findStarter('dermatology')).toBeUndefined();
  });
});
