import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Logger } from '../log.js';
import type { PaperChangeLog } from '../store/index.js';
import type { Paper } from '../types.js';
import type { FullTextIndex } from './full-text-index.js';
import { FORMAT, type IndexMeta } from './index-schema.js';

/** Papers read from the store and written to the index per transaction. */
const BATCH = 250;
/** A build whose builder wrote nothing for this long was abandoned (its process died): another may take over. */
const STALE_BUILD_MS = 60_000;
/** How often a process waiting on another's build looks again. */
const WAIT_MS = 2_000;
/** Progress is logged at most this often during a build. */
const LOG_EVERY_MS = 10_000;

/** The store's side the index follows: the papers and the log of their writes. */
export interface PaperSource {
  changes: PaperChangeLog;
  getMany(ids: string[]): Promise<Paper[]>;
  allIds(): AsyncGenerator<string[]>;
  weeks(): Promise<string[]>;
}

export interface BuildProgress {
  indexed: number;
  /** Share of the store's ingestion weeks read, 0..1. */
  share: number;
}

export interface IndexSyncOptions {
  logger: Logger;
  /** Unique per process: who builds a file several processes share. */
  owner?: string;
  now?: () => number;
  onProgress?: (progress: BuildProgress) => void;
}

/**
 * Keeps a full-text index up to date with the store. A new (or foreign, or outdated) index
 * is built from every stored paper, week by week; after that only the change log is read,
 * from the cursor the index keeps in its own file. Two processes sharing an index file never
 * build it both: the builder's claim and heartbeat live in the file.
 */
export class IndexSync {
  private building: BuildProgress | undefined;
  private ready = false;
  private catching: Promise<number> = Promise.resolve(0);
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private markReady: () => void = () => undefined;
  /** Settles once the index first serves. */
  readonly whenReady = new Promise<void>((resolve) => {
    this.markReady = resolve;
  });
  private readonly owner: string;
  private readonly now: () => number;

