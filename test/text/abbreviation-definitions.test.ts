import { describe, expect, it } from 'vitest';
import { definedAbbreviations } from '../../src/text/index.js';

describe('definedAbbreviations', () => {
  it('finds the long form an abstract gives each abbreviation, plural or not', () => {
    const found = definedAbbreviations(
      'Univariate analyses of post-metastasis survival (PMS) and overall survival (OS) were done. ' +
        'Central line-associated bloodstream infections (CLABSIs) were rare.',
    );
    expect(found.get('PMS')).toBe('post-metastasis survival');
    expect(found.get('OS')).toBe('overall survival');
    expect(found.get('CLABSI')).toBe('Central line-associated bloodstream infections');
  });

  it('ignores numbers and p-values in parentheses', () => {
    expect(definedAbbreviations('seen in 17 patients (24%) (P<0.05) (n = 30)').size).toBe(0);
  });
});
