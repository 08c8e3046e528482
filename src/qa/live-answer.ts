import type { Logger } from '../log.js';
import type { Answer, LiveSearchNote, Paper } from '../types.js';
import { CountedTermFrequencies, type TermFrequencies } from '../vocabulary/index.js';
import { searchableText } from './corpus-terms.js';
import { type LiveLookup, liveHits } from './live-lookup.js';
import type { PaperSearch } from './retrieve.js';
import type { UnderstoodQuestion } from './understand.js';

export interface LiveAnswerRun {
  lookup: LiveLookup;
  understood: UnderstoodQuestion;
  /** Asked in a digest's thread: the label says the answer is not from the channel's digests. */
  inDigest: boolean;
  log: Logger;
  /**
   * The usual answer over the papers found (judged, quoted and verified as any other), with
   * their words counted beside the corpus's so the names they use are known.
   */
  answerFrom(papers: Paper[], terms: TermFrequencies): Promise<Answer>;
}

/** A labelled answer from a live search, or what to add to the refusal when there is none. */
export type LiveAnswerOutcome = { answered: true; answer: Answer } | { answered: false; note?: string };

/**
 * When the stored papers do not answer: searches PubMed (or Europe PMC) for the question, stores
 * what it finds, and answers from those papers the usual way. The answer's first line says
 * where it came from; a refusal says what was searched, or which service could not be reached.
 */
export async function answerFromLiveSearch(run: LiveAnswerRun): Promise<LiveAnswerOutcome> {
  const outcome = await run.lookup.forQuestion(run.understood);
  switch (outcome.kind) {
    case 'no-query':
      return { answered: false };
    case 'unavailable':
      return {
        answered: false,
        note: `I could not search further just now: ${outcome.message} Try again in a few minutes.`,
      };
    case 'nothing':
      return { answered: false, note: `${searchedLine(outcome.note)} found nothing that answers it either.` };
    case 'found': {
      const answer = await run.answerFrom(outcome.papers, termsOf(outcome.papers));
      run.log.info(
        { live: outcome.note.service, found: outcome.papers.length, answered: answer.answered },
        'live search for a question the stored papers could not answer',
      );
      if (!answer.answered) {
        return { answered: false, note: `${searchedLine(outcome.note)} found papers, but none answers it.` };
      }
      const origin = run.inDigest ? "this channel's digests" : 'the stored papers';
      return {
        answered: true,
        answer: {
          ...answer,
          text: `${labelOf(outcome.note)}, not from ${origin}.\n${answer.text}`,
          liveSearch: outcome.note,
        },
      };
    }
  }
}

/** "From a PubMed search just now (query: …)": who relies on it: users, and the Slack renderer's first line. */
export function labelOf(note: LiveSearchNote): string {
  return `From a ${note.service} search just now (query: ${note.query})`;
}

function searchedLine(note: LiveSearchNote): string {
  return `A ${note.service} search just now (query: ${note.query})`;
}

function termsOf(papers: Paper[]): TermFrequencies {
  const terms = new CountedTermFrequencies();
  for (const paper of papers) terms.add(searchableText(paper));
  return terms;
}

/**
 * The papers a live search found, in its order, standing in for the corpus index; word counts
 * still come from the corpus index.
 */
export function listedIndex(papers: Paper[], index: PaperSearch): PaperSearch {
  return {
    get size() {
      return index.size;
    },
    search: async () => liveHits(papers),
    documentFrequency: (terms) => index.documentFrequency(terms),
  };
}
