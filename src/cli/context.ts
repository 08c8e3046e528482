import { type Config, loadConfig } from '../config/index.js';
import { createLogger, type Logger } from '../log.js';
import { PaperIndex } from '../search/paper-index.js';
import { openStore, type Store } from '../store/index.js';
import { createProgress } from './progress.js';

/** What a command may touch: its output streams, the environment, a clock; nothing global. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** True when stderr is a terminal: progress redraws one line instead of printing many. */
  isTTY: boolean;
  now: () => Date;
  /** The whole of standard input, for commands that read text piped to them (`redact`). */
  readStdin?: () => Promise<string>;
}

export interface CliContext {
  io: CliIo;
  config: Config;
  logger: Logger;
  /** Opens the configured store, runs `work`, and always closes it. */
  withStore<T>(work: (store: Store) => Promise<T>): Promise<T>;
  /**
   * The store's search index, up to date; a first build shows its progress on stderr. It is
   * closed with the store by `withStore`.
   */
  openIndex(store: Store): Promise<PaperIndex>;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
    now: () => new Date(),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

/**
 * Configuration is read on first use, so `--help` works even with a broken environment; a
 * bad value fails there with the ConfigError's message.
 */
export function createCliContext(io: CliIo): CliContext {
  let config: Config | undefined;
  let logger: Logger | undefined;
  const indexes: PaperIndex[] = [];
  const context: CliContext = {
    io,
    get config() {
      config ??= loadConfig(io.env);
      return config;
    },
    get logger() {
      // A terminal user wants the output, not the service's info logs; LOG_LEVEL still turns them on.
      const level = io.env.LOG_LEVEL ? context.config.logLevel : 'warn';
      logger ??= createLogger({ level, pretty: io.isTTY && context.config.env !== 'production' });
      return logger;
    },
    async withStore(work) {
      const store = await openStore({ dataDir: context.config.dataDir, redisUrl: context.config.redisUrl });
      try {
        return await work(store);
      } finally {
        for (const index of indexes.splice(0)) await index.close();
        await store.close();
      }
    },
    async openIndex(store) {
      const progress = createProgress({
        label: 'Building the search index',
        unit: 'papers',
        write: io.stderr,
        isTTY: io.isTTY,
      });
      let built: number | undefined;
      const index = await PaperIndex.load(store, {
        logger: context.logger,
        onProgress: ({ indexed, share }) => {
          built = indexed;
          progress.update(indexed, share);
        },
      });
      if (built !== undefined) progress.finish(built);
      indexes.push(index);
      return index;
    },
  };
  return context;
}
