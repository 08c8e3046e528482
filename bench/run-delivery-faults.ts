import { runDeliveryFaults } from './delivery-faults.js';

/**
 * `npm run bench:faults [runs]`: the exactly-once black box (bench/delivery-faults.ts), run
 * `runs` times (3 by default). Prints one line per run and exits non-zero if any run lost,
 * duplicated or delayed a post, or a replica failed to stop cleanly.
 */
const runs = Number(process.argv[2] ?? 3);
let failed = 0;
for (let run = 1; run <= runs; run++) {
  const result = await runDeliveryFaults((line) => process.stderr.write(`[faults ${run}/${runs}] ${line}\n`));
  if (!result.ok) failed += 1;
  const slowest = result.posts.reduce((a, b) =>
    (b.secondsToPost ?? 999) > (a.secondsToPost ?? 999) ? b : a,
  );
  process.stdout.write(
    `${JSON.stringify({
      run,
      ok: result.ok,
      posts: result.posts.length,
      duplicates: result.duplicates,
      missing: result.missing,
      maxSecondsToPost: result.maxSecondsToPost,
      slowest: `${slowest.kind} ${slowest.fault}`,
      sigtermExitMs: result.sigtermExitMs,
      finalExitCodes: result.finalExitCodes,
      logs: result.logsDir,
    })}\n`,
  );
  if (!result.ok) process.stdout.write(`${JSON.stringify(result.posts)}\n`);
}
process.stdout.write(`${runs - failed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
