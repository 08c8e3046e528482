import { InvalidInputError } from '../errors.js';
import { silentLogger } from '../log.js';
import { createLiveServices } from '../qa/live-services.js';
import { renderPaperBlocks } from '../slack/blocks/paper.js';
import { createPaperLookup } from '../slack/paper-lookup.js';
import type { Store } from '../store/index.js';
import { type PaperReference, parsePaperReference } from '../text/index.js';
import type { Paper } from '../types.js';
import { parseCommandArgs } from './args.js';
import type { CliCommand } from './command.js';
import type { CliContext } from './context.js';
import { renderPaperText } from './render-terminal.js';
import { summarizerFor } from './summarizer.js';

const EXAMPLE = 'tbdigest paper 31978945 or tbdigest paper 10.1056/NEJMoa2034577';

const HELP = `Usage: tbdigest paper <PMID|DOI|PMCID> [--fetch] [--json]

Shows one stored paper: takeaway, study type, evidence level, key numbers with the sentence
each came from, and the abstract. With --fetch, a paper not stored yet is found online
(PubMed for a PMID; PubMed, then Europe PMC for a DOI; Europe PMC for a PMCID) and stored.

  --fetch     look a paper that is not stored up online (needs the network)
  --json      print { paper, summary, blocks } (blocks: the Slack Block Kit view)
  -h, --help  show this help`;

export const paperCommand: CliCommand = {
  name: 'paper',
  summary: 'paper <PMID|DOI|PMCID>: one paper with its takeaway and key numbers (--fetch: look it up online)',
  help: HELP,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, { fetch: { type: 'boolean' } }, EXAMPLE);
    if (values.help) return context.io.stdout(`${HELP}\n`);
    if (positionals.length !== 1) throw new InvalidInputError('Give one PMID, DOI or PMCID.', EXAMPLE);
    const reference = readReference(positionals[0] as string);
    await context.withStore(async (store) => {
      const paper = await findPaper(store, reference, values.fetch ? context : undefined);
      const summary = await summarizerFor(context, store).summarize(paper, {
        channelName: 'cli',
        topics: [],
      });
      context.io.stdout(
        values.json
          ? `${JSON.stringify({ paper, summary, blocks: renderPaperBlocks(paper, summary) }, null, 2)}\n`
          : renderPaperText(paper, summary),
      );
    });
  },
};

/** Slack's examples say "/lit paper"; on the command line the example should be ours. */
function readReference(input: string) {
  try {
    return parsePaperReference(input);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    const message = error.example
      ? error.userMessage.replace(` Example: ${error.example}`, '')
      : error.userMessage;
    throw new InvalidInputError(message, EXAMPLE);
  }
}

/** The stored paper; with `online`, one not stored is looked up as `/lit paper` does. */
async function findPaper(store: Store, reference: PaperReference, online?: CliContext): Promise<Paper> {
  if (reference.kind === 'url') {
    throw new InvalidInputError('The command line looks papers up by PMID, DOI or PMCID.', EXAMPLE);
  }
  const live = online ? createLiveServices(online.config, store, online.logger) : undefined;
  const paper = await createPaperLookup({ store, live, logger: online?.logger ?? silentLogger })(reference);
  if (!paper) {
    const name = `${reference.kind.toUpperCase()} ${reference.value}`;
    throw online
      ? new InvalidInputError(`Neither PubMed nor Europe PMC knows ${name}.`, EXAMPLE)
      : new InvalidInputError(
          `${name} is not in the local store; ingest it first, or add --fetch to look it up online.`,
          'tbdigest ingest --file <pubmed.xml>',
        );
  }
  return paper;
}
