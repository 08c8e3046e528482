import { InvalidInputError } from '../errors.js';
import { loadDemoCorpus } from '../ingest/demo-corpus.js';
import { answerQuestion } from '../qa/answer.js';
import { createLiveServices } from '../qa/live-services.js';
import type { Store } from '../store/index.js';
import { parseCommandArgs } from './args.js';
import type { CliCommand } from './command.js';
import type { CliContext } from './context.js';
import { writeDemoCorpusMarker } from './demo-corpus.js';
import { renderAnswerText } from './render-terminal.js';
import { llmClientFor } from './summarizer.js';

const EXAMPLE = 'tbdigest ask "What is the relapse rate after HSCT for JMML?"';

const HELP = `Usage: tbdigest ask "<question>" [--digest <id>] [--live] [--json]

Answers a question from the stored papers, as the app does in a digest thread: each claim
cited with a verbatim quote checked against the paper. Patient identifiers (names, MRNs,
dates of birth, phone numbers…) are removed before anything else sees the question. With
OPENAI_API_KEY or OPENAI_BASE_URL the answer is written by the model; otherwise the best
passages are quoted. An empty store gets the bundled demo corpus first.

  --digest <id>  search that digest's papers first ("C0123:2026-W48")
  --live         as the Slack app does: when the stored papers cannot answer, search PubMed
                 and Europe PMC now, and read open-access full text (needs the network)
  --json         print the answer as JSON
  -h, --help     show this help`;

export const askCommand: CliCommand = {
  name: 'ask',
  summary: 'ask "<question>": answer from the stored papers with verified quotes',
  help: HELP,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      { digest: { type: 'string' }, live: { type: 'boolean' } },
      EXAMPLE,
    );
    if (values.help) return context.io.stdout(`${HELP}\n`);
    const question = positionals.join(' ').trim();
    if (!question) throw new InvalidInputError('Give a question to answer.', EXAMPLE);
    await context.withStore(async (store) => {
      await loadDemoCorpusIfEmpty(store, context);
      if (values.digest && !(await store.digests.get(values.digest))) {
        throw new InvalidInputError(
          `No digest "${values.digest}" in this store.`,
          `${EXAMPLE} --digest C0123:2026-W48`,
        );
      }
      const index = await context.openIndex(store);
      const live = values.live ? createLiveServices(context.config, store, context.logger) : undefined;
      const answer = await answerQuestion(
        {
          store,
          index,
          llm: llmClientFor(context, store),
          logger: context.logger,
          pricing: {
            inputPerMTok: context.config.llm.priceInputPerMTok,
            outputPerMTok: context.config.llm.priceOutputPerMTok,
          },
          live: live?.lookup,
          fullText: live?.fullText,
        },
        { question, digestId: values.digest },
      );
      context.io.stdout(values.json ? `${JSON.stringify(answer, null, 2)}\n` : renderAnswerText(answer));
    });
  },
};

async function loadDemoCorpusIfEmpty(store: Store, context: CliContext): Promise<void> {
  if ((await store.papers.weeks()).length > 0) return;
  const now = context.io.now();
  context.io.stderr(`The store in ${context.config.dataDir} is empty; loading the demo corpus first.\n`);
  const summary = await loadDemoCorpus(store, { now, logger: context.logger });
  await writeDemoCorpusMarker(store, { loadedAt: now.toISOString(), papers: summary.added });
}
