import { describe, expect, it } from 'vitest';
import { undictated } from '../../src/qa/dictation.js';

describe('undictated', () => {
  it('writes a dictated question the way the papers write it', () => {
    expect(
      undictated(
        'um for the stage one series, the six hundred sixty seven resections, how many were T two N zero',
      ),
    ).toBe('for the stage I series, the 667 resections, how many were T2N0');
    expect(undictated('what proportion of those sixty five and over were born in the U K')).toBe(
      'what proportion of those 65 and over were born in the UK',
    );
    expect(undictated('uh so what was the P F S in stage three b')).toBe('so what was the PFS in stage IIIB');
  });

  it('leaves ordinals, "one" and "a second" as words: they point at papers and events, not figures', () => {
    expect(undictated('the third one, how many went for a second operation')).toBe(
      'the third one, how many went for a second operation',
    );
  });

  it('keeps the hyphen of a number word joined to the next word, as papers write "2-year"', () => {
    expect(undictated('the same-centre vs two-centre paper, a two-year f/u')).toBe(
      'the same-centre vs 2-centre paper, a 2-year f/u',
    );
  });

  it('keeps uveal melanoma in capitals and questions typed without dictation as they are', () => {
    expect(undictated('UM with liver mets: any data on tebentafusp?')).toBe(
      'UM with liver mets: any data on tebentafusp?',
    );
  });
});
