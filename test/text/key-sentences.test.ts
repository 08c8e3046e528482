import { describe, expect, it } from 'vitest';
import { keySentences, paperSections, restates } from '../../src/text/index.js';
import { fixtureText, jmmlPaper, pubmedQaPaper } from './paper-factory.js';

describe('paperSections', () => {
  it('reads the JMML paper as abstract, highlights and introduction', () => {
    expect(paperSections(jmmlPaper()).map((s) => s.kind)).toEqual(['abstract', 'highlights', 'background']);
  });

  it('keeps structured abstract labels as section kinds', () => {
    expect(paperSections(pubmedQaPaper('27592038')).map((s) => s.kind)).toEqual([
      'background',
      'background',
      'methods',
      'methods',
      'methods',
      'methods',
      'results',
      'conclusion',
    ]);
  });
});

describe('keySentences', () => {
  it('ranks what the JMML case shows above its background', () => {
    const ranked = keySentences(paperSections(jmmlPaper())).sort((a, b) => b.score - a.score);
    expect(ranked[0]?.sentence).toMatch(/^We describe an infant with JMML/);
    expect(ranked[1]?.sentence).toMatch(/^This case report demonstrates that rapamycin and GVL/);
    const background = ranked.find((k) =>
      k.sentence.startsWith('Juvenile myelomonocytic leukemia (JMML) is a rare'),
    );
    expect(background?.score).toBeLessThan(ranked[1]?.score ?? 0);
  });

  it('ranks an aim below a result', () => {
    const ranked = keySentences(paperSections(pubmedQaPaper('27592038')));
    const aim = ranked.find((k) => k.sentence.startsWith('To investigate the effect'));
    const result = ranked.find((k) => k.sentence.startsWith('Immediately after treatment, 53%'));
    expect(aim && result && aim.score < result.score).toBe(true);
  });
});

describe('keySentences on a preprint abstract', () => {
  it('ranks acknowledgements and grant notes below every finding', () => {
    const notes: Record<string, string> = JSON.parse(fixtureText('medrxiv-excerpts.json'));
    const paper = pubmedQaPaper('27592038');
    const extra = [notes.thanks, notes.thanksResource, notes.grant].join(' ');
    const ranked = keySentences(
      paperSections({ ...paper, abstract: [...paper.abstract, { text: extra }] }),
    ).sort((a, b) => b.score - a.score);
    expect(
      ranked
        .slice(-3)
        .map((k) => k.sentence)
        .sort(),
    ).toEqual([notes.grant, notes.thanks, notes.thanksResource].sort());
  });
});

describe('restates', () => {
  it('sees the same finding said twice, not two different findings', () => {
    const article = jmmlPaper();
    const abstractLead = article.abstract[0]?.text.split('. ')[0] ?? '';
    expect(restates(abstractLead, `${abstractLead}.`)).toBe(true);
    expect(
      restates(
        abstractLead,
        'Graft-versus-leukemia (GVL) is thought to play important role in the treatment of JMML.',
      ),
    ).toBe(false);
  });
});
