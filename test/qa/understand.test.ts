import { describe, expect, it } from 'vitest';
import { understandQuestion } from '../../src/qa/understand.js';
import { pubMedQaTerms } from './corpus.js';

describe('understandQuestion', () => {
  it('reads the case described before the ask as context, even with a "?" marking a suspicion', async () => {
    const understood = await understandQuestion(
      'after TBB for ?lymphangitic spread, debating routine CXR. how many pneumothoraces had no symptoms',
      undefined,
      pubMedQaTerms(),
    );
    expect(understood.parts.map((part) => part.text).join(' ')).not.toContain('lymphangitic');
    expect(understood.parts[0]?.text).toContain('pneumothoraces');
  });

  it('asks for a figure when "what" follows the paper described first, whatever "vs" and "did" say', async () => {
    const understood = await understandQuestion(
      'the german RCT of single agent novantrone vs FEC as first line for high risk MBC - what mitoxantrone dose and schedule did they use',
      undefined,
      pubMedQaTerms(),
    );
    expect(understood.parts.map((part) => part.kind)).toEqual(['figure']);
  });
});
