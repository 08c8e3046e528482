import { describe, expect, it, vi } from 'vitest';
import { AgendaStore } from '../../src/board/agenda.js';
import { loadConfig } from '../../src/config/index.js';
import { silentLogger } from '../../src/log.js';
import { BOARD_AGENDA, renderBoardAgendaModal } from '../../src/slack/blocks/board-agenda.js';
import type { SlackDeps } from '../../src/slack/deps.js';
import { saveBoardAgenda } from '../../src/slack/listeners/views/board-agenda-save.js';
import { openStore, type Store } from '../../src/store/index.js';

const CHANNEL = 'CBOARD01';
const TARGET = { channelId: CHANNEL, channelName: 'heme-board' };

async function submit(store: Store, text: string, userId = 'U1') {
  const ack = vi.fn(async () => {});
  const postEphemeral = vi.fn(async () => ({ ok: true }));
  const members = async () => ({ ok: true, members: ['U1'], response_metadata: {} });
  const deps = {
    store,
    config: loadConfig({}),
    clock: { now: () => new Date('2026-12-01T15:00:00Z') },
    logger: silentLogger,
  } as unknown as SlackDeps;
  const view = {
    private_metadata: renderBoardAgendaModal(TARGET).private_metadata,
    state: {
      values: {
        [BOARD_AGENDA.linesBlock]: { [BOARD_AGENDA.linesInput]: { type: 'plain_text_input', value: text } },
      },
    },
  };
  const handler = saveBoardAgenda(deps) as unknown as (args: unknown) => Promise<void>;
  await handler({
    ack,
    body: { user: { id: userId } },
    view,
    client: { chat: { postEphemeral }, conversations: { members } },
  });
  return { ack, postEphemeral };
}

describe('board agenda modal', () => {
  it('keeps the modal open and stores nothing for a user who is not in the channel', async () => {
    const store = await openStore({ memory: true });
    const { ack, postEphemeral } = await submit(store, 'AML with FLT3-ITD', 'U_OUTSIDER');
    expect(ack).toHaveBeenCalledWith({
      response_action: 'errors',
      errors: { [BOARD_AGENDA.linesBlock]: expect.stringMatching(/Only members of this channel/) },
    });
    expect(postEphemeral).not.toHaveBeenCalled();
    expect(await new AgendaStore(store).channelIds()).toEqual([]);
  });

  it('stores every pasted case line when all are de-identified', async () => {
    const store = await openStore({ memory: true });
    const { ack, postEphemeral } = await submit(
      store,
      'AML with FLT3-ITD, relapse\n\nNSCLC with KRAS G12C, first-line\n',
    );
    expect(ack).toHaveBeenCalledWith();
    expect((await new AgendaStore(store).get(CHANNEL)).cases.map((entry) => entry.text)).toEqual([
      'AML with FLT3-ITD, relapse',
      'NSCLC with KRAS G12C, first-line',
    ]);
    expect(postEphemeral).toHaveBeenCalledWith(
      expect.objectContaining({ text: expect.stringContaining('Added 2 cases') }),
    );
  });

  it('keeps the modal open with the reasons and stores nothing when a line looks identifying', async () => {
    const store = await openStore({ memory: true });
    const { ack } = await submit(store, 'AML with FLT3-ITD\nPt John Smith, DOB 03/14/2019, neuroblastoma');
    expect(ack).toHaveBeenCalledWith({
      response_action: 'errors',
      errors: {
        [BOARD_AGENDA.linesBlock]:
          'Line 2: it looks identifying (date of birth, name); describe the case without identifiers.',
      },
    });
    expect((await new AgendaStore(store).get(CHANNEL)).cases).toEqual([]);
  });
});
