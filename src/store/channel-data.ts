import type { Store } from './index.js';

/**
 * Every namespace holding a channel's own data, beyond its profile and digests: what export
 * carries, import restores and `/lit forget` deletes. The modules that write them own the
 * record shapes; test/store/channel-data.test.ts writes through those modules, so a name that
 * drifts fails there.
 */
/** Board agenda and meeting time, by channel (src/board/agenda.ts). */
export const AGENDA_NAMESPACE = 'board';
/** The channels that have an agenda, under the id `all`. */
export const AGENDA_INDEX_NAMESPACE = 'board-channels';
/** Relevance votes, by channel (src/digest/feedback.ts). */
export const FEEDBACK_NAMESPACE = 'feedback';
/** Empty weeks a channel chose to skip, by digest id (src/schedule/digest-poster.ts). */
export const SILENT_DIGEST_NAMESPACE = 'digest-silent';
/** Living-digest notices already posted, by `<channelId>:<notice>` (src/schedule/notice-job.ts). */
export const LIVING_NOTICE_NAMESPACE = 'living-notice';

export const CHANNEL_KEYED_NAMESPACES = [AGENDA_NAMESPACE, FEEDBACK_NAMESPACE] as const;

/** Namespaces whose keys begin with `<channelId>:`. */
export const CHANNEL_PREFIXED_NAMESPACES = [SILENT_DIGEST_NAMESPACE, LIVING_NOTICE_NAMESPACE] as const;

/** Lists of channel ids, merged on import. */
export const CHANNEL_INDEXES = [{ namespace: AGENDA_INDEX_NAMESPACE, id: 'all' }] as const;

/**
 * Short-lived per-thread memory (src/qa/thread-memory.ts): deleted with the channel, never
 * exported, since it expires after THREAD_MEMORY_DAYS.
 */
export const CHANNEL_TRANSIENT_NAMESPACES = ['qa-thread', 'qa-focus'] as const;

export interface ChannelRecord {
  namespace: string;
  id: string;
  value: unknown;
}

/** The channel data records of the given channels (a full scan for the prefixed namespaces: export only). */
export async function channelRecords(store: Store, channelIds: string[]): Promise<ChannelRecord[]> {
  const records: ChannelRecord[] = [];
  for (const namespace of CHANNEL_KEYED_NAMESPACES) {
    for (const channelId of channelIds) {
      const value = await store.namespace<unknown>(namespace).get(channelId);
      if (value !== undefined) records.push({ namespace, id: channelId, value });
    }
  }
  const owned = (id: string) => channelIds.some((channelId) => id.startsWith(`${channelId}:`));
  for (const namespace of CHANNEL_PREFIXED_NAMESPACES) {
    for await (const [id, value] of store.namespace<unknown>(namespace).entries()) {
      if (owned(id)) records.push({ namespace, id, value });
    }
  }
  records.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.id.localeCompare(b.id));
  return records;
}

/** Writes records back; channel indexes get the record's channel added. */
export async function restoreChannelRecords(store: Store, records: ChannelRecord[]): Promise<void> {
  const known = new Set<string>([...CHANNEL_KEYED_NAMESPACES, ...CHANNEL_PREFIXED_NAMESPACES]);
  for (const record of records) {
    if (!known.has(record.namespace)) continue;
    await store.namespace<unknown>(record.namespace).set(record.id, record.value);
  }
  const agendas = records
    .filter((record) => record.namespace === AGENDA_NAMESPACE)
    .map((record) => record.id);
  for (const index of CHANNEL_INDEXES) {
    const list = store.namespace<string[]>(index.namespace);
    const current = (await list.get(index.id)) ?? [];
    const merged = [...new Set([...current, ...agendas])];
    if (merged.length !== current.length) await list.set(index.id, merged);
  }
}

export interface ForgetSummary {
  digests: number;
  records: number;
}

/**
 * Deletes everything the store holds for a channel: profile, digests with their thread links
 * and delivered marks, agenda, votes, notices, thread memory and delivery marks. Papers stay
 * (they are shared by channels and hold no team data).
 */
export async function forgetChannel(store: Store, channelId: string): Promise<ForgetSummary> {
  const digests = await store.digests.forgetChannel(channelId);
  await store.channels.remove(channelId);
  let records = 0;
  for (const namespace of CHANNEL_KEYED_NAMESPACES) {
    const space = store.namespace<unknown>(namespace);
    if (await space.has(channelId)) {
      await space.delete(channelId);
      records++;
    }
  }
  for (const index of CHANNEL_INDEXES) {
    const list = store.namespace<string[]>(index.namespace);
    const current = (await list.get(index.id)) ?? [];
    if (current.includes(channelId))
      await list.set(
        index.id,
        current.filter((id) => id !== channelId),
      );
  }
  const prefixed = [...CHANNEL_PREFIXED_NAMESPACES, ...CHANNEL_TRANSIENT_NAMESPACES];
  for (const namespace of prefixed) records += await deleteOwned(store, namespace, `${channelId}:`);
  // Delivery marks are keyed `<kind>:<channelId>:…`.
  for (const kind of ['digest', 'brief', 'notice'])
    records += await deleteOwned(store, 'delivery-attempt', `${kind}:${channelId}:`);
  return { digests, records };
}

async function deleteOwned(store: Store, namespace: string, prefix: string): Promise<number> {
  const space = store.namespace<unknown>(namespace);
  const ids: string[] = [];
  for await (const [id] of space.entries()) if (id.startsWith(prefix)) ids.push(id);
  for (const id of ids) await space.delete(id);
  return ids.length;
}
