import { describe, expect, it } from 'vitest';
import { findCondition } from '../../src/text/condition.js';
import { jmmlPaper, pubmedQaPaper } from './paper-factory.js';

describe('findCondition', () => {
  it('names the disease of the JMML case without the words around it', () => {
    const paper = jmmlPaper();
    expect(findCondition(paper.abstract.map((s) => s.text).join('\n'))).toBe(
      'juvenile myelomonocytic leukemia',
    );
  });

  it('stops at setting words and keeps multi-word names and acronyms', () => {
    expect(findCondition(pubmedQaPaper('15703931').title)).toBe('cervical cancer');
    expect(findCondition('Outcomes in patients with advanced non-small cell lung cancer')).toBe(
      'non-small cell lung cancer',
    );
    expect(findCondition('Relapse of B-ALL Leukemia')).toBe('B-ALL leukemia');
  });

  it('does not take graft-versus-leukemia for a disease', () => {
    expect(
      findCondition(
        'Rapamycin and graft-versus-leukemia (GVL) after relapse of juvenile myelomonocytic leukemia',
      ),
    ).toBe('juvenile myelomonocytic leukemia');
  });

  it('returns undefined when no disease is named', () => {
    expect(findCondition(pubmedQaPaper('27592038').title)).toBeUndefined();
  });
});
