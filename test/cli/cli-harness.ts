import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CliIo } from '../../src/cli/context.js';
import { runCli } from '../../src/cli.js';
import { openStore, type Store } from '../../src/store/index.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A temp DATA_DIR and an in-process `tbdigest` that writes into strings. */
export function createCliHarness(
  now = new Date('2026-11-25T12:00:00Z'),
  extraEnv: Record<string, string> = {},
) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tbdigest-cli-'));
  const env = { DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test', ...extraEnv };
  return {
    dataDir,
    async run(...argv: string[]): Promise<CliRun> {
      let stdout = '';
      let stderr = '';
      const io: CliIo = {
        stdout: (text) => {
          stdout += text;
        },
        stderr: (text) => {
          stderr += text;
        },
        env,
        isTTY: false,
        now: () => now,
      };
      const code = await runCli(argv, io);
      return { code, stdout, stderr };
    },
    /** Opens the harness store directly (close it before the next run). */
    openStore(): Promise<Store> {
      return openStore({ dataDir });
    },
    cleanup() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
