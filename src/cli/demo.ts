import { demoProfile } from '../digest/profile.js';
import { loadDemoCorpus } from '../ingest/demo-corpus.js';
import { answerQuestion } from '../qa/answer.js';
import { renderDigestBlocks } from '../slack/blocks/digest.js';
import type { Store } from '../store/index.js';
import { parseCommandArgs } from './args.js';
import type { CliCommand } from './command.js';
import type { CliContext } from './context.js';
import {
  type DemoCorpusMarker,
  demoWindowStart,
  readDemoCorpusMarker,
  writeDemoCorpusMarker,
} from './demo-corpus.js';
import { previewDigest } from './preview-digest.js';
import { createProgress } from './progress.js';
import { renderAnswerText, renderDigestText } from './render-terminal.js';
import { llmClientFor } from './summarizer.js';

/** The sample thread question the demo answers from the corpus, with a verbatim quote. */
export const DEMO_QUESTION = 'What is the relapse rate after HSCT for JMML?';

const HELP = `Usage: tbdigest demo [--json]

Offline, no keys needed. Loads the bundled demo corpus (1,000 PubMedQA abstracts, the JMML
case report, PubMed and preprint samples) into the store under DATA_DIR (default ./data),
prints the digest #heme-malignancies would get this week, and answers one sample question
with a cited quote. Running it again reuses the stored corpus; nothing is marked delivered.

  --json      print the digest as Slack Block Kit and the answer as JSON
  -h, --help  show this help`;

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'load the demo corpus, print this week’s digest for #heme-malignancies, answer a question',
  help: HELP,
  async run(args, context) {
    const { values } = parseCommandArgs(args, {}, 'tbdigest demo');
    if (values.help) return context.io.stdout(`${HELP}\n`);
    const now = context.io.now();
    await context.withStore(async (store) => {
      const marker = await ensureDemoCorpus(store, context, now);
      const profile = demoProfile(now);
      const digest = await previewDigest(context, store, profile, now, demoWindowStart(marker, now));
      const index = await context.openIndex(store);
      const answer = await answerQuestion(
        { store, index, llm: llmClientFor(context, store), logger: context.logger },
        { question: DEMO_QUESTION },
      );
      if (values.json) {
        const blocks = renderDigestBlocks(digest, { channelName: profile.name });
        context.io.stdout(`${JSON.stringify({ digest: blocks, answer }, null, 2)}\n`);
        return;
      }
      context.io.stdout(renderDigestText(digest, { channelName: profile.name, topics: profile.topics }));
      context.io.stdout(`\nA question asked in the digest thread:\n\n${renderAnswerText(answer)}`);
    });
  },
};

async function ensureDemoCorpus(store: Store, context: CliContext, now: Date): Promise<DemoCorpusMarker> {
  const existing = await readDemoCorpusMarker(store);
  if (existing) {
    context.io.stderr(
      `Reusing the demo corpus loaded ${existing.loadedAt} (${existing.papers.toLocaleString('en-US')} papers) in ${context.config.dataDir}\n`,
    );
    return existing;
  }
  const progress = createProgress({
    label: 'Loading the demo corpus',
    unit: 'papers',
    write: context.io.stderr,
    isTTY: context.io.isTTY,
  });
  const summary = await loadDemoCorpus(store, {
    now,
    logger: context.logger,
    onProgress: ({ papersSeen, filesDone, filesTotal }) =>
      progress.update(papersSeen, filesDone / filesTotal),
  });
  progress.finish(summary.papersRead);
  context.io.stderr(
    `Stored ${summary.added.toLocaleString('en-US')} papers (${summary.merged + summary.unchanged} duplicates across sources merged)\n`,
  );
  const marker = { loadedAt: now.toISOString(), papers: summary.added };
  await writeDemoCorpusMarker(store, marker);
  return marker;
}
