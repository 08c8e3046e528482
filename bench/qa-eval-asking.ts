/** The steps every Q&A evaluation takes: a digest to ask in, a thread asked in order, quotes checked again. */
import { type AnswerDeps, answerQuestion } from '../src/qa/answer.js';
import type { Store } from '../src/store/index.js';
import { findVerbatim, paperText } from '../src/text/index.js';
import type { Answer } from '../src/types.js';

const GENERATED_AT = '2026-11-23T08:00:00.000Z';

/** A digest holding the given papers, so a question can be asked in its thread. */
export async function saveEvalDigest(store: Store, id: string, paperIds: string[]): Promise<string> {
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

/** An evaluation question as asked in Slack: in a digest's thread, after the thread's earlier questions. */
export interface AskedInThread {
  id: string;
  question: string;
  thread?: string[];
  digest?: string[];
}

/** Asks the thread's earlier questions first (their answers become its history), then the question. */
export async function askInThread(deps: AnswerDeps, q: AskedInThread): Promise<Answer> {
  const digestId = q.digest ? await saveEvalDigest(deps.store, q.id, q.digest) : undefined;
  const history: { role: 'user' | 'assistant'; text: string; paperIds?: string[] }[] = [];
  for (const earlier of q.thread ?? []) {
    const prior = await answerQuestion(deps, { question: earlier, digestId, history: [...history] });
    history.push(
      { role: 'user', text: prior.question },
      { role: 'assistant', text: prior.text, paperIds: prior.citations.map((c) => c.paperId) },
    );
  }
  return answerQuestion(deps, { question: q.question, digestId, history });
}

/** Every quote the user would see, checked again, independently, against the stored paper. */
export async function checkShownQuotes(
  store: Store,
  answer: Answer,
): Promise<{ shown: number; verbatim: number; unverified: string[] }> {
  const shown = [...answer.citations, ...(answer.closest ? [answer.closest] : [])];
  const unverified: string[] = [];
  for (const citation of shown) {
    const paper = await store.papers.get(citation.paperId);
    if (!paper || !findVerbatim(citation.quote, paperText(paper))) unverified.push(citation.paperId);
  }
  return { shown: shown.length, verbatim: shown.length - unverified.length, unverified };
}
