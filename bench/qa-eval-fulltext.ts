import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { type AnswerDeps, answerQuestion } from '../src/qa/answer.js';
import { findVerbatim, normalizeForMatch, paperText } from '../src/text/index.js';
import type { Answer } from '../src/types.js';
import { percentile, round } from './stats.js';

/**
 * The full-text dev set (test/fixtures/qa/fulltext-questions.json): questions only the full
 * text of a bundled open-access article answers, in a tune and a holdout half. An answer is
 * right when it cites the expected paper with a quote holding the asked figure or finding,
 * from the expected section.
 */

const schema = z.object({
  questions: z.array(
    z.object({
      id: z.string(),
      question: z.string(),
      expected: z.string(),
      mustQuote: z.string(),
      section: z.string(),
      split: z.enum(['tune', 'holdout']),
    }),
  ),
});
export type FullTextQuestion = z.infer<typeof schema>['questions'][number];

export function loadFullTextSet(fixtures: URL): FullTextQuestion[] {
  return schema.parse(JSON.parse(readFileSync(new URL('fulltext-questions.json', fixtures), 'utf8')))
    .questions;
}

export interface FullTextFigures {
  asked: number;
  answered: number;
  /** The expected paper is cited. */
  rightPaper: number;
  /** A quote of the expected paper holds the asked figure or finding. */
  right: number;
  /** …and cites the section the answer stands in. */
  rightSection: number;
  quotes: number;
  quotesVerbatim: number;
  p95Ms: number;
  failures: string[];
}

export async function measureFullTextSet(
  deps: AnswerDeps,
  questions: FullTextQuestion[],
): Promise<Record<'tune' | 'holdout', FullTextFigures>> {
  const result = {} as Record<'tune' | 'holdout', FullTextFigures>;
  for (const split of ['tune', 'holdout'] as const) {
    const figures: FullTextFigures = {
      asked: 0,
      answered: 0,
      rightPaper: 0,
      right: 0,
      rightSection: 0,
      quotes: 0,
      quotesVerbatim: 0,
      p95Ms: 0,
      failures: [],
    };
    const times: number[] = [];
    for (const question of questions.filter((q) => q.split === split)) {
      const started = performance.now();
      const answer = await answerQuestion(deps, { question: question.question });
      times.push(performance.now() - started);
      figures.asked += 1;
      await tally(deps, figures, question, answer);
    }
    figures.p95Ms = round(percentile(times, 95), 0);
    result[split] = figures;
  }
  return result;
}

async function tally(
  deps: AnswerDeps,
  figures: FullTextFigures,
  question: FullTextQuestion,
  answer: Answer,
): Promise<void> {
  if (answer.answered) figures.answered += 1;
  const cited = answer.citations.filter((citation) => citation.paperId === question.expected);
  if (cited.length > 0) figures.rightPaper += 1;
  const wanted = normalizeForMatch(question.mustQuote);
  const holding = cited.filter((citation) => normalizeForMatch(citation.quote).includes(wanted));
  if (holding.length > 0) figures.right += 1;
  if (holding.some((citation) => citation.section === question.section)) figures.rightSection += 1;
  else figures.failures.push(`${question.id}: ${answer.citations.map((c) => c.section ?? '-').join(', ')}`);
  for (const citation of answer.citations) {
    figures.quotes += 1;
    const paper = await deps.store.papers.get(citation.paperId);
    if (paper && findVerbatim(citation.quote, paperText(paper))) figures.quotesVerbatim += 1;
  }
}
