import { describe, expect, it } from 'vitest';
import { textKeysOf, wordKey } from '../../src/vocabulary/index.js';

describe('wordKey', () => {
  it('gives British and American spellings of medical words one key', () => {
    expect(wordKey('Leukaemias')).toBe(wordKey('leukemia'));
    expect(wordKey('paediatric')).toBe(wordKey('pediatric'));
    expect(wordKey('oesophageal')).toBe(wordKey('esophageal'));
    expect(wordKey('tumours')).toBe(wordKey('tumor'));
    expect(wordKey('randomised')).toBe(wordKey('randomized'));
    expect(wordKey('favourable')).toBe(wordKey('favorable'));
    expect(wordKey('centres')).toBe(wordKey('centers'));
    expect(wordKey('foetal')).toBe(wordKey('fetal'));
    expect(wordKey('analysed')).toBe(wordKey('analyzed'));
    expect(wordKey('apnoea')).toBe(wordKey('apnea'));
    expect(wordKey('diarrhoeal')).toBe(wordKey('diarrheal'));
    expect(wordKey('coeliac')).toBe(wordKey('celiac'));
    expect(wordKey('naevi')).toBe(wordKey('nevi'));
    expect(wordKey('leucocytes')).toBe(wordKey('leukocytes'));
    expect(wordKey('sulphonylurea')).toBe(wordKey('sulfonylurea'));
    expect(wordKey('grey')).toBe(wordKey('gray'));
    expect(wordKey('titres')).toBe(wordKey('titers'));
    expect(wordKey('litre')).toBe(wordKey('liter'));
    expect(wordKey('fibre')).toBe(wordKey('fiber'));
    expect(wordKey('analogue')).toBe(wordKey('analog'));
    expect(wordKey('gonadotrophin')).toBe(wordKey('gonadotropin'));
    expect(wordKey('artefacts')).toBe(wordKey('artifacts'));
    expect(wordKey('defence')).toBe(wordKey('defense'));
    expect(wordKey('disk')).toBe(wordKey('disc'));
    // Words that only look British keep their own key.
    expect(wordKey('genre')).not.toBe(wordKey('gender'));
    expect(wordKey('aerobic')).toBe('aerob');
  });

  it('keeps an -ise word every English spells so beside its own noun', () => {
    expect(wordKey('excised')).toBe(wordKey('excision'));
    expect(wordKey('revised')).toBe(wordKey('revision'));
    expect(wordKey('supervised')).toBe(wordKey('supervision'));
    expect(wordKey('organised')).toBe(wordKey('organized'));
  });

  it('keys an -ative adjective as its -ation noun, which Porter cuts apart on short roots', () => {
    expect(wordKey('ablative')).toBe(wordKey('ablation'));
    expect(wordKey('palliative')).toBe(wordKey('palliation'));
    expect(wordKey('comparative')).toBe(wordKey('compare'));
  });

  it('gives irregular and Greek plurals the key of their singular', () => {
    expect(wordKey('children')).toBe(wordKey('child'));
    expect(wordKey('metastases')).toBe(wordKey('metastasis'));
    expect(wordKey('diagnoses')).toBe(wordKey('diagnosis'));
    expect(wordKey('recurring')).toBe(wordKey('recurrence'));
    expect(wordKey('referral')).toBe(wordKey('referred'));
  });

  it('gives "die" and "dying" the key of "died", as papers write it', () => {
    expect(wordKey('die')).toBe(wordKey('died'));
    expect(wordKey('dying')).toBe(wordKey('died'));
  });

  it('keeps different words apart', () => {
    expect(wordKey('pediatric')).not.toBe(wordKey('geriatric'));
    expect(wordKey('hematologic')).not.toBe(wordKey('dermatologic'));
    expect(wordKey('G12C')).toBe('g12c');
    expect(wordKey('canoe')).not.toBe(wordKey('canea'));
  });
});

describe('textKeysOf', () => {
  it('gives a code written with brackets, hyphens or a stage prefix the key of the code typed glued', () => {
    const keys = textKeysOf('The IC(50) was low in HER-2 and PD-L1 positive pT3a tumours with del(17p)').set;
    for (const key of ['ic50', 'her2', 'pdl1', 't3a', 'del17p']) expect(keys).toContain(key);
  });
});
