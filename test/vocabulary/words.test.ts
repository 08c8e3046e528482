import { describe, expect, it } from 'vitest';
import { contentKeysOf, saysForm, textKeysOf } from '../../src/vocabulary/index.js';

const form = (phrase: string) => contentKeysOf(phrase);

describe('saysForm', () => {
  it('finds a phrase with one word set inside it, as papers write "unfractionated sodium heparin"', () => {
    const text = textKeysOf('nebulization of unfractionated sodium heparin (5000 units in 2mL)');
    expect(saysForm(text, form('unfractionated heparin'))).toBe(true);
  });

  it('does not join words of a phrase that stand apart or out of order', () => {
    const text = textKeysOf('heparin was unfractionated in the low molecular weight arm of the trial');
    expect(saysForm(text, form('unfractionated heparin'))).toBe(false);
    expect(saysForm(textKeysOf('survival was overall poor'), form('overall survival'))).toBe(false);
    expect(saysForm(textKeysOf('lung metastases from breast cancer'), form('lung cancer'))).toBe(false);
  });
});
