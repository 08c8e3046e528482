import { describe, expect, it } from 'vitest';
import { parseCaseLine } from '../../src/board/case-line.js';
import { pubmedQueryOf } from '../../src/board/relevance.js';

describe('parseCaseLine', () => {
  it('reads diagnosis, marker, settings and age group from the JMML reference case', () => {
    const profile = parseCaseLine(
      '18-month-old, JMML with monosomy 7, relapse 4 months after HSCT, mixed chimerism',
    );
    expect(profile.diagnosis?.id).toBe('jmml');
    expect(profile.markers.map((marker) => marker.label)).toEqual(['monosomy 7']);
    expect(profile.settings.map((setting) => setting.label)).toEqual(['relapse', 'post-HSCT']);
    expect(profile.ageGroup).toBe('pediatric');
  });

  it('knows the long name and the transplant synonyms', () => {
    const profile = parseCaseLine(
      'Infant with juvenile myelomonocytic leukemia, PTPN11, relapse after bone marrow transplant',
    );
    expect(profile.diagnosis?.label).toBe('JMML');
    expect(profile.markers.map((marker) => marker.label)).toEqual(['PTPN11']);
    expect(profile.settings.map((setting) => setting.id)).toContain('post-hsct');
  });

  it('keeps the specific mutation and drops its gene-only form', () => {
    const profile = parseCaseLine(
      '67 yo woman, stage IV NSCLC, EGFR exon 19 deletion then KRAS G12C, progression on osimertinib',
    );
    expect(profile.stage).toBe('stage IV');
    expect(profile.markers.map((marker) => marker.label)).toEqual(['EGFR exon 19 deletion', 'KRAS G12C']);
    expect(profile.settings.map((setting) => setting.label)).toContain('refractory');
    expect(profile.ageGroup).toBe('elderly');
  });

  it('does not read the leukemia ALL out of lowercase "all" nor rectal cancer out of colorectal', () => {
    expect(parseCaseLine('all options discussed for colorectal cancer').diagnosis?.id).toBe('colorectal');
    expect(parseCaseLine('45M, newly diagnosed AML with FLT3-ITD and NPM1').diagnosis?.id).toBe('aml');
  });

  it('reads "45M" as an age but not "3 m"', () => {
    expect(parseCaseLine('45M, AML with NPM1').ageGroup).toBe('adult');
    expect(parseCaseLine('AML with NPM1, relapse 3 m after HSCT').ageGroup).toBeUndefined();
  });

  it('reads a TNM stage and an adult age', () => {
    const profile = parseCaseLine('62-year-old, pT3 renal cell carcinoma with renal vein invasion');
    expect(profile.stage).toBe('pT3');
    expect(profile.ageGroup).toBe('adult');
  });

  it('builds a PubMed query from diagnosis, markers and setting', () => {
    const query = pubmedQueryOf(parseCaseLine('JMML with monosomy 7, relapse after HSCT'));
    expect(query).toBe(
      '("juvenile myelomonocytic leukemia"[tiab] OR "JMML"[tiab]) AND "monosomy 7"[tiab] AND ("recurrence"[tiab] OR "hematopoietic stem cell transplantation"[tiab])',
    );
  });

  it('gives no PubMed query for a line without diagnosis or marker', () => {
    expect(pubmedQueryOf(parseCaseLine('second opinion on a lesion'))).toBeUndefined();
  });
});
