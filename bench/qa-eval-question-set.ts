import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { z } from 'zod';
import type { LlmClient } from '../src/llm/types.js';
import { silentLogger } from '../src/log.js';
import { PATIENT_NOTE } from '../src/qa/patient-request.js';
import type { PaperIndex } from '../src/search/paper-index.js';
import type { Store } from '../src/store/index.js';
import type { ChatBody, FakeReply } from './fakes/fake-openai.js';
import { askInThread, checkShownQuotes } from './qa-eval-asking.js';

/** The project's question set: correctness, verified quotes, refusals and PHI leaks. */

const questionSetSchema = z.object({
  questions: z.array(
    z.object({
      id: z.string(),
      question: z.string(),
      expected: z.array(z.string()),
      thread: z.array(z.string()).optional(),
      digest: z.array(z.string()).optional(),
      phi: z.array(z.string()).optional(),
      mustQuote: z.string().optional(),
      patientNote: z.boolean().optional(),
    }),
  ),
});
export type SetQuestion = z.infer<typeof questionSetSchema>['questions'][number];

/** The questions, with `file:<name>` references resolved to the ids of the papers ingested from those files. */
export function loadQuestionSet(fixtures: URL, resolve: (ref: string) => string): SetQuestion[] {
  const { questions } = questionSetSchema.parse(
    JSON.parse(readFileSync(new URL('questions.json', fixtures), 'utf8')),
  );
  return questions.map((q) => ({ ...q, expected: q.expected.map(resolve), digest: q.digest?.map(resolve) }));
}

export interface QuestionSetMetrics {
  answerable: number;
  correct: number;
  mustQuoteOk: number;
  quotesShown: number;
  quotesVerified: number;
  unanswerable: number;
  refused: number;
  phiQuestions: number;
  phiLeaks: number;
  patientNotes: number;
  failures: string[];
}

export async function measureQuestionSet(
  store: Store,
  index: PaperIndex,
  questions: SetQuestion[],
  llm: LlmClient | undefined,
  logLines: string[],
  sentToModel: () => string = () => '',
): Promise<QuestionSetMetrics> {
  const m: QuestionSetMetrics = {
    answerable: 0,
    correct: 0,
    mustQuoteOk: 0,
    quotesShown: 0,
    quotesVerified: 0,
    unanswerable: 0,
    refused: 0,
    phiQuestions: 0,
    phiLeaks: 0,
    patientNotes: 0,
    failures: [],
  };
  const logger = llm
    ? pino({ level: 'debug' }, { write: (line: string) => logLines.push(line) })
    : silentLogger;
  for (const q of questions) {
    const answer = await askInThread({ store, index, llm, logger }, q);
    const quotes = await checkShownQuotes(store, answer);
    m.quotesShown += quotes.shown;
    m.quotesVerified += quotes.verbatim;
    m.failures.push(...quotes.unverified.map((id) => `unverified quote shown for ${id}`));
    if (q.expected.length === 0) {
      m.unanswerable += 1;
      if (!answer.answered) m.refused += 1;
      else m.failures.push(`${q.id}: answered an unanswerable question`);
    } else {
      m.answerable += 1;
      if (answer.citations.some((c) => q.expected.includes(c.paperId))) m.correct += 1;
      else
        m.failures.push(
          `${q.id}: expected ${q.expected.join(', ')}, cited ${answer.citations.map((c) => c.paperId).join(', ') || 'nothing'}`,
        );
      if (q.mustQuote && answer.citations.some((c) => c.quote.includes(q.mustQuote as string)))
        m.mustQuoteOk += 1;
    }
    if (q.patientNote && answer.text.startsWith(PATIENT_NOTE)) m.patientNotes += 1;
    if (q.phi) {
      m.phiQuestions += 1;
      const seen = `${sentToModel()}\n${logLines.join('\n')}\n${answer.question}`;
      for (const identifier of q.phi) {
        if (seen.includes(identifier)) {
          m.phiLeaks += 1;
          m.failures.push(`${q.id}: "${identifier}" reached the model, the logs or the answer`);
        }
      }
    }
  }
  return m;
}

/**
 * A scripted stand-in for a model: it answers with the first passage verbatim (a correct
 * citation) plus one fabricated sentence and quote, which verification must drop.
 */
export function scriptedModel(body: ChatBody): FakeReply {
  const user = body.messages?.find((m) => m.role === 'user')?.content ?? '';
  const first = /<passages>\n(P\d+) \| [^|]* \| [^|]* \| (.+)/.exec(user);
  if (!first) return { kind: 'json', content: { answered: false, verdict: 'none', sentences: [] } };
  const [, id, text] = first as unknown as [string, string, string];
  return {
    kind: 'json',
    content: {
      answered: true,
      verdict: 'none',
      sentences: [
        { text, citations: [{ passage: id, quote: text }] },
        {
          text: 'Relapse fell to 12% at 2 years.',
          citations: [{ passage: id, quote: 'relapse fell to 12% at 2 years in all patients' }],
        },
      ],
    },
  };
}
