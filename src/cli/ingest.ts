import { InvalidInputError, userMessageOf } from '../errors.js';
import { readPapersFromFile } from '../ingest/file.js';
import { ingestPapers } from '../ingest/ingest.js';
import { ingestFeeds } from '../ingest/run-feeds.js';
import type { Store } from '../store/index.js';
import type { FeedSubscription } from '../types.js';
import { parseCommandArgs } from './args.js';
import type { CliCommand } from './command.js';
import type { CliContext } from './context.js';

const EXAMPLE = 'tbdigest ingest --file fixtures/pubmed/biopython_Entrez_pubmed4.xml';

const HELP = `Usage: tbdigest ingest [--file <path>]... [--feeds] [--json]

Stores papers, one record per work: a paper already stored (same PMID, DOI, or title and
first author) is merged, so ingesting twice changes nothing.

  --file <path>  a PubMed efetch XML, RSS/Atom/RDF feed, bioRxiv/medRxiv or Europe PMC JSON,
                 PubMedQA JSON, HTML article page or .txt file; repeat for several files
  --feeds        fetch every feed the channels follow (network)
  --json         print the per-file and per-feed results as JSON
  -h, --help     show this help`;

interface FileResult {
  file: string;
  format?: string;
  papers?: number;
  added?: number;
  merged?: number;
  unchanged?: number;
  error?: string;
}

export const ingestCommand: CliCommand = {
  name: 'ingest',
  summary: 'ingest [--file <path>]... [--feeds]: store papers from files or the channels’ feeds',
  help: HELP,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      { file: { type: 'string', multiple: true }, feeds: { type: 'boolean' } },
      EXAMPLE,
    );
    if (values.help) return context.io.stdout(`${HELP}\n`);
    const files = [...(values.file ?? []), ...positionals];
    if (files.length === 0 && !values.feeds)
      throw new InvalidInputError('Say what to ingest: --file <path> or --feeds.', EXAMPLE);
    const now = context.io.now();
    const { fileResults, feedResults } = await context.withStore(async (store) => ({
      fileResults: await ingestFiles(store, files, now, context),
      feedResults: values.feeds ? await ingestChannelFeeds(store, now, context) : [],
    }));
    if (values.json) {
      context.io.stdout(`${JSON.stringify({ files: fileResults, feeds: feedResults }, null, 2)}\n`);
    } else {
      for (const result of fileResults) context.io.stdout(`${fileLine(result)}\n`);
      for (const result of feedResults) context.io.stdout(`${feedLine(result)}\n`);
    }
    const failed =
      fileResults.filter((result) => result.error).length +
      feedResults.filter((r) => r.status === 'failed').length;
    if (failed > 0)
      throw new InvalidInputError(
        `${failed} of ${fileResults.length + feedResults.length} sources failed; the others were stored.`,
      );
  },
};

/** Each file on its own: an unreadable or malformed one is reported and the rest still go in. */
async function ingestFiles(
  store: Store,
  files: string[],
  now: Date,
  context: CliContext,
): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const file of files) {
    try {
      const { format, papers } = await readPapersFromFile(file, { now });
      const stored = await ingestPapers(store, papers, { now, logger: context.logger });
      results.push({
        file,
        format,
        papers: papers.length,
        added: stored.added,
        merged: stored.merged,
        unchanged: stored.unchanged,
      });
    } catch (error) {
      context.logger.warn({ file, err: error }, 'file not ingested');
      results.push({ file, error: userMessageOf(error) });
    }
  }
  return results;
}

async function ingestChannelFeeds(store: Store, now: Date, context: CliContext) {
  const subscriptions = new Map<string, FeedSubscription>();
  for (const profile of await store.channels.all()) {
    for (const feed of profile.feeds) subscriptions.set(feed.id, feed);
  }
  if (subscriptions.size === 0) {
    context.io.stderr('No channel follows a feed yet; add one in Slack with /lit feeds add <url>.\n');
    return [];
  }
  return ingestFeeds(store, [...subscriptions.values()], {
    config: context.config,
    logger: context.logger,
    now: () => now,
  });
}

function fileLine(result: FileResult): string {
  if (result.error) return `${result.file}: failed — ${result.error}`;
  return `${result.file} (${result.format}): ${result.papers} ${result.papers === 1 ? 'paper' : 'papers'} — ${result.added} new, ${result.merged} merged, ${result.unchanged} unchanged`;
}

function feedLine(result: Awaited<ReturnType<typeof ingestFeeds>>[number]): string {
  if (result.status === 'failed' || result.status === 'skipped')
    return `${result.feedId}: ${result.status} — ${result.error ?? ''}`;
  return `${result.feedId}: ${result.status} — ${result.added} new, ${result.merged} merged, ${result.unchanged} unchanged`;
}
