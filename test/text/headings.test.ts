import { describe, expect, it } from 'vitest';
import { headingKind, isBoilerplateLine, labelKind, sectionsOfGluedAbstract } from '../../src/text/index.js';

describe('headingKind', () => {
  it.each([
    ['Abstract', 'abstract'],
    ['Highlights', 'highlights'],
    ['2. Case presentation', 'case'],
    ['MATERIALS AND METHODS:', 'methods'],
    ['Conclusions', 'conclusion'],
    ['Conclusions and Relevance', 'conclusion'],
    ['References', 'back-matter'],
  ])('reads %s as %s', (line, kind) => {
    expect(headingKind(line)).toBe(kind);
  });

  it('never takes a sentence for a heading', () => {
    expect(headingKind('Results were similar in both arms.')).toBeUndefined();
    expect(headingKind('The relapse rate approaches 50% within 5 years.')).toBeUndefined();
    expect(labelKind(undefined)).toBeUndefined();
    expect(labelKind('RESULTS')).toBe('results');
  });
});

describe('sectionsOfGluedAbstract', () => {
  it('reads headings glued to the first word, after a colon or on their own line', () => {
    const text =
      'BackgroundFew data exist.\n\nMethods and Results: We enrolled 40.\n\nConclusions and RelevanceThe dose was safe.';
    expect(sectionsOfGluedAbstract(text)).toEqual([
      { label: 'Background', text: 'Few data exist.' },
      { label: 'Methods and Results', text: 'We enrolled 40.' },
      { label: 'Conclusions and Relevance', text: 'The dose was safe.' },
    ]);
  });

  it('keeps an unstructured abstract, and a paragraph that merely starts with a heading word, whole', () => {
    const text = 'Results were similar in both arms.\n\nPatients tolerated the dose.';
    expect(sectionsOfGluedAbstract(text)).toEqual([{ text }]);
    expect(sectionsOfGluedAbstract('')).toEqual([]);
  });

  it('joins an unlabelled paragraph to the section before it', () => {
    expect(sectionsOfGluedAbstract('MethodsWe enrolled 40.\n\nFollow-up was 2 years.')).toEqual([
      { label: 'Methods', text: 'We enrolled 40.\n\nFollow-up was 2 years.' },
    ]);
  });
});

describe('isBoilerplateLine', () => {
  it.each([
    'Read more',
    'Talk to us',
    'Schedule a call',
    'Join us for a 30 min session where you can share your feedback and ask us any queries you have',
    'Full Text',
    'Published version (Free)',
    '• Download PDF',
    'Accept all cookies',
    'We use cookies to give you the best experience on our website.',
    'Google Scholar',
  ])('drops %s', (line) => {
    expect(isBoilerplateLine(line)).toBe(true);
  });

  it.each([
    'Read more about the trial design in the supplementary appendix, which lists all sites.',
    'Patients were scheduled a call at 30 days.',
    'Full text review of 120 articles was performed.',
    'Summary',
  ])('keeps %s', (line) => {
    expect(isBoilerplateLine(line)).toBe(false);
  });
});
