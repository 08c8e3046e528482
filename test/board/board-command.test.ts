import { describe, expect, it } from 'vitest';
import { AgendaStore } from '../../src/board/agenda.js';
import { loadConfig } from '../../src/config/index.js';
import { createExtractiveSummarizer } from '../../src/digest/extractive.js';
import { InvalidInputError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import { PaperIndex } from '../../src/search/paper-index.js';
import type { SlackDeps } from '../../src/slack/deps.js';
import { boardSubcommand } from '../../src/slack/listeners/commands/lit/board.js';
import type { LitRequest } from '../../src/slack/listeners/commands/lit/subcommand.js';
import { openStore, type Store } from '../../src/store/index.js';
import { loadFixtureCorpus } from './fixture-corpus.js';

const NOW = new Date('2026-12-01T15:00:00Z');
const CHANNEL = 'CBOARD01';

/** The JMML case report and the first PubMedQA abstracts, as `/lit search` would see them. */
const PAPERS = loadFixtureCorpus().slice(0, 80);
const INDEX = new PaperIndex({
  getMany: async (ids) => PAPERS.filter((paper) => ids.includes(paper.id)),
  findId: async () => undefined,
});
for (const paper of PAPERS) INDEX.add(paper);

const MEMBERS = ['U1', 'U2'];

function request(
  store: Store,
  args: string,
  options: { userId?: string; env?: Record<string, string>; logger?: LitRequest['logger'] } = {},
): LitRequest {
  const summarizer = createExtractiveSummarizer();
  const deps = {
    store,
    config: loadConfig(options.env ?? {}),
    clock: { now: () => NOW },
    logger: silentLogger,
    searchPapers: (query: string, limit: number) => INDEX.search(query, { limit }),
    termCounts: INDEX,
    summarizePaper: summarizer.summarize.bind(summarizer),
  } as unknown as SlackDeps;
  return {
    deps,
    client: {
      conversations: { members: async () => ({ ok: true, members: MEMBERS, response_metadata: {} }) },
    } as unknown as LitRequest['client'],
    logger: options.logger ?? silentLogger,
    userId: options.userId ?? 'U1',
    channelId: CHANNEL,
    channelName: 'heme-board',
    args,
    share: false,
  };
}

const run = (store: Store, args: string) => boardSubcommand.run(request(store, args));

describe('/lit board', () => {
  it('lets only those who may change the channel’s settings change its agenda, and logs who did', async () => {
    const store = await openStore({ memory: true });
    const lines: unknown[] = [];
    const logger = {
      ...silentLogger,
      info: (entry: unknown) => void lines.push(entry),
    } as LitRequest['logger'];
    await expect(
      boardSubcommand.run(request(store, 'add AML with FLT3-ITD', { userId: 'U_OUTSIDER' })),
    ).rejects.toThrow(/Only members of this channel/);
    await expect(
      boardSubcommand.run(request(store, 'time thu 16:00', { env: { ADMIN_USER_IDS: 'U2' } })),
    ).rejects.toThrow(/ADMIN_USER_IDS/);
    expect(await new AgendaStore(store).channelIds()).toEqual([]);

    await boardSubcommand.run(request(store, 'add AML with FLT3-ITD', { logger }));
    expect(lines).toEqual([{ user: 'U1', channel: CHANNEL, change: 'board add' }]);
    expect(JSON.stringify(lines)).not.toContain('FLT3');
    // Reading the agenda needs no permission.
    expect((await boardSubcommand.run(request(store, 'list', { userId: 'U_OUTSIDER' }))).text).toContain(
      'FLT3-ITD',
    );
  });

  it('adds a de-identified case and lists it with the brief time', async () => {
    const store = await openStore({ memory: true });
    expect((await run(store, 'add 18-month-old, JMML with monosomy 7, relapse after HSCT')).text).toBe(
      'Added as case 1.',
    );
    await run(store, 'time thu 16:00 America/Chicago');
    const listed = await run(store, 'list');
    expect(listed.response_type).toBe('ephemeral');
    expect(listed.text).toContain('1. 18-month-old, JMML with monosomy 7, relapse after HSCT');
    expect(listed.text).toContain('the prep brief posts here Wed, Dec 2, 04:00 PM (America/Chicago)');
  });

  it('refuses an identifying line with the reason and stores nothing', async () => {
    const store = await openStore({ memory: true });
    const answer = await run(store, 'add MRN 00482913, AML with FLT3-ITD');
    expect(answer.text).toBe(
      ':no_entry: Not stored: it looks identifying (MRN); describe the case without identifiers.',
    );
    expect((await new AgendaStore(store).get(CHANNEL)).cases).toEqual([]);
  });

  it('removes and clears cases, and explains a bad number', async () => {
    const store = await openStore({ memory: true });
    await run(store, 'add AML with FLT3-ITD');
    await run(store, 'add NSCLC with KRAS G12C');
    expect((await run(store, 'remove 1')).text).toContain('1. NSCLC with KRAS G12C');
    await expect(run(store, 'remove 7')).rejects.toThrow(InvalidInputError);
    await run(store, 'clear');
    expect((await new AgendaStore(store).get(CHANNEL)).cases).toEqual([]);
  });

  it('previews the brief from the stored papers', async () => {
    const store = await openStore({ memory: true });
    await run(store, 'add 18-month-old, JMML with monosomy 7, relapse after HSCT');
    const preview = await run(store, 'preview');
    expect(preview.text).toBe('Preview (stored papers only).');
    const json = JSON.stringify(preview.blocks);
    expect(json).toContain('*Case 1.* 18-month-old, JMML with monosomy 7, relapse after HSCT');
    expect(json).toContain('case report · matches: JMML, monosomy 7, pediatric, relapse, post-HSCT');
  });

  it('turns clearing after the meeting off', async () => {
    const store = await openStore({ memory: true });
    await run(store, 'autoclear off');
    expect((await new AgendaStore(store).get(CHANNEL)).clearAfterMeeting).toBe(false);
    await expect(run(store, 'autoclear maybe')).rejects.toThrow('Say `on` or `off`.');
  });
});
