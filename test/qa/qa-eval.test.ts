import { describe, expect, it } from 'vitest';
import { formatQaEval, type QaEvalMetrics, rewordQuestion, runQaEval } from '../../bench/qa-eval.js';

describe('Q&A measurement over the demo corpus', () => {
  let metrics: QaEvalMetrics;

  it('runs and prints its measurements', async () => {
    metrics = await runQaEval({ pubMedQaLimit: 60, env: {}, clinician: false });
    for (const line of formatQaEval(metrics)) console.log(line);
    expect(metrics.pubMedQa.questions).toBe(60);
  }, 240_000);

  it('shows only quotes that occur verbatim in the cited paper', () => {
    for (const mode of [metrics.extractive, metrics.fakeModel]) {
      expect(mode.quotesShown).toBeGreaterThan(30);
      expect(mode.quotesVerified).toBe(mode.quotesShown);
    }
  });

  it('lets no patient identifier reach the model, the logs or the answer', () => {
    expect(metrics.fakeModel.requestsToModel).toBeGreaterThan(20);
    expect(metrics.fakeModel.phiQuestions).toBe(5);
    expect(metrics.fakeModel.phiLeaks).toBe(0);
    expect(metrics.extractive.phiLeaks).toBe(0);
  });

  it('refuses every question the corpus does not answer', () => {
    for (const mode of [metrics.extractive, metrics.fakeModel]) {
      expect(mode.unanswerable).toBe(8);
      expect(mode.refused).toBe(mode.unanswerable);
    }
  });

  it('cites the expected paper for most answerable questions, and the JMML sentence for the relapse question', () => {
    for (const mode of [metrics.extractive, metrics.fakeModel]) {
      expect(mode.correct / mode.answerable).toBeGreaterThanOrEqual(0.85);
      expect(mode.mustQuoteOk).toBe(2);
      expect(mode.patientNotes).toBe(1);
    }
  });

  it('cites the right PubMedQA abstract first for most reworded questions', () => {
    expect(metrics.pubMedQa.citedFirst / metrics.pubMedQa.questions).toBeGreaterThanOrEqual(0.85);
  });

  it('reports model accuracy as skipped when no model is configured', () => {
    expect(metrics.modelAccuracy).toBe('skipped: no model');
  });

  it('answers only the thread messages that ask something', () => {
    // The tune halves were read while writing the rules; the holdout halves only guard against
    // a regression (npm run bench reports both).
    const { tune, holdout } = metrics.threadMessages;
    expect(tune.right / tune.messages).toBeGreaterThanOrEqual(0.95);
    expect(holdout.right / holdout.messages).toBeGreaterThanOrEqual(0.85);
    // Every clinician question asks the app: posted in a digest's thread, nearly all get an answer.
    expect(tune.clinicianMessagesAnswered / tune.clinicianMessages).toBeGreaterThanOrEqual(0.9);
    expect(holdout.clinicianMessagesAnswered / holdout.clinicianMessages).toBeGreaterThanOrEqual(0.9);
  });
});

describe('rewordQuestion', () => {
  it('is deterministic and never the title verbatim', () => {
    const title = 'Does induction chemotherapy have a role in the management of nasopharyngeal carcinoma?';
    expect(rewordQuestion(title)).toBe(rewordQuestion(title));
    expect(rewordQuestion(title)).toBe(
      'evidence on part handling nasopharyngeal carcinoma induction chemotherapy',
    );
  });
});
