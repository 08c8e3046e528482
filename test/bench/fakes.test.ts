import { WebClient } from '@slack/web-api';
import { XMLParser } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeEutils } from '../../bench/fakes/fake-eutils.js';
import { type FakeSlack, startFakeSlack } from '../../bench/fakes/fake-slack.js';

const TOKEN = 'xoxb-fake-token-for-tests';

describe('fake Slack Web API', () => {
  let slack: FakeSlack;
  afterEach(async () => slack?.close());

  it('keeps posted messages with their metadata and returns them from conversations.history', async () => {
    slack = await startFakeSlack();
    const client = new WebClient(TOKEN, { slackApiUrl: slack.url });
    const posted = await client.chat.postMessage({
      channel: 'C1',
      text: 'digest',
      metadata: { event_type: 'tbd_digest', event_payload: { digest_id: 'C1:2026-W48' } },
    });
    const history = await client.conversations.history({ channel: 'C1', include_all_metadata: true });
    expect(history.messages?.[0]?.ts).toBe(posted.ts);
    expect(history.messages?.[0]?.metadata?.event_payload).toEqual({ digest_id: 'C1:2026-W48' });
    expect(slack.calls[0]?.token).toBe(TOKEN);
  });

  it('answers an injected 429 with Retry-After, which the client waits out and retries', async () => {
    slack = await startFakeSlack();
    slack.inject('chat.postMessage', { kind: 'rate-limited', retryAfterSeconds: 1 });
    const client = new WebClient(TOKEN, { slackApiUrl: slack.url });
    await client.chat.postMessage({ channel: 'C1', text: 'hello' });
    const attempts = slack.callsTo('chat.postMessage');
    expect(attempts.map((call) => call.fault)).toEqual(['rate-limited', undefined]);
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(slack.messages('C1')).toHaveLength(1);
  });

  it('fails only the injected channel with a Slack error', async () => {
    slack = await startFakeSlack();
    slack.inject('chat.postMessage', { kind: 'error', error: 'not_in_channel' }, { channel: 'C2' });
    const client = new WebClient(TOKEN, { slackApiUrl: slack.url, retryConfig: { retries: 0 } });
    await expect(client.chat.postMessage({ channel: 'C2', text: 'x' })).rejects.toThrow(/not_in_channel/);
    await client.chat.postMessage({ channel: 'C1', text: 'x' });
    expect(slack.messages().map((m) => m.channel)).toEqual(['C1']);
  });
});

describe('fake E-utilities', () => {
  it('pages esearch results and serves synthetic PubmedArticle XML for them', async () => {
    const eutils = await startFakeEutils({ total: 30 });
    try {
      const search = await fetch(
        `${eutils.url}/esearch.fcgi?db=pubmed&term=x&retmode=json&retmax=10&retstart=20&usehistory=y`,
      );
      const result = (await search.json()) as {
        esearchresult: { count: string; idlist: string[]; webenv: string };
      };
      expect(result.esearchresult.count).toBe('30');
      expect(result.esearchresult.idlist).toHaveLength(10);
      const fetched = await fetch(
        `${eutils.url}/efetch.fcgi?db=pubmed&retmode=xml&id=${result.esearchresult.idlist.join(',')}`,
      );
      const xml = new XMLParser().parse(await fetched.text());
      const articles = xml.PubmedArticleSet.PubmedArticle as {
        MedlineCitation: { Article: { ArticleTitle: string } };
      }[];
      expect(articles).toHaveLength(10);
      expect(articles.every((a) => a.MedlineCitation.Article.ArticleTitle.startsWith('[SYNTHETIC]'))).toBe(
        true,
      );
    } finally {
      await eutils.close();
    }
  });

  it('answers 429 and counts a violation past three requests in one second without an api_key', async () => {
    const eutils = await startFakeEutils({ total: 5 });
    try {
      const statuses = await Promise.all(
        [0, 1, 2, 3].map(async () => (await fetch(`${eutils.url}/esearch.fcgi?db=pubmed&term=x`)).status),
      );
      expect(statuses.filter((status) => status === 429)).toHaveLength(1);
      expect(eutils.violations()).toBe(1);
    } finally {
      await eutils.close();
    }
  });
});
