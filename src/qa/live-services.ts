import type { Config } from '../config/index.js';
import { createSerialIngest, type StorePapers } from '../ingest/serial-ingest.js';
import type { Logger } from '../log.js';
import { createFullTextFetcher } from '../sources/full-text.js';
import { configuredFetchBody } from '../sources/index.js';
import { createLiteratureSearch, type LiteratureSearch } from '../sources/live-search.js';
import { sharedNcbiLimiter } from '../sources/rate-limit.js';
import type { Store } from '../store/index.js';
import { createFullTextReader, type FullTextReader } from './full-text.js';
import { createLiveLookup, type LiveLookup } from './live-lookup.js';

/** Everything that reaches PubMed and Europe PMC on demand, built once per process. */
export interface LiveServices {
  /** Searches and identifier look-ups (`/lit paper`). */
  search: LiteratureSearch;
  /** Searches for what the stored papers cannot answer, storing what they find. */
  lookup: LiveLookup;
  /** Open-access full text for the papers an answer reads. */
  fullText: FullTextReader;
  /** Stores what was fetched, one batch at a time. */
  storePapers: StorePapers;
}

/**
 * The live services over the configured base URLs, with the feeds' HTTP policy (size cap,
 * time-out, private addresses refused) and the process-wide NCBI rate limit.
 */
export function createLiveServices(
  config: Config,
  store: Store,
  logger: Logger,
  options: { now?: () => Date } = {},
): LiveServices {
  const now = options.now ?? (() => new Date());
  const fetchBody = configuredFetchBody(config);
  const limiter = sharedNcbiLimiter(config.sources.ncbiApiKey);
  const search = createLiteratureSearch({ config, fetchBody, limiter, now });
  const storePapers = createSerialIngest(store, { logger, now });
  return {
    search,
    storePapers,
    lookup: createLiveLookup({ search, store, storePapers, logger }),
    fullText: createFullTextReader({
      fetch: createFullTextFetcher({ config, fetchBody, limiter, now }),
      store,
      storePapers,
      logger,
    }),
  };
}
