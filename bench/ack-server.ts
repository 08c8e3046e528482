import { loadConfig } from '../src/config/index.js';
import { defaultProfile, parseTopic } from '../src/digest/profile.js';
import { createLogger } from '../src/log.js';
import { createSlackApp } from '../src/slack/app.js';
import { openBenchCorpus } from './corpus.js';
import { TOPIC_TERMS } from './generate/vocabulary.js';
import { benchSlackDeps } from './slack-deps.js';

const BENCH_TOPICS = TOPIC_TERMS.slice(0, 3);

/**
 * Child process of the acknowledgement benchmark: the real Bolt HTTP receiver over a
 * synthetic corpus. Runs apart from the load generator so the client's own work never
 * delays the server's event loop. Prints `{"port":…,"answers":true}` on stdout when ready.
 */
const config = loadConfig(process.env);
const logger = createLogger({ level: config.logLevel, pretty: false });
const corpus = await openBenchCorpus(Number(process.env.BENCH_PAPERS ?? 10_000), new Date(), {
  dataDir: process.env.BENCH_DATA_DIR,
});
// The fairness bench previews a digest for this channel while another user searches.
if (process.env.BENCH_PREVIEW_CHANNEL) {
  const profile = defaultProfile(process.env.BENCH_PREVIEW_CHANNEL, 'bench-board', config, new Date());
  await corpus.store.channels.put({ ...profile, topics: BENCH_TOPICS.map(parseTopic) });
}
const deps = await benchSlackDeps(config, corpus.store, logger);
// How long the search behind each command took, to tell search cost from receiver overhead.
const searchMs: number[] = [];
const search = deps.searchPapers;
deps.searchPapers = async (query, limit) => {
  const start = performance.now();
  try {
    return await search(query, limit);
  } finally {
    searchMs.push(performance.now() - start);
  }
};
// A preview with a model configured waits on the model for each item; the bench stands in a
// fixed wait for that, so the fairness figures reflect a preview that waits on I/O.
const modelWaitMs = Number(process.env.BENCH_PREVIEW_MODEL_WAIT_MS ?? 0);
if (modelWaitMs > 0) {
  const preview = deps.previewDigest;
  deps.previewDigest = async (profile, now) => {
    const digest = await preview(profile, now);
    await new Promise((resolve) => setTimeout(resolve, modelWaitMs));
    return digest;
  };
}
const slack = createSlackApp(config, deps);
const port = await slack.start();
process.stdout.write(`${JSON.stringify({ port, answers: true })}\n`);
process.on('SIGTERM', () => {
  process.stdout.write(`${JSON.stringify({ searchMs })}\n`);
  void slack.stop().finally(() => process.exit(0));
});