  constructor(
    private readonly index: FullTextIndex,
    private readonly source: PaperSource,
    private readonly options: IndexSyncOptions,
  ) {
    this.owner = options.owner ?? randomUUID();
    this.now = options.now ?? Date.now;
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** Progress of the build this process runs or waits on; undefined once ready. */
  get progress(): BuildProgress | undefined {
    return this.ready ? undefined : (this.building ?? { indexed: 0, share: 0 });
  }

  /** Builds the index if it needs it (or waits for the process building it), then catches up. */
  async prepare(): Promise<void> {
    await this.buildIfNeeded();
    await this.catchUp();
  }

  /**
   * Prepares the index in the background, retrying after `retryMs` when that fails, then
   * catches up every `pollMs`: each replica follows papers any process stored.
   */
  start({ pollMs, retryMs }: { pollMs: number; retryMs: number }): void {
    const schedule = (work: () => Promise<unknown>, delayMs: number) => {
      if (this.stopped) return;
      this.timer = setTimeout(() => void work(), delayMs);
      this.timer.unref();
    };
    const poll = async () => {
      try {
        await this.catchUp();
      } catch (error) {
        this.options.logger.error({ err: error }, 'could not bring the search index up to date');
      }
      schedule(poll, pollMs);
    };
    const prepare = async () => {
      try {
        await this.prepare();
        schedule(poll, pollMs);
      } catch (error) {
        if (this.stopped) return;
        this.options.logger.error({ err: error, retryMs }, 'could not build the search index');
        schedule(prepare, retryMs);
      }
    };
    void prepare();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /**
   * Applies the change log after the index's cursor: papers written since are added or
   * replaced, deleted ones removed. Calls run one at a time; returns how many entries applied.
   */
  catchUp(): Promise<number> {
    const next = this.catching.catch(() => 0).then(() => this.applyChanges());
    this.catching = next;
    return next;
  }

  private async applyChanges(): Promise<number> {
    if (!this.ready) return 0;
    let applied = 0;
    for (;;) {
      const meta = await this.index.meta();
      const entries = await this.source.changes.since(meta.cursor, BATCH);
      const last = entries.at(-1);
      if (!last) {
        // The log is shorter than the cursor: the store was replaced or emptied. Build again.
        if (meta.cursor <= (await this.source.changes.head())) return applied;
        this.ready = false;
        await this.buildIfNeeded();
        continue;
      }
      const ids = [...new Set(entries.map((entry) => entry.paperId))];
      const papers = await this.source.getMany(ids);
      const found = new Set(papers.map((paper) => paper.id));
      const written = await this.index.apply({
        add: papers,
        remove: ids.filter((id) => !found.has(id)),
        meta: { cursor: last.seq },
        // Another process sharing this file applied these first: read again from where it got to.
        expect: (current) => current.cursor === meta.cursor && current.state === 'ready',
      });
      if (written) applied += entries.length;
    }
  }

  private async buildIfNeeded(): Promise<void> {
    for (;;) {
      const epoch = await this.source.changes.epoch();
      const head = await this.source.changes.head();
      // Another store, another layout, or a log shorter than the cursor: the rows cannot be trusted.
      const outdated = (meta: IndexMeta) =>
        meta.format !== FORMAT || meta.epoch !== epoch || meta.cursor > head;
      const meta = await this.index.meta();
      if (meta.state === 'ready' && !outdated(meta)) break;
      const claim = await this.claim(outdated);
      if (claim) {
        if (claim.reset) await this.index.reset();
        await this.build(epoch, head);
        break;
      }
      if ((await this.index.meta()).state === 'ready') continue;
      this.building = { indexed: this.index.size, share: 0 };
      await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
    }
    this.ready = true;
    this.building = undefined;
    this.markReady();
  }

  /**
   * Takes the build when the index still needs one and no live process holds it; decided
   * inside the write transaction, so two processes never both take it.
   */
  private async claim(outdated: (meta: IndexMeta) => boolean): Promise<{ reset: boolean } | undefined> {
    const now = this.now();
    let reset = false;
    const claimed = await this.index.apply({
      meta: { builder: this.owner, heartbeat: now, state: 'building' },
      expect: (meta) => {
        reset = outdated(meta);
        const free =
          meta.state !== 'building' ||
          !meta.builder ||
          meta.builder === this.owner ||
          now - (meta.heartbeat ?? 0) > STALE_BUILD_MS;
        return (reset || meta.state !== 'ready') && free;
      },
    });
    return claimed ? { reset } : undefined;
  }

  /** Reads every stored paper; papers written meanwhile are logged after `head`, and applied after it. */
  private async build(epoch: string, head: number): Promise<void> {
    const { logger } = this.options;
    const started = this.now();
    await this.claimed({ format: FORMAT, epoch, cursor: 0 });
    const weeks = (await this.source.weeks()).length;
    let weeksRead = 0;
    let indexed = 0;
    let loggedAt = started;
    this.building = { indexed, share: 0 };
    logger.info({ weeks }, 'building the search index from the store');
    for await (const ids of this.source.allIds()) {
      for (let start = 0; start < ids.length; start += BATCH) {
        const papers = await this.source.getMany(ids.slice(start, start + BATCH));
        await this.claimed({ heartbeat: this.now() }, papers);
        indexed += papers.length;
        // Reading and splitting papers runs here; the event loop gets a turn between batches.
        await nextTurn();
      }
      weeksRead += 1;
      this.building = { indexed, share: weeks > 0 ? weeksRead / weeks : 1 };
      this.options.onProgress?.(this.building);
      if (this.now() - loggedAt >= LOG_EVERY_MS) {
        loggedAt = this.now();
        logger.info({ indexed, weeksRead, weeks }, 'building the search index');
      }
    }
    await this.claimed({ cursor: head, state: 'ready' });
    logger.info({ papers: this.index.size, ms: this.now() - started }, 'search index ready');
  }

  /** Writes a build batch, only while this process still holds the build. */
  private async claimed(meta: Partial<IndexMeta>, papers: Paper[] = []): Promise<void> {
    const written = await this.index.apply({
      add: papers,
      meta,
      expect: (current) => current.builder === this.owner,
    });
    if (!written) throw new Error('another process took over building the search index');
  }
}
