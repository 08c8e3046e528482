import { describe, expect, it } from 'vitest';
import { wordKey } from '../../src/vocabulary/index.js';

describe('wordKey', () => {
  it('gives British and American spellings of medical words one key', () => {
    expect(wordKey('Leukaemias')).toBe(wordKey('leukemia'));
    expect(wordKey('paediatric')).toBe(wordKey('pediatric'));
    expect(wordKey('oesophageal')).toBe(wordKey('esophageal'));
    expect(wordKey('tumours')).toBe(wordKey('tumor'));
    expect(wordKey('randomised')).toBe(wordKey('randomized'));
  });

  it('gives irregular and Greek plurals the key of their singular', () => {
    expect(wordKey('children')).toBe(wordKey('child'));
    expect(wordKey('metastases')).toBe(wordKey('metastasis'));
    expect(wordKey('diagnoses')).toBe(wordKey('diagnosis'));
  });

  it('keeps different words apart', () => {
    expect(wordKey('pediatric')).not.toBe(wordKey('geriatric'));
    expect(wordKey('hematologic')).not.toBe(wordKey('dermatologic'));
    expect(wordKey('G12C')).toBe('g12c');
  });
});
