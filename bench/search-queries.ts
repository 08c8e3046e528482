import { METHOD_TERMS, pick, TOPIC_TERMS } from './generate/vocabulary.js';

/** The search benchmark's queries over synthetic papers: a topic and a method, as a board member types them. */
export function benchQueries(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${pick(TOPIC_TERMS, i)} ${pick(METHOD_TERMS, i * 3 + 1)}`);
}

/** A thread question about a bench query. */
export function benchQuestion(query: string): string {
  return `What did the ${query} papers report?`;
}
