import { type AddResult, AgendaStore, type BoardAgenda } from '../../../../board/agenda.js';
import { buildBrief } from '../../../../board/brief.js';
import { briefDueAt, nextMeeting, parseMeetingTime } from '../../../../board/meeting.js';
import { describeSchedule } from '../../../../cron/schedule-input.js';
import { InvalidInputError } from '../../../../errors.js';
import { renderBriefBlocks } from '../../../blocks/brief.js';
import { escapeMrkdwn } from '../../../blocks/escape.js';
import { assertCanConfigure } from '../../../channel-config.js';
import { type LitReply, type LitRequest, type LitSubcommand, privateReply } from './subcommand.js';

const USAGE =
  '/lit board add <case> | list | remove <n> | clear | time <day> <HH:MM> [tz] | autoclear on|off';
const ADD_EXAMPLE = '/lit board add 18-month-old, JMML with monosomy 7, relapse 4 months after HSCT';

/** Actions that change the agenda: checked like every channel setting, and logged. */
const CHANGES = new Set(['add', 'remove', 'clear', 'time', 'autoclear']);

/**
 * `/lit board …`: the agenda of the channel's next tumor board. Every case line passes the PHI
 * guard before it is stored; replies are private, since an agenda is the team's working list.
 * Changes need the same permission as other settings (ADMIN_USER_IDS, channel membership) and
 * are logged with who made them (never the case text).
 */
export const boardSubcommand: LitSubcommand = {
  name: 'board',
  usage: USAGE,
  summary: 'the next tumor board: de-identified cases, meeting time; a prep brief posts before it',
  async run(request) {
    const agendas = new AgendaStore(request.deps.store, () => request.deps.clock.now());
    const [action = 'list', ...rest] = request.args.split(/\s+/).filter(Boolean);
    const argument = request.args.slice(request.args.indexOf(action) + action.length).trim();
    const verb = action.toLowerCase();
    if (CHANGES.has(verb)) {
      await assertCanConfigure(request);
      request.logger.info(
        { user: request.userId, channel: request.channelId, change: `board ${verb}` },
        'board agenda changed',
      );
    }
    switch (verb) {
      case 'add':
        if (!argument) throw new InvalidInputError('Give the case as one de-identified line.', ADD_EXAMPLE);
        return privateReply(addedText(await agendas.add(request.channelId, [argument])));
      case 'list':
        return privateReply(agendaText(await agendas.get(request.channelId), request));
      case 'remove': {
        const position = Number(rest[0]);
        const left = await agendas.remove(request.channelId, position);
        return privateReply(`Removed case ${position}. ${agendaText(left, request)}`);
      }
      case 'clear':
        await agendas.clear(request.channelId);
        return privateReply('The board agenda is empty.');
      case 'time': {
        const meeting = parseMeetingTime(argument, request.deps.config.digest.defaultTimezone);
        const saved = await agendas.setMeeting(request.channelId, meeting);
        return privateReply(`Board meets ${describeSchedule(meeting)}. ${briefTimeText(saved, request)}`);
      }
      case 'autoclear': {
        const on = argument.toLowerCase();
        if (on !== 'on' && on !== 'off')
          throw new InvalidInputError('Say `on` or `off`.', '/lit board autoclear on');
        await agendas.setClearAfterMeeting(request.channelId, on === 'on');
        return privateReply(
          on === 'on'
            ? 'Cases are cleared after each meeting.'
            : 'Cases stay on the agenda until you remove them.',
        );
      }
      case 'preview':
        return previewBrief(request, await agendas.get(request.channelId));
      default:
        throw new InvalidInputError(`"${action}" is not a board action.`, USAGE);
    }
  },
};

/** The brief as it would read now, from the stored corpus only (live searches run for the real one). */
async function previewBrief(request: LitRequest, agenda: BoardAgenda): Promise<LitReply> {
  if (agenda.cases.length === 0) return privateReply(agendaText(agenda, request));
  const { deps } = request;
  const now = deps.clock.now();
  const meetingAt = (agenda.meeting && nextMeeting(agenda.meeting, now)) ?? now;
  const brief = await buildBrief(
    {
      id: `${request.channelId}:preview`,
      channelId: request.channelId,
      meetingAt,
      now,
      lines: agenda.cases.map((entry) => entry.text),
    },
    {
      corpus: { search: (query, options) => deps.searchPapers(query, options?.limit ?? 10) },
      summarizer: { summarize: deps.summarizePaper },
      logger: request.logger,
    },
  );
  const rendered = renderBriefBlocks(brief, agenda.meeting?.timezone ?? deps.config.digest.defaultTimezone);
  const more = rendered.messages.length > 1 ? ' The full brief continues in its thread when it posts.' : '';
  return {
    response_type: 'ephemeral',
    text: `Preview (stored papers only).${more}`,
    blocks: rendered.messages[0],
  };
}

function addedText(result: AddResult): string {
  const refused = result.refused.map((line) => `:no_entry: Not stored: ${escapeMrkdwn(line.reason)}.`);
  const added = result.added > 0 ? [`Added as case ${result.total}.`] : [];
  return [...added, ...refused].join('\n');
}

function agendaText(agenda: BoardAgenda, request: LitRequest): string {
  const cases =
    agenda.cases.length === 0
      ? ['No cases yet. Add one with `/lit board add <one de-identified line>`.']
      : agenda.cases.map((entry, index) => `${index + 1}. ${escapeMrkdwn(entry.text)}`);
  return [`*Board agenda* (${agenda.cases.length})`, ...cases, briefTimeText(agenda, request)].join('\n');
}

function briefTimeText(agenda: BoardAgenda, request: LitRequest): string {
  if (!agenda.meeting) return 'No meeting time yet: `/lit board time thu 16:00 America/Chicago`.';
  const meeting = nextMeeting(agenda.meeting, request.deps.clock.now());
  if (!meeting) return `Meets ${describeSchedule(agenda.meeting)}.`;
  const due = briefDueAt(meeting, request.deps.config.board.briefLeadHours);
  const when = (date: Date) =>
    date.toLocaleString('en-US', {
      timeZone: agenda.meeting?.timezone,
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
  return `Next meeting ${when(meeting)}; the prep brief posts here ${when(due)} (${agenda.meeting.timezone}).`;
}
