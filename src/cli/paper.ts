import { InvalidInputError } from '../errors.js';
import { renderPaperBlocks } from '../slack/blocks/paper.js';
import type { Store } from '../store/index.js';
import { parsePaperReference } from '../text/index.js';
import type { Paper } from '../types.js';
import { parseCommandArgs } from './args.js';
import type { CliCommand } from './command.js';
import { renderPaperText } from './render-terminal.js';
import { summarizerFor } from './summarizer.js';

const EXAMPLE = 'tbdigest paper 31978945 or tbdigest paper 10.1056/NEJMoa2034577';

const HELP = `Usage: tbdigest paper <PMID|DOI> [--json]

Shows one stored paper: takeaway, study type, evidence level, key numbers with the sentence
each came from, and the abstract.

  --json      print { paper, summary, blocks } (blocks: the Slack Block Kit view)
  -h, --help  show this help`;

export const paperCommand: CliCommand = {
  name: 'paper',
  summary: 'paper <PMID|DOI>: one stored paper with its takeaway and key numbers',
  help: HELP,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, {}, EXAMPLE);
    if (values.help) return context.io.stdout(`${HELP}\n`);
    if (positionals.length !== 1) throw new InvalidInputError('Give one PMID or DOI.', EXAMPLE);
    const reference = readReference(positionals[0] as string);
    await context.withStore(async (store) => {
      const paper = await findPaper(store, reference);
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

async function findPaper(store: Store, reference: { kind: string; value: string }): Promise<Paper> {
  if (reference.kind !== 'pmid' && reference.kind !== 'doi') {
    throw new InvalidInputError('The command line looks papers up by PMID or DOI.', EXAMPLE);
  }
  const keys = reference.kind === 'pmid' ? { pmid: reference.value } : { doi: reference.value };
  const id = await store.papers.findId(keys);
  const paper = id ? await store.papers.get(id) : undefined;
  if (!paper) {
    const name = reference.kind === 'pmid' ? `PMID ${reference.value}` : `DOI ${reference.value}`;
    throw new InvalidInputError(
      `${name} is not in the local store; ingest it first.`,
      'tbdigest ingest --file <pubmed.xml>',
    );
  }
  return paper;
}
