import type { Store } from '../store/index.js';

const DAY_MS = 86_400_000;

/** Remembers that the demo corpus is in this store, and since when. */
export interface DemoCorpusMarker {
  loadedAt: string;
  papers: number;
}

function markers(store: Store) {
  return store.namespace<DemoCorpusMarker>('demo');
}

export function readDemoCorpusMarker(store: Store): Promise<DemoCorpusMarker | undefined> {
  return markers(store).get('corpus');
}

export function writeDemoCorpusMarker(store: Store, marker: DemoCorpusMarker): Promise<void> {
  return markers(store).set('corpus', marker);
}

/**
 * Where the demo channel's selection window starts: the corpus may have been loaded weeks
 * ago, and the demo still shows it as this week's news.
 */
export function demoWindowStart(marker: DemoCorpusMarker | undefined, now: Date): Date {
  const weekAgo = now.getTime() - 7 * DAY_MS;
  return new Date(marker ? Math.min(Date.parse(marker.loadedAt), weekAgo) : weekAgo);
}
