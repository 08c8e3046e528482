import type { AgendaStore } from '../board/agenda.js';
import { buildBrief } from '../board/brief.js';
import { createBoardPubmedSearch } from '../board/live-pubmed.js';
import type { Config } from '../config/index.js';
import type { Deliverer } from '../delivery/deliverer.js';
import type { DigestSummarizer } from '../digest/summarizer.js';
import type { Logger } from '../log.js';
import type { PaperIndex } from '../search/paper-index.js';
import { findRecruitingTrials, type RecruitingTrial } from '../sources/clinicaltrials.js';
import type { FetchBody } from '../sources/http.js';
import type { EutilsClient } from '../sources/pubmed/eutils.js';
import type { Store } from '../store/index.js';
import { type BoardJobResult, runBoardDuties } from './brief-job.js';
import { createBriefPoster } from './brief-poster.js';

export interface BoardSweepOptions {
  config: Config;
  store: Store;
  logger: Logger;
  agendas: AgendaStore;
  deliverer: Deliverer;
  /** The current search index (it is rebuilt after each ingest). */
  index: () => PaperIndex;
  summarizer: () => DigestSummarizer;
  eutils: EutilsClient;
  fetchBody: FetchBody;
  now?: () => Date;
}

/**
 * One sweep of the tumor boards: due briefs are posted, passed meetings' agendas cleared.
 * Every replica sweeps; each brief is claimed by one of them in the delivery module, so a brief
 * whose replica died is resumed by the next sweep elsewhere.
 */
export function createBoardSweep(options: BoardSweepOptions): () => Promise<BoardJobResult[]> {
  const { config, store, logger, agendas } = options;
  const now = options.now ?? (() => new Date());
  const searchPubmed = createBoardPubmedSearch(options.eutils, now);
  const trialsCache = store.namespace<RecruitingTrial[]>('trials');
  const postBrief = createBriefPoster({ deliverer: options.deliverer, store, logger, now });

  return () =>
    runBoardDuties(
      {
        agendas,
        leadHours: config.board.briefLeadHours,
        logger,
        postBrief,
        buildBrief: (input) =>
          buildBrief(input, {
            corpus: options.index(),
            summarizer: options.summarizer(),
            searchPubmed,
            findTrials: (query) =>
              findRecruitingTrials(query, {
                baseUrl: config.sources.clinicalTrialsUrl,
                fetch: options.fetchBody,
                cache: trialsCache,
              }),
            logger,
          }),
      },
      now(),
    );
}
