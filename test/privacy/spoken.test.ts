import { describe, expect, it } from 'vitest';
import { redactPhi } from '../../src/privacy/index.js';

describe('redactPhi on dictated text', () => {
  it('removes numbers, dates, ages and e-mail addresses said in words', () => {
    expect(
      redactPhi('his partners mobile is oh seven seven zero zero nine zero zero three eight one full stop')
        .text,
    ).toBe('his partners mobile is [phone] full stop');
    expect(redactPhi('hospital number r zero zero four four one eight two and consists of').text).toBe(
      'hospital number [MRN] and consists of',
    );
    expect(redactPhi('date of operation the fourteenth of february twenty twenty four surgeon').text).toBe(
      'date of operation [date] surgeon',
    );
    expect(redactPhi('date of birth twelve oh four nineteen forty nine he is retired').text).toBe(
      'date of birth [date of birth] he is retired',
    );
    expect(redactPhi('she is a ninety three year old woman').text).toBe(
      'she is a [age over 89] year old woman',
    );
    expect(redactPhi('correspondence to lucy dot amberley at example dot co dot uk please').text).toBe(
      'correspondence to [email] please',
    );
  });

  it('reads a lower-case given name as a person after a relative or before what only a person does', () => {
    expect(
      redactPhi('seen with her husband peter who is very supportive peter reports she sleeps').text,
    ).toBe('seen with her husband [name] who is very supportive [name] reports she sleeps');
    expect(redactPhi('and his granddaughter hope who is a nurse will attend').text).toBe(
      'and his granddaughter [name] who is a nurse will attend',
    );
    expect(redactPhi('his wife graça was also present').text).toBe('his wife [name] was also present');
    expect(redactPhi('we hope to start radiotherapy, the mark reported on the film').text).toBe(
      'we hope to start radiotherapy, the mark reported on the film',
    );
  });

  it('leaves counts, stages and cycles said in words', () => {
    const text =
      'ann arbor stage two a, one of two patients, two to three cycles, aged sixty five, forty percent';
    expect(redactPhi(text).text).toBe(text);
  });
});
