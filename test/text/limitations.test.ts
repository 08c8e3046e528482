import { describe, expect, it } from 'vitest';
import { describeLimitations } from '../../src/text/limitations.js';
import { createPaper, jmmlPaper, pubmedQaPaper } from './paper-factory.js';

describe('describeLimitations', () => {
  it('calls the JMML case a single case, read from full text', () => {
    expect(describeLimitations(jmmlPaper(), 'case-report', 1)).toEqual(['single case']);
  });

  it('flags retrospective designs and small samples, and that only the abstract was read', () => {
    expect(describeLimitations(pubmedQaPaper('11481599'), 'cohort', 17)).toEqual([
      'retrospective',
      'small sample (n=17)',
      'abstract only',
    ]);
  });

  it('puts retraction and preprint status first', () => {
    const paper = createPaper({
      title: 'A title',
      isPreprint: true,
      publicationTypes: ['Retracted Publication'],
    });
    expect(describeLimitations(paper, 'preclinical')).toEqual([
      'retracted',
      'preprint, not peer reviewed',
      'preclinical, not tested in patients',
      'title only',
    ]);
  });
});
