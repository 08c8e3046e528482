import { describe, expect, it } from 'vitest';
import { referencedItem } from '../../src/qa/digest-reference.js';

describe('referencedItem', () => {
  it('finds the digest item a message names by its place, as people count them', () => {
    for (const [message, index] of [
      ['re #2 (the thai second look laparotomy one) - 5y OS?', 1],
      ['chairing GI board tmrw. #2, resecting CRC liver mets - what predicted a shorter DFS', 1],
      ['the 2nd one, the 70 vs 74 Gy decision aid - which pts leaned lower', 1],
      ['first one in the list (EGFR mut in serum vs tumour) - how many got a TKI', 0],
      ['the robot vs open RP inflammation one (2nd) - was lactate different', 1],
      ['3rd one - ultrasound for penile SCC staging', 2],
      ['the last one - any OS data?', 3],
      ['2nd, polyps before vs after menopause - how many women in each arm', 1],
      ['third - the sleeve volume one, how many pts', 2],
    ] as const)
      expect(referencedItem(message, 4)?.index, message).toBe(index);
  });

  it('leaves out the words that name the place, so they are not read as what is asked', () => {
    expect(referencedItem('4th one, cholesteatoma second look - how much came out easily', 4)?.rest).toBe(
      ' , cholesteatoma second look - how much came out easily',
    );
    expect(referencedItem('re #2 (the thai one) - 5y OS?', 4)?.rest).toBe('re   (the thai one) - 5y OS?');
  });

  it('names no item for numbers that count something else, places past the list, or a channel link', () => {
    for (const message of [
      'what was the 2nd line ORR?',
      'OS at 2 years in #7?',
      'see <#C024BE91L|tumor-board> for the slides',
      'first-line pembro vs chemo: any OS benefit?',
      'the phase 3 one - how many pts?',
    ])
      expect(referencedItem(message, 4), message).toBeUndefined();
  });
});
