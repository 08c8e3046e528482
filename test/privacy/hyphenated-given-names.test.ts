import { describe, expect, it } from 'vitest';
import { isHyphenatedGivenName } from '../../src/privacy/hyphenated-given-names.js';

describe('isHyphenatedGivenName', () => {
  it('reads two syllables of one romanization joined by a hyphen as a given name', () => {
    for (const name of [
      'ji-woo',
      'tae-hyun',
      'seo-yeon',
      'ha-eun',
      'mi-kyung',
      'sung-min',
      'li-na',
      'mei-ling',
      'xiao-ming',
    ])
      expect(isHyphenatedGivenName(name), name).toBe(true);
  });

  it('leaves hyphenated English and clinical words, and halves of two romanizations', () => {
    for (const word of [
      'long-term',
      'post-op',
      'co-op',
      'pre-op',
      'ki-67',
      'well-being',
      'x-ray',
      'non-small',
      'a-fib',
    ])
      expect(isHyphenatedGivenName(word), word).toBe(false);
  });
});
