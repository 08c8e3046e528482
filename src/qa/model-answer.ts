import type { CallUsage, LlmClient } from '../llm/types.js';
import type { Paper } from '../types.js';
import { type AnswerDraft, answerDraftSchema } from './answer-schema.js';
import type { RankedPassage } from './passage-rank.js';
import { PATIENT_NOTE } from './patient-request.js';

const MAX_OUTPUT_TOKENS = 700;
const MAX_THREAD_CHARS = 1_200;

export interface ThreadTurn {
  role: 'user' | 'assistant';
  /** Already redacted. */
  text: string;
}

export interface ModelDraft {
  draft: AnswerDraft;
  usage: CallUsage;
  /** Passage id given to the model ("P1") → the paper it came from. */
  papersByPassage: Map<string, Paper>;
}

/**
 * Asks the model for an answer built from the passages only. What goes out is the redacted
 * question, the redacted thread and the passages' own text; nothing else.
 */
export async function draftWithModel(
  llm: LlmClient,
  input: { question: string; thread: ThreadTurn[]; passages: RankedPassage[]; patientRequest: boolean },
): Promise<ModelDraft> {
  const papersByPassage = new Map<string, Paper>();
  const lines = input.passages.map((ranked, i) => {
    const id = `P${i + 1}`;
    papersByPassage.set(id, ranked.paper);
    return [id, ranked.passage.section ?? 'abstract', ranked.paper.title, ranked.passage.text]
      .map(asDataLine)
      .join(' | ');
  });
  const { value, usage } = await llm.callStructured({
    prompt: 'answer',
    vars: {
      question: asDataLine(input.question),
      thread: formatThread(input.thread),
      passages: lines.join('\n'),
      patient_note: input.patientRequest
        ? `Note: the question asks about an individual patient. ${PATIENT_NOTE}`
        : '',
    },
    schema: answerDraftSchema,
    maxOutputTokens: MAX_OUTPUT_TOKENS,
  });
  return { draft: value, usage, papersByPassage };
}

export function formatThread(turns: ThreadTurn[]): string {
  const text = turns.map((turn) => `${turn.role}: ${asDataLine(turn.text)}`).join('\n');
  return text.length > MAX_THREAD_CHARS ? text.slice(-MAX_THREAD_CHARS) : text;
}

/** One line, and no closing tag that could end a data block early. */
export function asDataLine(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/<\/?(?:passages|question|thread)>/gi, '')
    .trim();
}
