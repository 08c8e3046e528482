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
});
