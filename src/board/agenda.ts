import { InvalidInputError } from '../errors.js';
import { AGENDA_INDEX_NAMESPACE, AGENDA_NAMESPACE } from '../store/channel-data.js';
import type { Namespace, Store } from '../store/index.js';
import type { DigestSchedule } from '../types.js';
import { screenCaseLine } from './phi-gate.js';

/** One de-identified case line, as it passed the PHI guard. */
export interface BoardCase {
  text: string;
  addedAt: string;
}

/** A channel's next tumor board: its cases and when it meets. */
export interface BoardAgenda {
  channelId: string;
  cases: BoardCase[];
  /** Weekly meeting time, as a cron expression in the board's time zone. */
  meeting?: DigestSchedule;
  /** Clear the cases once the meeting has passed, so case lines are not kept. */
  clearAfterMeeting: boolean;
  updatedAt: string;
}

export interface RefusedLine {
  /** 1-based position in what the user pasted. */
  position: number;
  reason: string;
}

export interface AddResult {
  added: number;
  refused: RefusedLine[];
  total: number;
}

/** A board is a meeting, not a registry: beyond this the brief would not fit one Slack message. */
export const MAX_CASES = 12;

/**
 * Agendas per channel in the `board` namespace, with the list of channels that have one (the
 * brief scheduler iterates it). Every line goes through the PHI guard before it is written.
 */
export class AgendaStore {
  private readonly agendas: Namespace<BoardAgenda>;
  private readonly index: Namespace<string[]>;

  constructor(
    store: Pick<Store, 'namespace'>,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.agendas = store.namespace<BoardAgenda>(AGENDA_NAMESPACE);
    this.index = store.namespace<string[]>(AGENDA_INDEX_NAMESPACE);
  }

  async get(channelId: string): Promise<BoardAgenda> {
    return (await this.agendas.get(channelId)) ?? this.empty(channelId);
  }

  /** Screens each line; stores the clean ones and says why each other one was refused. */
  async add(channelId: string, lines: string[]): Promise<AddResult> {
    const agenda = await this.get(channelId);
    const refused: RefusedLine[] = [];
    const accepted: BoardCase[] = [];
    lines.forEach((line, index) => {
      if (line.trim().length === 0) return;
      const screened = screenCaseLine(line);
      if (!screened.ok) refused.push({ position: index + 1, reason: screened.reason });
      else if (agenda.cases.length + accepted.length >= MAX_CASES) {
        refused.push({ position: index + 1, reason: `the agenda already has ${MAX_CASES} cases` });
      } else accepted.push({ text: screened.text, addedAt: this.now().toISOString() });
    });
    if (accepted.length > 0) await this.save({ ...agenda, cases: [...agenda.cases, ...accepted] });
    return { added: accepted.length, refused, total: agenda.cases.length + accepted.length };
  }

  /** Removes case `position` (1-based, as `/lit board list` numbers them); returns what is left. */
  async remove(channelId: string, position: number): Promise<BoardAgenda> {
    const agenda = await this.get(channelId);
    if (!Number.isInteger(position) || position < 1 || position > agenda.cases.length) {
      const range =
        agenda.cases.length === 0
          ? 'The agenda is empty.'
          : `Pick a number from 1 to ${agenda.cases.length}.`;
      throw new InvalidInputError(
        `There is no case ${position} on the agenda. ${range}`,
        '/lit board remove 2',
      );
    }
    const next = { ...agenda, cases: agenda.cases.filter((_, index) => index !== position - 1) };
    await this.save(next);
    return next;
  }

  async clear(channelId: string): Promise<void> {
    const agenda = await this.agendas.get(channelId);
    if (agenda) await this.save({ ...agenda, cases: [] });
  }

  /** Drops the cases added before `instant` (the meeting that discussed them); later ones stay. */
  async clearAddedBefore(channelId: string, instant: Date): Promise<number> {
    const agenda = await this.get(channelId);
    const kept = agenda.cases.filter((entry) => new Date(entry.addedAt).getTime() > instant.getTime());
    if (kept.length !== agenda.cases.length) await this.save({ ...agenda, cases: kept });
    return agenda.cases.length - kept.length;
  }

  async setMeeting(channelId: string, meeting: DigestSchedule): Promise<BoardAgenda> {
    const next = { ...(await this.get(channelId)), meeting };
    await this.save(next);
    return next;
  }

  async setClearAfterMeeting(channelId: string, clearAfterMeeting: boolean): Promise<BoardAgenda> {
    const next = { ...(await this.get(channelId)), clearAfterMeeting };
    await this.save(next);
    return next;
  }

  /** Channels that have an agenda or a meeting time. */
  async channelIds(): Promise<string[]> {
    return (await this.index.get('all')) ?? [];
  }

  private async save(agenda: BoardAgenda): Promise<void> {
    await this.agendas.set(agenda.channelId, { ...agenda, updatedAt: this.now().toISOString() });
    const ids = await this.channelIds();
    if (!ids.includes(agenda.channelId)) await this.index.set('all', [...ids, agenda.channelId]);
  }

  private empty(channelId: string): BoardAgenda {
    return { channelId, cases: [], clearAfterMeeting: true, updatedAt: this.now().toISOString() };
  }
}
