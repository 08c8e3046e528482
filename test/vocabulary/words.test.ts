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

  it('reads a hyphenated word also written solid, as a question types it', () => {
    const text = textKeysOf('tumour response to pre-operative chemo-radiotherapy in rectal cancer');
    expect(saysForm(text, form('chemoradiotherapy'))).toBe(true);
    expect(saysForm(text, form('preoperative'))).toBe(true);
    // Only two words joined by the hyphen: "chemo" and "therapy" apart are not "chemotherapy".
    expect(saysForm(textKeysOf('chemo and radiation therapy'), form('chemotherapy'))).toBe(false);
  });
});
