import type { Store } from '../src/store/index.js';

/** Reads per kind of record, and the number of records (keys) they asked for. */
export interface ReadCount {
  calls: number;
  keys: number;
}

const READ_METHODS = new Set([
  'get',
  'getMany',
  'has',
  'findId',
  'idsInWeek',
  'weeks',
  'ids',
  'all',
  'deliveredIn',
  'idsForChannel',
  'digestIdForThread',
  'getCursor',
  'getHealth',
  'lastIngestAt',
  'holder',
]);

/**
 * A view of a store that counts every read made through it (by accessor method), so a
 * benchmark can show how many store reads a digest build costs. Writes pass through uncounted.
 */
export function countingStore(store: Store): { store: Store; count: ReadCount; reset(): void } {
  const count: ReadCount = { calls: 0, keys: 0 };
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value = Reflect.get(object, property, receiver);
        if (typeof value !== 'function' || typeof property !== 'string' || !READ_METHODS.has(property)) {
          return typeof value === 'function' ? value.bind(object) : value;
        }
        return (...args: unknown[]) => {
          count.calls += 1;
          count.keys += Array.isArray(args[0])
            ? args[0].length
            : args[1] !== undefined && Array.isArray(args[1])
              ? args[1].length
              : 1;
          return value.apply(object, args);
        };
      },
    });
  const counted: Store = {
    kind: store.kind,
    papers: wrap(store.papers),
    channels: wrap(store.channels),
    digests: wrap(store.digests),
    feeds: wrap(store.feeds),
    locks: wrap(store.locks),
    namespace: (prefix) => wrap(store.namespace(prefix)),
    ping: () => store.ping(),
    close: () => store.close(),
  };
  return {
    store: counted,
    count,
    reset() {
      count.calls = 0;
      count.keys = 0;
    },
  };
}
