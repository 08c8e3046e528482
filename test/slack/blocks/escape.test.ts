import { describe, expect, it } from 'vitest';
import {
  escapeInChunks,
  escapeMrkdwn,
  escapeWithin,
  link,
  truncate,
} from '../../../src/slack/blocks/escape.js';

describe('escapeMrkdwn', () => {
  it('turns channel pings, user mentions and disguised links into inert text', () => {
    const title = 'Outcomes <!channel> <@U123> see <https://evil.example|click> & more';
    const escaped = escapeMrkdwn(title);
    expect(escaped).toBe(
      'Outcomes &lt;!channel&gt; &lt;@U123&gt; see &lt;https://evil.example|click&gt; &amp; more',
    );
    expect(escaped).not.toMatch(/[<>]/);
  });

  it('defuses bare @channel, @here and @everyone', () => {
    expect(escapeMrkdwn('ping @channel and @here')).not.toMatch(/@(channel|here)\b/);
    expect(escapeMrkdwn('@Everyone')).not.toMatch(/@everyone\b/i);
  });

  it('keeps scientific text intact', () => {
    expect(escapeMrkdwn('HR 0.62 (95% CI 0.48–0.80), p ≥ 0.05, ±2 SD')).toBe(
      'HR 0.62 (95% CI 0.48–0.80), p ≥ 0.05, ±2 SD',
    );
  });
});

describe('truncate', () => {
  it('cuts on a word boundary and ends with an ellipsis', () => {
    const text = 'The relapse rate for children with JMML approaches 50% within 5 years';
    const short = truncate(text, 30);
    expect(short.length).toBeLessThanOrEqual(30);
    expect(short).toBe('The relapse rate for children…');
  });

  it('leaves short text alone', () => {
    expect(truncate('JMML', 10)).toBe('JMML');
  });
});

describe('escapeWithin', () => {
  it('fits the escaped text, not the raw text, within the limit', () => {
    const text = '<&> '.repeat(100);
    const escaped = escapeWithin(text, 50);
    expect(escaped.length).toBeLessThanOrEqual(50);
    expect(escaped).not.toMatch(/&(?!amp;|lt;|gt;)/);
  });
});

describe('escapeInChunks', () => {
  it('splits a long text between sentences into escaped pieces under the limit, losing nothing', () => {
    const sentence = 'Relapse after HSCT for JMML approaches 50% within 5 years & remains <common>. ';
    const text = sentence.repeat(130);
    const chunks = escapeInChunks(text, 3000);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(3000);
    expect(chunks.join(' ')).toBe(escapeMrkdwn(text.trim()));
  });
});

describe('link', () => {
  it('builds a link from an http(s) URL and escapes the label', () => {
    expect(link('https://pubmed.ncbi.nlm.nih.gov/123/', 'a <b> & c')).toBe(
      '<https://pubmed.ncbi.nlm.nih.gov/123/|a &lt;b&gt; &amp; c>',
    );
  });

  it('refuses anything but http(s)', () => {
    expect(() => link('javascript:alert(1)', 'x')).toThrow();
    expect(() => link('slack://channel', 'x')).toThrow();
  });

  it('encodes characters that would break out of the link syntax', () => {
    const built = link('https://www.example.org/path<with>|pipe', 'Source');
    expect(built.slice(1, -1)).not.toMatch(/[<>]/);
  });
});
