import { isTbdError } from '../errors.js';
import type { StorePapers } from '../ingest/serial-ingest.js';
import type { Logger } from '../log.js';
import type { FetchFullText } from '../sources/full-text.js';
import type { Store } from '../store/index.js';
import type { Paper } from '../types.js';
import { judgePapers, type PaperVerdict } from './paper-verdict.js';
import type { UnderstoodQuestion } from './understand.js';

/** An answer waits this long for full texts; a slower fetch carries on and is stored for the next question. */
const BUDGET_MS = 5_000;
/** A paper without open-access full text is not asked about again for a week; a failed fetch for an hour. */
const MISS_TTL_MS = { closed: 7 * 24 * 3_600_000, failed: 3_600_000 };

/** Open-access full text for the papers an answer reads, fetched once and stored with the paper. */
export interface FullTextReader {
  /**
   * The papers as stored after fetching the full text of those that have an open-access one
   * (a PMCID, not marked closed by Europe PMC) and do not have it yet. Failures are logged and
   * the paper is read from its abstract; nothing is thrown.
   */
  withFullText(papers: Paper[]): Promise<Paper[]>;
}

export interface FullTextReaderDeps {
  fetch: FetchFullText;
  store: Store;
  storePapers: StorePapers;
  logger: Logger;
  budgetMs?: number;
}

/** The work's result, or `fallback` when it takes longer than `ms` (the work carries on). */
async function withinBudget<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

export function createFullTextReader(deps: FullTextReaderDeps): FullTextReader {
  const misses = deps.store.namespace<string>('fulltext-miss');
  const inFlight = new Map<string, Promise<Paper | undefined>>();

  const fetchOne = (paper: Paper): Promise<Paper | undefined> => {
    const pmcid = paper.pmcid as string;
    const running = inFlight.get(pmcid);
    if (running) return running;
    const log = deps.logger.child({ paperId: paper.id, pmcid });
    const work = (async () => {
      if (await misses.get(pmcid)) return undefined;
      try {
        const article = await deps.fetch(pmcid);
        if (!article) {
          await misses.set(pmcid, 'closed', MISS_TTL_MS.closed);
          return undefined;
        }
        // The JATS record merges into the stored one by PMID, PMCID or DOI.
        const [stored] = await deps.storePapers([{ ...article, pmid: article.pmid ?? paper.pmid }]);
        log.info({ sections: article.fullTextSections?.length }, 'open-access full text stored');
        return stored;
      } catch (error) {
        // A fetch failure is logged by its user-facing reason: a request URL may carry NCBI's api_key.
        const reason = isTbdError(error) ? { reason: error.userMessage } : { err: error };
        log.warn(reason, 'open-access full text could not be fetched; reading the abstract');
        await misses.set(pmcid, 'failed', MISS_TTL_MS.failed);
        return undefined;
      }
    })().finally(() => inFlight.delete(pmcid));
    inFlight.set(pmcid, work);
    return work;
  };

  return {
    async withFullText(papers) {
      const wanted = papers.filter(
        (paper) => paper.pmcid && paper.openAccess !== false && !paper.fullTextSections?.length,
      );
      if (wanted.length === 0) return papers;
      const fetched = await withinBudget(
        Promise.all(wanted.map(fetchOne)),
        deps.budgetMs ?? BUDGET_MS,
        wanted.map(() => undefined),
      );
      const byId = new Map(
        fetched.flatMap((stored, i) => (stored ? [[(wanted[i] as Paper).id, stored] as const] : [])),
      );
      return papers.map((paper) => byId.get(paper.id) ?? paper);
    },
  };
}

/** Papers an answer reads closely: the one asked about ("Ask about this") and the best two that address the question. */
const CLOSE_READS = 2;

/**
 * The verdicts again after the papers the answer will quote have their open-access full text:
 * a figure only the results section or a table caption states can then be quoted.
 */
export async function withFullTexts(
  reader: FullTextReader,
  question: UnderstoodQuestion,
  verdicts: PaperVerdict[],
): Promise<PaperVerdict[]> {
  const close = verdicts
    .filter(
      (verdict, rank) => verdict.candidate.scope === 'focus' || (verdict.addressed && rank < CLOSE_READS),
    )
    .map((verdict) => verdict.candidate.paper);
  const read = await reader.withFullText(close);
  const changed = new Map(read.filter((paper, i) => paper !== close[i]).map((paper) => [paper.id, paper]));
  if (changed.size === 0) return verdicts;
  return judgePapers(
    question,
    verdicts.map((verdict) => ({
      ...verdict.candidate,
      paper: changed.get(verdict.candidate.paper.id) ?? verdict.candidate.paper,
    })),
  );
}
