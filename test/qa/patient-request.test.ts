import { describe, expect, it } from 'vitest';
import { redactPhi } from '../../src/privacy/index.js';
import { asksTreatmentForPatient } from '../../src/qa/patient-request.js';

function asks(question: string): boolean {
  const { text, redactions } = redactPhi(question);
  return asksTreatmentForPatient(text, redactions);
}

describe('asksTreatmentForPatient', () => {
  it.each([
    'Should we start rapamycin for pt John Smith?',
    'MRN 12345678: what treatment should she get after relapse?',
    'What would you recommend for my patient with JMML relapse?',
    'Can we stop tacrolimus in this patient?',
  ])('recognizes a treatment decision for one patient: %j', (question) => {
    expect(asks(question)).toBe(true);
  });

  it.each([
    'What is the relapse rate after HSCT for JMML?',
    'Does rapamycin help children with JMML who relapse?',
    'Should HSCT be standard for JMML?',
    'What treatment did the case report use?',
  ])('leaves literature questions alone: %j', (question) => {
    expect(asks(question)).toBe(false);
  });
});
