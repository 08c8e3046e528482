import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { defaultProfile, demoProfile, formatTopic, parseTopic } from '../../src/digest/profile.js';
import { InvalidInputError } from '../../src/errors.js';

describe('parseTopic', () => {
  it('reads free text', () => {
    expect(parseTopic('  juvenile   myelomonocytic leukemia ')).toEqual({
      kind: 'text',
      query: 'juvenile myelomonocytic leukemia',
    });
  });

  it('reads a quoted MeSH heading', () => {
    expect(parseTopic('mesh:"Leukemia, Myelomonocytic, Juvenile"')).toEqual({
      kind: 'mesh',
      term: 'Leukemia, Myelomonocytic, Juvenile',
    });
  });

  it('reads authors and journals to include or exclude', () => {
    expect(parseTopic('author:"Loh ML"')).toEqual({ kind: 'author', name: 'Loh ML' });
    expect(parseTopic('journal:Blood')).toEqual({ kind: 'journal', name: 'Blood', exclude: false });
    expect(parseTopic('-journal:"Cancer Cell"')).toEqual({
      kind: 'journal',
      name: 'Cancer Cell',
      exclude: true,
    });
    expect(parseTopic('Journal:“Blood”')).toEqual({ kind: 'journal', name: 'Blood', exclude: false });
  });

  it('keeps a colon in free text when a space follows it', () => {
    expect(parseTopic('Lymphoma: new agents')).toEqual({ kind: 'text', query: 'Lymphoma: new agents' });
  });

  it.each([
    ['', 'cannot be empty'],
    ['mesh:', 'needs a value'],
    ['mesh:"Leukemia', 'unmatched quote'],
    ['-mesh:"Leukemia"', 'Only journals can be excluded'],
    ['-lymphoma', 'Only journals can be excluded'],
    ['title:CAR-T', 'not a topic field'],
    ['!!!', 'at least one word'],
    ['x'.repeat(201), 'at most 200'],
  ])('rejects %j with a message and an example', (input, message) => {
    let error: unknown;
    try {
      parseTopic(input);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).userMessage).toContain(message);
    expect((error as InvalidInputError).example).toBeTruthy();
  });
});

describe('formatTopic', () => {
  it.each([
    'juvenile myelomonocytic leukemia',
    'mesh:"Leukemia, Myelomonocytic, Juvenile"',
    'author:"Loh ML"',
    'journal:Blood',
    '-journal:"Cancer Cell"',
  ])('reads back what %s says', (input) => {
    const topic = parseTopic(input);
    expect(formatTopic(topic)).toBe(input);
    expect(parseTopic(formatTopic(topic))).toEqual(topic);
  });
});

describe('profiles', () => {
  it('starts a new channel with no topics, no schedule and the configured top N', () => {
    const now = new Date('2026-11-23T08:00:00Z');
    const profile = defaultProfile('C123', 'neuro-onc-board', loadConfig({ DIGEST_TOP_N: '7' }), now);
    expect(profile).toMatchObject({
      channelId: 'C123',
      topics: [],
      schedule: null,
      topN: 7,
      whenEmpty: 'line',
    });
    expect(profile.createdAt).toBe(now.toISOString());
  });

  it('gives the demo channel heme-malignancy topics including JMML', () => {
    const profile = demoProfile(new Date('2026-11-23T08:00:00Z'));
    expect(profile.name).toBe('heme-malignancies');
    expect(profile.topics).toContainEqual({ kind: 'text', query: 'juvenile myelomonocytic leukemia' });
  });
});
