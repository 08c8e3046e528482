import { describe, expect, it } from 'vitest';
import { askKind, leansOnThread, questionParts } from '../../src/qa/question-shape.js';

describe('questionParts', () => {
  it('splits a message that asks two things, each with the kind of answer it wants', () => {
    expect(
      questionParts("TACE for unresectable HCC — what's the 1yr OS, and does doing it selectively matter?"),
    ).toEqual([
      { text: "TACE for unresectable HCC — what's the 1yr OS", kind: 'figure' },
      { text: 'does doing it selectively matter?', kind: 'finding' },
    ]);
    expect(questionParts('how long did the op take and what was the EBL?')).toHaveLength(2);
    expect(questionParts('dropout on FA vs placebo, and nausea at 9 months?')).toHaveLength(2);
  });

  it('keeps a single question whole', () => {
    expect(questionParts('does neoadjuvant chemo improve OS in stage IV NPC?')).toEqual([
      { text: 'does neoadjuvant chemo improve OS in stage IV NPC?', kind: 'finding' },
    ]);
  });
});

describe('askKind', () => {
  it('tells a figure from a finding as clinicians ask them', () => {
    for (const figure of [
      'what % of kids survived',
      'how many pts relapsed',
      'cheek SCC local recurrence rate?',
      'OR for the combined endpoint',
      'median f/u?',
      '5 yr survival',
      'how heavy were the fibroids they took out',
      'how old were they',
      'size of the mets on avg?',
      'what volume of fluid did they instil',
      'what pressure did they insufflate to',
    ])
      expect(askKind(figure)).toBe('figure');
    for (const finding of ['is serum leptin prognostic in adv lung ca?', 'does IBR delay adjuvant chemo'])
      expect(askKind(finding)).toBe('finding');
  });

  it('reads a yes/no question that names a measure as asking for the finding, unless it also asks how much', () => {
    expect(askKind('older pt w MDS, does del(5q) itself add to the transformation risk')).toBe('finding');
    expect(askKind('did adding RT lower the local relapse rate')).toBe('finding');
    expect(askKind('did adding RT lower the local relapse rate, and by how much')).toBe('figure');
    expect(askKind('what was the local relapse rate')).toBe('figure');
  });
});

describe('leansOnThread', () => {
  it('recognizes a follow-up that only makes sense with the thread', () => {
    expect(leansOnThread('and the median f/u?', [])).toBe(true);
    expect(leansOnThread('any independent prognostic factor they found?', [3.2])).toBe(true);
    expect(leansOnThread('what % were low risk', [0.6])).toBe(true);
    expect(leansOnThread('is serum leptin prognostic in advanced lung cancer?', [6.1, 3.2])).toBe(false);
  });
});
