import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanText, decodeEntities, htmlToText } from '../../src/text/index.js';

const MARKUP: Record<string, { text: string }> = JSON.parse(
  readFileSync(new URL('../fixtures/text/pubmed-markup.json', import.meta.url), 'utf8'),
);

function raw(name: string): string {
  const entry = MARKUP[name];
  if (!entry) throw new Error(`no fixture ${name}`);
  return entry.text;
}

describe('htmlToText', () => {
  it('restores the spaces PubMed XML dropped around an italic gene name', () => {
    expect(htmlToText(raw('tertTitle'))).toBe(
      'Leucocyte telomere length, genetic variants at the TERT gene region and risk of pancreatic cancer.',
    );
  });

  it('keeps neighbours as spaced in the source when the source has spaces', () => {
    expect(htmlToText(raw('tertAbstract'))).toMatch(
      /^Three SNPs at TERT \(linkage disequilibrium r\^2<0\.25\) were/,
    );
    expect(htmlToText(raw('klebsiellaTitle'))).toBe(
      'Siderophore-mediated iron acquisition by Klebsiella pneumoniae.',
    );
  });

  it('keeps subscripts glued and writes superscripts with a caret', () => {
    expect(htmlToText(raw('vitaminD3Title'))).toContain('the effect of vitamin D3 supplementation');
    expect(htmlToText('10<sup>9</sup>/L')).toBe('10^9/L');
    expect(htmlToText(raw('lactateMathml'))).toContain(
      '[VMLSS 15.0 ± 1.1 km·h^-1; maximal oxygen uptake ( V.O2max ) 67.6',
    );
  });

  it('keeps registered, degree and similar marks inline', () => {
    expect(htmlToText('imatinib (Gleevec<sup>®</sup>) at 37<sup>°</sup>C')).toBe(
      'imatinib (Gleevec®) at 37°C',
    );
  });

  it('turns superscript reference lists into brackets and keeps charges inline', () => {
    expect(htmlToText('mortality<sup>1,3-5</sup> and CD4<sup>+</sup> cells')).toBe(
      'mortality[1,3-5] and CD4+ cells',
    );
  });

  it('decodes numeric and named entities once', () => {
    expect(htmlToText(raw('betaLactamTitle'))).toContain(
      'combinations of β-lactams and the novel β-lactamase inhibitors',
    );
    expect(htmlToText(raw('burnsNbsp'))).toContain('burns was 11 % (range 0.9-80 %)');
    expect(decodeEntities('5 &plusmn; 1 &ge; 2 &micro;g &amp;lt; &#8804; &unknownentity;')).toBe(
      '5 ± 1 ≥ 2 µg &lt; ≤ &unknownentity;',
    );
  });

  it('leaves text that only looks like markup alone', () => {
    expect(htmlToText('p < 0.05 and x<y in 2<3 groups')).toBe('p < 0.05 and x<y in 2<3 groups');
    expect(htmlToText('an escaped &lt;i&gt; tag')).toBe('an escaped <i> tag');
  });

  it('ends lines at block elements and drops scripts, styles and comments', () => {
    const html =
      '<p>First<br>line</p><p>Second</p><script>alert(1)</script><style>p{}</style><!-- note --><ul><li>a</li><li>b</li></ul>';
    expect(htmlToText(html)).toBe('First\nline\n\nSecond\na\nb');
  });
});

describe('cleanText on a PubMed abstract', () => {
  it('drops the database copyright notice that ends the abstract', () => {
    const cleaned = cleanText(raw('psycinfoAbstract'));
    expect(cleaned).toMatch(/to replace human coders in content analysis research\.$/);
    expect(cleaned).not.toMatch(/PsycInfo|rights reserved/);
  });
});
