import { describe, expect, it } from 'vitest';
import { createExtractiveSummarizer, summarizeExtractive } from '../../src/digest/extractive.js';
import { sentenceKey, splitSentences } from '../../src/text/index.js';
import { jmmlPaper } from '../text/paper-factory.js';

const CONTEXT = { channelName: 'heme-malignancies', topics: [] };

describe('summarizeExtractive on the JMML reference case', () => {
  const summary = summarizeExtractive(jmmlPaper(), CONTEXT);

  it('says rapamycin after withdrawal of immunosuppression, relying on GVL, controlled relapse in an infant', () => {
    expect(summary.takeaway).toMatch(/withdrawal of immunosuppression/);
    expect(summary.takeaway).toMatch(/rapamycin/);
    expect(summary.takeaway).toMatch(/\bGVL\b/);
    expect(summary.takeaway).toMatch(/\binfant\b/);
    expect(summary.takeaway).toMatch(/disease recurrence|relapse/);
  });

  it('carries the relapse rate as the paper states it', () => {
    expect(summary.takeaway).toContain('approaches 50% within 5 years');
    expect(summary.keyNumbers.map((k) => k.value)).toContain('50% within 5 years');
  });

  it('is a single-patient case report with low evidence', () => {
    expect(summary.studyType).toBe('case-report');
    expect(summary.sampleSize).toBe(1);
    expect(summary.evidence).toBe('low');
    expect(summary.limitations).toContain('single case');
  });

  it('contains no page furniture and no sentence twice', () => {
    expect(summary.takeaway).not.toMatch(/Read more|Talk to us|Schedule a call|Join us/);
    const keys = splitSentences(summary.takeaway).map(sentenceKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(summary.quotes.length).toBeGreaterThan(0);
    expect(summary.quotes.length).toBeLessThanOrEqual(3);
  });
});

describe('createExtractiveSummarizer', () => {
  it('names the designs of the week in the intro and reports no model usage', async () => {
    const summarizer = createExtractiveSummarizer();
    const summary = await summarizer.summarize(jmmlPaper(), CONTEXT);
    const item = { paperId: 't:jmml-fixture', title: 'x', summary, labels: [], score: 1 };
    await expect(summarizer.intro([item], CONTEXT)).resolves.toBe(
      'This week: 1 case report (juvenile myelomonocytic leukemia).',
    );
    expect(summarizer.usage()).toBeUndefined();
  });
});
