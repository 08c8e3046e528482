import { describe, expect, it } from 'vitest';
import { isPinyinName } from '../../src/privacy/pinyin.js';

describe('isPinyinName', () => {
  it('reads two or three pinyin syllables as a Chinese given name', () => {
    for (const name of ['Xiaoming', 'Jianping', 'Weihua', 'Guoqing', 'Zhiqiang', 'Hongmei'])
      expect(isPinyinName(name), name).toBe(true);
  });

  it('does not read clinical words whose pieces only look like syllables', () => {
    for (const word of ['Seroma', 'Mannose', 'Tonopen', 'Restaging', 'Imatinib', 'Venclexta'])
      expect(isPinyinName(word), word).toBe(false);
  });

  it('leaves one syllable to the name lists: "Shuang" alone says too little', () => {
    expect(isPinyinName('Shuang')).toBe(false);
  });
});
