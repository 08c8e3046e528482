import type { ChatBody, FakeReply } from './fake-openai.js';

/**
 * Stand-ins for a model answering `prompts/answer.md` (and rewriting queries with
 * `prompts/rewrite-query.md`), on a loopback fake OpenAI server. They read the request the app
 * really sends: the question between <question> tags and the passages as "P1 | section |
 * title | text" lines.
 */

interface AnswerRequest {
  question: string;
  passages: { id: string; text: string }[];
}

/** What the answer prompt carried, or undefined for another prompt. */
export function readAnswerRequest(body: ChatBody): AnswerRequest | undefined {
  if (body.response_format?.json_schema?.name !== 'answer') return undefined;
  const user = body.messages?.find((m) => m.role === 'user')?.content ?? '';
  const question = /<question>\n([\s\S]*?)\n<\/question>/.exec(user)?.[1] ?? '';
  const block = /<passages>\n([\s\S]*?)\n<\/passages>/.exec(user)?.[1] ?? '';
  const passages = block
    .split('\n')
    .map((line) => line.split(' | '))
    .filter((fields) => fields.length >= 4)
    .map((fields) => ({ id: fields[0] as string, text: fields.slice(3).join(' | ') }));
  return { question, passages };
}

function rewriteReply(body: ChatBody): FakeReply | undefined {
  if (body.response_format?.json_schema?.name !== 'rewrite_query') return undefined;
  const user = body.messages?.find((m) => m.role === 'user')?.content ?? '';
  const question = /<question>\n([\s\S]*?)\n<\/question>/.exec(user)?.[1] ?? '';
  return { kind: 'json', content: { query: question } };
}

const NOT_ANSWERED: FakeReply = {
  kind: 'json',
  content: { answered: false, verdict: 'none', sentences: [] },
};

/**
 * A faithful model: it knows what answers each question (`answers(question)`: the words a right
 * answer must quote, [] when nothing does) and answers only from a passage that says it, quoting
 * the passage exactly; when no passage says it, it says the passages do not answer. A question
 * it has no key for gets the first passage. It measures
 * what the app hands the model, not a model's skill.
 */
export function faithfulModel(answers: (question: string) => string[] | undefined) {
  return (body: ChatBody): FakeReply => {
    const rewrite = rewriteReply(body);
    if (rewrite) return rewrite;
    const request = readAnswerRequest(body);
    if (!request) return { kind: 'status', status: 400, message: 'faithful model: unknown prompt' };
    const known = answers(request.question);
    // A question it has no key for (an earlier turn of a thread) gets the best passage, as a model would.
    const wanted = known ?? request.passages.slice(0, 1).map((p) => p.text);
    const sentences = wanted.flatMap((fragment) => {
      const passage = request.passages.find((p) => p.text.includes(fragment));
      return passage
        ? [{ text: passage.text, citations: [{ passage: passage.id, quote: passage.text }] }]
        : [];
    });
    if (sentences.length === 0) return NOT_ANSWERED;
    return { kind: 'json', content: { answered: true, verdict: 'none', sentences } };
  };
}

/**
 * A model that lies: it always claims an answer, cites the first passage with a quote that is
 * not in it and a number the passage never states. Verification must drop every sentence.
 */
export function lyingModel(body: ChatBody): FakeReply {
  const rewrite = rewriteReply(body);
  if (rewrite) return { kind: 'json', content: { query: 'pembrolizumab 87% response' } };
  const request = readAnswerRequest(body);
  const first = request?.passages[0];
  if (!first) return NOT_ANSWERED;
  return {
    kind: 'json',
    content: {
      answered: true,
      verdict: 'yes',
      sentences: [
        {
          text: 'The response rate was 87% with pembrolizumab.',
          citations: [
            { passage: first.id, quote: 'the response rate was 87% with pembrolizumab in all patients' },
          ],
        },
        {
          text: 'Survival doubled to 48 months.',
          citations: [{ passage: first.id, quote: first.text }],
        },
      ],
    },
  };
}
