import type { Config } from '../config/index.js';
import { InvalidInputError } from '../errors.js';
import type { ChannelProfile, Topic } from '../types.js';

const TOPIC_EXAMPLE =
  'juvenile myelomonocytic leukemia, mesh:"Leukemia, Myelomonocytic, Juvenile", author:"Loh ML", journal:Blood or -journal:"Cancer Cell"';
const MAX_TOPIC_LENGTH = 200;
const FIELD_PATTERN = /^(-?)([a-z]+):(.*)$/is;
const FIELDS = new Set(['mesh', 'author', 'journal']);

/** A channel the app just met: no topics or schedule yet, the configured top N. */
export function defaultProfile(channelId: string, name: string, config: Config, now: Date): ChannelProfile {
  return {
    channelId,
    name,
    topics: [],
    includePreprints: false,
    feeds: [],
    topN: config.digest.topN,
    schedule: null,
    whenEmpty: 'line',
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

export const DEMO_CHANNEL_ID = 'CDEMOHEME1';

/**
 * The sample `#heme-malignancies` channel `npm run demo` previews: a pediatric and adult
 * hematologic malignancy board following leukemia, transplant and lymphoma literature.
 */
export function demoProfile(now: Date): ChannelProfile {
  return {
    channelId: DEMO_CHANNEL_ID,
    name: 'heme-malignancies',
    topics: [
      'juvenile myelomonocytic leukemia',
      'mesh:"Leukemia, Myelomonocytic, Juvenile"',
      'acute myeloid leukemia',
      'acute lymphoblastic leukemia',
      'chronic myeloid leukemia',
      'hematopoietic stem cell transplantation',
      'graft-versus-host disease',
      'lymphoma',
      'multiple myeloma',
    ].map(parseTopic),
    includePreprints: true,
    feeds: [],
    topN: 5,
    schedule: { cron: '30 7 * * 1', timezone: 'America/Chicago' },
    whenEmpty: 'line',
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

/**
 * Reads one topic as a user types it after `/lit topics add`: free text, or
 * `mesh:`, `author:`, `journal:`, `-journal:` with a bare word or a quoted value.
 */
export function parseTopic(input: string): Topic {
  const text = input.trim().replace(/[“”]/g, '"');
  if (text.length === 0) throw new InvalidInputError('A topic cannot be empty.', TOPIC_EXAMPLE);
  if (text.length > MAX_TOPIC_LENGTH) {
    throw new InvalidInputError(`A topic can be at most ${MAX_TOPIC_LENGTH} characters.`, TOPIC_EXAMPLE);
  }
  const field = FIELD_PATTERN.exec(text);
  const [, minus = '', rawKey = '', rawValue = ''] = field ?? [];
  const key = rawKey.toLowerCase();
  // "Lymphoma: new agents" is free text; "title:CAR-T" is a field we do not know.
  const isField = field !== null && (FIELDS.has(key) || minus === '-' || /^\S/.test(rawValue));
  if (!isField) return { kind: 'text', query: freeText(text) };
  const value = fieldValue(key, rawValue);
  if (minus && key !== 'journal') {
    throw new InvalidInputError(
      `Only journals can be excluded; "-${key}:" is not a topic.`,
      '-journal:"Cancer Cell"',
    );
  }
  switch (key) {
    case 'mesh':
      return { kind: 'mesh', term: value };
    case 'author':
      return { kind: 'author', name: value };
    case 'journal':
      return { kind: 'journal', name: value, exclude: minus === '-' };
    default:
      throw new InvalidInputError(
        `"${rawKey}:" is not a topic field; use free text, mesh:, author: or journal:.`,
        TOPIC_EXAMPLE,
      );
  }
}

/** The text `parseTopic` reads back into the same topic. */
export function formatTopic(topic: Topic): string {
  switch (topic.kind) {
    case 'text':
      return topic.query;
    case 'mesh':
      return `mesh:${quoteIfNeeded(topic.term)}`;
    case 'author':
      return `author:${quoteIfNeeded(topic.name)}`;
    case 'journal':
      return `${topic.exclude ? '-' : ''}journal:${quoteIfNeeded(topic.name)}`;
  }
}

/** True when two topics say the same thing (case and spacing aside); `/lit topics remove` relies on it. */
export function sameTopic(a: Topic, b: Topic): boolean {
  return formatTopic(a).toLowerCase() === formatTopic(b).toLowerCase();
}

function freeText(text: string): string {
  if (text.startsWith('-')) {
    throw new InvalidInputError('Only journals can be excluded, with -journal:.', '-journal:"Cancer Cell"');
  }
  if (!/[\p{L}\p{N}]/u.test(text)) {
    throw new InvalidInputError('A topic needs at least one word.', TOPIC_EXAMPLE);
  }
  if (text.includes('"')) {
    throw new InvalidInputError('Quotes are only for field values, like mesh:"…".', TOPIC_EXAMPLE);
  }
  return text.replace(/\s+/g, ' ');
}

function fieldValue(key: string, raw: string): string {
  const value = raw.trim();
  const quoted = /^"([^"]*)"$/.exec(value);
  if (value.includes('"') && !quoted) {
    throw new InvalidInputError(`The ${key}: value has an unmatched quote.`, `${key}:"${exampleValue(key)}"`);
  }
  const unquoted = (quoted ? (quoted[1] ?? '') : value).trim().replace(/\s+/g, ' ');
  if (!unquoted) throw new InvalidInputError(`${key}: needs a value.`, `${key}:"${exampleValue(key)}"`);
  return unquoted;
}

function exampleValue(key: string): string {
  if (key === 'author') return 'Loh ML';
  if (key === 'journal') return 'Blood';
  return 'Leukemia, Myelomonocytic, Juvenile';
}

function quoteIfNeeded(value: string): string {
  return /^[\p{L}\p{N}.-]+$/u.test(value) ? value : `"${value}"`;
}
