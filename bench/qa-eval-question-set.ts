import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { z } from 'zod';
import type { LlmClient } from '../src/llm/types.js';
import { silentLogger } from '../src/log.js';
import { redactPhi } from '../src/privacy/index.js';
import { answerQuestion } from '../src/qa/answer.js';
import { corpusTermStats } from '../src/qa/corpus-stats.js';
import { PATIENT_NOTE } from '../src/qa/patient-request.js';
import { retrievePassages } from '../src/qa/retrieve.js';
import type { PaperIndex } from '../src/search/paper-index.js';
import type { Store } from '../src/store/index.js';
import { findVerbatim, paperText } from '../src/text/index.js';
import type { Answer } from '../src/types.js';
import type { ChatBody, FakeReply } from './fakes/fake-openai.js';

/** The project's question set: correctness, verified quotes, refusals and PHI leaks. */

const GENERATED_AT = '2026-11-23T08:00:00.000Z';

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
    const digestId = q.digest ? await saveDigest(store, q.id, q.digest) : undefined;
    const history: { role: 'user' | 'assistant'; text: string; paperIds?: string[] }[] = [];
    for (const earlier of q.thread ?? []) {
      const prior = await answerQuestion(
        { store, index, llm, logger },
        { question: earlier, digestId, history: [...history] },
      );
      history.push(
        { role: 'user', text: prior.question },
        { role: 'assistant', text: prior.text, paperIds: prior.citations.map((c) => c.paperId) },
      );
    }
    const answer = await answerQuestion(
      { store, index, llm, logger },
      { question: q.question, digestId, history },
    );
    await countQuotes(store, answer, m);
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

/** Every quote the user would see is checked again, independently, against the stored paper. */
async function countQuotes(store: Store, answer: Answer, m: QuestionSetMetrics): Promise<void> {
  for (const citation of [...answer.citations, ...(answer.closest ? [answer.closest] : [])]) {
    m.quotesShown += 1;
    const paper = await store.papers.get(citation.paperId);
    if (paper && findVerbatim(citation.quote, paperText(paper))) m.quotesVerified += 1;
    else m.failures.push(`unverified quote shown for ${citation.paperId}`);
  }
}

async function saveDigest(store: Store, id: string, paperIds: string[]): Promise<string> {
  const digestId = `CEVAL:${id}`;
  const papers = await store.papers.getMany(paperIds);
  const items = papers.map((paper) => ({
    paperId: paper.id,
    title: paper.title,
    summary: {
      headline: paper.title,
      takeaway: '',
      studyType: 'other' as const,
      evidence: 'low' as const,
      keyNumbers: [],
      limitations: [],
      quotes: [],
      source: 'extractive' as const,
    },
    labels: [],
    score: 1,
  }));
  await store.digests.save({
    digest: {
      id: digestId,
      channelId: 'CEVAL',
      period: id,
      generatedAt: GENERATED_AT,
      intro: '',
      items,
      candidateCount: items.length,
    },
  });
  return digestId;
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

/** The spread the relevance threshold is set in: best passage relevance per question. */
export async function relevanceSpread(
  store: Store,
  index: PaperIndex,
  questions: SetQuestion[],
): Promise<{ lowestAnswerable: number; highestUnanswerable: number }> {
  const stats = await corpusTermStats(store, index);
  let lowestAnswerable = 1;
  let highestUnanswerable = 0;
  for (const q of questions.filter((question) => !question.thread && !question.digest)) {
    const question = redactPhi(q.question).text;
    const ranked = await retrievePassages(
      { store, index, stats, logger: silentLogger },
      { question, scope: { focusPaperIds: [], threadPaperIds: [] } },
    );
    const best = Math.max(0, ...ranked.map((r) => r.relevance));
    if (q.expected.length > 0) lowestAnswerable = Math.min(lowestAnswerable, best);
    else highestUnanswerable = Math.max(highestUnanswerable, best);
  }
  return { lowestAnswerable, highestUnanswerable };
}
