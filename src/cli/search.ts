import { FeedError, InvalidInputError } from '../errors.js';
import { liveHits } from '../qa/live-lookup.js';
import { createLiveServices } from '../qa/live-services.js';
import { classifyStudy } from '../text/index.js';
import { parseCommandArgs } from './args.js';
import type { CliCommand } from './command.js';
import { renderSearchText } from './render-terminal.js';

const EXAMPLE = 'tbdigest search "juvenile myelomonocytic leukemia"';
const MAX_LIMIT = 50;

const HELP = `Usage: tbdigest search <query> [--limit <n>] [--retracted] [--pubmed] [--json]

BM25 search over every stored paper (title, abstract, MeSH, keywords). A PMID or DOI finds
that paper exactly. With --pubmed, searches PubMed now instead (Europe PMC when PubMed is
slow or down; NCBI_EUTILS_URL, EUROPEPMC_URL) and stores the papers it finds.

  --limit <n>   how many results (default 10, at most ${MAX_LIMIT})
  --retracted   include retracted papers (they are labeled)
  --pubmed      search PubMed now, not the stored papers (needs the network)
  --json        print the results as JSON
  -h, --help    show this help`;

export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'search <query>: search the stored papers',
  help: HELP,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      { limit: { type: 'string' }, retracted: { type: 'boolean' }, pubmed: { type: 'boolean' } },
      EXAMPLE,
    );
    if (values.help) return context.io.stdout(`${HELP}\n`);
    const query = positionals.join(' ').trim();
    if (!query) throw new InvalidInputError('Give something to search for.', EXAMPLE);
    const limit = parseLimit(values.limit);
    await context.withStore(async (store) => {
      if (values.pubmed) {
        const outcome = await createLiveServices(context.config, store, context.logger).lookup.forWords(
          query,
          limit,
        );
        if (outcome.kind === 'unavailable') {
          throw new FeedError('pubmed+europepmc', `${outcome.message} Try again in a few minutes.`);
        }
        const papers = outcome.kind === 'found' ? outcome.papers : [];
        const hits = liveHits(papers);
        const note = outcome.kind === 'found' || outcome.kind === 'nothing' ? outcome.note : undefined;
        context.io.stdout(
          values.json
            ? `${JSON.stringify({ liveSearch: note, papers }, null, 2)}\n`
            : renderSearchText(query, hits, (paper) => classifyStudy(paper).studyType, note),
        );
        return;
      }
      const index = await context.openIndex(store);
      const hits = await index.search(query, { limit, includeRetracted: values.retracted });
      context.io.stdout(
        values.json
          ? `${JSON.stringify(
              hits.map((hit) => ({ score: hit.score, exact: hit.exact, paper: hit.paper })),
              null,
              2,
            )}\n`
          : renderSearchText(query, hits, (paper) => classifyStudy(paper).studyType),
      );
    });
  },
};

function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return 10;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new InvalidInputError(
      `--limit must be a whole number between 1 and ${MAX_LIMIT}.`,
      `${EXAMPLE} --limit 5`,
    );
  }
  return limit;
}
