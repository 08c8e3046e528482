import { describe, expect, it } from 'vitest';
import { classifyStudy } from '../../src/text/index.js';
import { createPaper, jmmlPaper, pubmedQaPaper } from './paper-factory.js';

describe('classifyStudy from PubMed publication types', () => {
  const abstract = [{ text: 'We describe an infant with relapse after transplantation.' }];

  it.each([
    [['Journal Article', 'Meta-Analysis', 'Review'], 'meta-analysis', 'high'],
    [['Systematic Review', 'Review'], 'systematic-review', 'high'],
    [['Randomized Controlled Trial', 'Multicenter Study'], 'rct', 'high'],
    [['Clinical Trial, Phase III'], 'cohort', 'moderate'],
    [['Practice Guideline'], 'guideline', 'high'],
    [['Observational Study', 'Journal Article'], 'cohort', 'moderate'],
    [['Case Reports'], 'case-report', 'low'],
    [['Review'], 'review', 'low'],
    [['Editorial'], 'editorial', 'very low'],
  ])('%j is %s with %s evidence', (publicationTypes, studyType, evidence) => {
    const result = classifyStudy(createPaper({ title: 'A paper', abstract, publicationTypes }));
    expect(result.studyType).toBe(studyType);
    expect(result.evidence).toBe(evidence);
  });

  it('reads a phase III trial as randomized only when its abstract says its patients were', () => {
    const randomized = createPaper({
      abstract: [{ text: 'A total of 412 patients were randomly assigned to chemotherapy or observation.' }],
      publicationTypes: ['Clinical Trial, Phase III'],
    });
    expect(classifyStudy(randomized).studyType).toBe('rct');
  });

  it('takes the publication type over text cues', () => {
    const paper = createPaper({
      title: 'A review',
      abstract,
      publicationTypes: ['Randomized Controlled Trial'],
    });
    expect(classifyStudy(paper).studyType).toBe('rct');
  });

  it('marks a retracted publication very low whatever its design', () => {
    const paper = createPaper({
      abstract,
      publicationTypes: ['Randomized Controlled Trial', 'Retracted Publication'],
    });
    expect(classifyStudy(paper)).toMatchObject({ studyType: 'rct', evidence: 'very low' });
  });

  it('caps a preprint at moderate evidence', () => {
    const paper = createPaper({
      abstract,
      publicationTypes: ['Randomized Controlled Trial'],
      isPreprint: true,
    });
    expect(classifyStudy(paper).evidence).toBe('moderate');
  });
});

describe('classifyStudy from text', () => {
  it('reads the JMML page as a single-patient case report', () => {
    expect(classifyStudy(jmmlPaper())).toEqual({ studyType: 'case-report', evidence: 'low', sampleSize: 1 });
  });

  it('reads design lines of PubMed abstracts', () => {
    expect(classifyStudy(pubmedQaPaper('27592038'))).toMatchObject({ studyType: 'rct', sampleSize: 38 });
    expect(classifyStudy(pubmedQaPaper('10575390'))).toMatchObject({ studyType: 'cohort', sampleSize: 225 });
    expect(classifyStudy(pubmedQaPaper('24785562')).studyType).toBe('meta-analysis');
    expect(classifyStudy(pubmedQaPaper('17113061'))).toMatchObject({
      studyType: 'case-control',
      sampleSize: 114,
    });
  });

  it('recognizes animal and cell work as preclinical, without a patient count', () => {
    expect(classifyStudy(pubmedQaPaper('9381529'))).toEqual({
      studyType: 'preclinical',
      evidence: 'very low',
    });
  });

  it('does not label a matched-cohort study randomized for calling for randomized trials', () => {
    // Bladder cancer after cystectomy: "emphasizes the need for prospective, randomized trials".
    const matched = classifyStudy(pubmedQaPaper('15483019'));
    expect(matched.studyType).not.toBe('rct');
    expect(matched.evidence).not.toBe('high');
  });

  it('does not call a PCR assay on 70 patient specimens preclinical', () => {
    // BCR-ABL monitoring in Ph(+) leukemia patients; a control cell line is named in passing.
    expect(classifyStudy(pubmedQaPaper('16392897')).studyType).not.toBe('preclinical');
  });

  it('does not take designs the abstract only mentions for the paper’s own', () => {
    // "Adherence to Department of Health guidelines" is what was audited, not a guideline.
    expect(classifyStudy(pubmedQaPaper('1571683')).studyType).not.toBe('guideline');
    const cited = createPaper({
      abstract: [
        { text: 'Unlike a previous meta-analysis and published case reports, we studied a cohort.' },
      ],
    });
    expect(classifyStudy(cited).studyType).toBe('cohort');
  });

  it('does not take "we report an increased sensitivity" for a case report', () => {
    expect(classifyStudy(pubmedQaPaper('8521557')).studyType).not.toBe('case-report');
  });

  it('reads compound number words', () => {
    const paper = createPaper({
      abstract: [
        { text: 'Prospective cohort. Twenty-four patients, 12 in each age cohort, were interviewed.' },
      ],
    });
    expect(classifyStudy(paper).sampleSize).toBe(24);
  });

  it('counts patients written as numbers or words, and not parts of larger numbers', () => {
    const paper = createPaper({
      abstract: [{ text: 'Retrospective cohort of 1,204 patients; three patients died.' }],
    });
    expect(classifyStudy(paper).sampleSize).toBe(1204);
    expect(classifyStudy(pubmedQaPaper('10808977')).sampleSize).toBeUndefined();
  });
});
