import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';

export const ROOT = path.resolve(import.meta.dirname, '..');

/** The image's CMD, in exec form: what every replica runs, and what these tests run. */
export function imageCommand(): string[] {
  const dockerfile = DockerfileParser.parse(readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'));
  const cmd = dockerfile.getCMDs().at(-1);
  if (!cmd) throw new Error('The Dockerfile has no CMD');
  return JSON.parse(cmd.getArgumentsContent() ?? '[]') as string[];
}

function newestUnder(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Runs `npm run build` when dist/ is missing or older than src/ (`.ci/run` builds first, so CI
 * finds it fresh; a developer's first `npm test` builds it once).
 */
export function ensureBuilt(): void {
  const entry = path.join(ROOT, 'dist/index.js');
  if (existsSync(entry) && statSync(entry).mtimeMs >= newestUnder(path.join(ROOT, 'src'))) return;
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
}

/** Starts the built app exactly as the image does (`node dist/index.js`), from the repository root. */
export function startBuiltApp(env: Record<string, string>, stdio: 'ignore' | 'pipe' = 'ignore') {
  const [command, ...args] = imageCommand();
  const child = spawn(command === 'node' ? process.execPath : (command as string), args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', stdio, 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}
