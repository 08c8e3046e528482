import { fixtureJson } from './signed-request.js';

export interface ThreadReply {
  text: string;
  ts: string;
  threadTs: string;
  channel: string;
  user: string;
  eventId: string;
}

/** The real message-event fixture (bolt-python's) as a person's reply in a thread. */
export function threadReplyBody(reply: ThreadReply, overrides: Record<string, unknown> = {}): string {
  const body = fixtureJson<{ event: Record<string, unknown>; event_id: string }>('boltpy_event_message.json');
  body.event = {
    ...body.event,
    text: reply.text,
    ts: reply.ts,
    event_ts: reply.ts,
    thread_ts: reply.threadTs,
    channel: reply.channel,
    user: reply.user,
    blocks: undefined,
    ...overrides,
  };
  body.event_id = reply.eventId;
  return JSON.stringify(body);
}
