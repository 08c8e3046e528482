import { loadConfig } from '../src/config/index.js';
import { createLogger } from '../src/log.js';
import { createSlackApp } from '../src/slack/app.js';
import { openBenchCorpus } from './corpus.js';
import { benchSlackDeps } from './slack-deps.js';

/**
 * Child process of the acknowledgement benchmark: the real Bolt HTTP receiver over a
 * synthetic corpus. Runs apart from the load generator so the client's own work never
 * delays the server's event loop. Prints `{"port":…,"answers":true}` on stdout when ready.
 */
const config = loadConfig(process.env);
const logger = createLogger({ level: config.logLevel, pretty: false });
const corpus = await openBenchCorpus(Number(process.env.BENCH_PAPERS ?? 10_000), new Date());
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
const slack = createSlackApp(config, deps);
const port = await slack.start();
process.stdout.write(`${JSON.stringify({ port, answers: true })}\n`);
process.on('SIGTERM', () => {
  process.stdout.write(`${JSON.stringify({ searchMs })}\n`);
  void slack.stop().finally(() => process.exit(0));
});
