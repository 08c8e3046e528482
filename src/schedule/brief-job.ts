import type { AgendaStore } from '../board/agenda.js';
import type { Brief } from '../board/brief.js';
import { boardDuty } from '../board/meeting.js';
import type { Logger } from '../log.js';
import type { PostBrief } from './brief-poster.js';

export interface BoardJobDeps {
  agendas: AgendaStore;
  /** `config.board.briefLeadHours`. */
  leadHours: number;
  buildBrief(input: {
    id: string;
    channelId: string;
    meetingAt: Date;
    now: Date;
    lines: string[];
  }): Promise<Brief>;
  postBrief: PostBrief;
  logger: Logger;
}

export type BoardJobResult =
  | {
      channelId: string;
      action: 'posted' | 'already-posted' | 'claimed-elsewhere' | 'stopped';
      briefId: string;
    }
  | { channelId: string; action: 'cleared'; removed: number }
  | { channelId: string; action: 'failed'; error: unknown };

/**
 * One sweep of every board (run by the scheduler every few minutes): posts the briefs that are
 * due and clears the agendas of meetings that have passed. A failing channel is logged and the
 * others go on; the next sweep retries it, and the delivery module keeps that safe.
 */
export async function runBoardDuties(deps: BoardJobDeps, now: Date): Promise<BoardJobResult[]> {
  const results: BoardJobResult[] = [];
  for (const channelId of await deps.agendas.channelIds()) {
    const log = deps.logger.child({ channel: channelId });
    try {
      const agenda = await deps.agendas.get(channelId);
      const duty = boardDuty(agenda, now, deps.leadHours);
      if (duty.kind === 'clear-agenda') {
        const removed = await deps.agendas.clearAddedBefore(channelId, duty.meetingAt);
        log.info({ removed }, 'board agenda cleared after the meeting');
        results.push({ channelId, action: 'cleared', removed });
      } else if (duty.kind === 'post-brief' && agenda.meeting) {
        const lines = agenda.cases.map((entry) => entry.text);
        const build = () =>
          deps.buildBrief({ id: duty.briefId, channelId, meetingAt: duty.meetingAt, now, lines });
        const outcome = await deps.postBrief(duty.briefId, channelId, agenda.meeting.timezone, build);
        results.push({ channelId, action: outcome.status, briefId: duty.briefId });
      }
    } catch (error) {
      log.error({ err: error }, 'board duty failed; retried on the next sweep');
      results.push({ channelId, action: 'failed', error });
    }
  }
  return results;
}
