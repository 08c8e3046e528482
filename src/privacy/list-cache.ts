import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Word lists drawn from several packages take a second or more to build (loading faker's
 * locales, compromise, 135k towns); each process that redacts would pay it. They are built
 * once and kept as one JSON file in the system's temp folder, keyed by the building modules'
 * sources and the packages' versions, so any change to either builds them afresh.
 */

const CACHE_DIR = path.join(tmpdir(), 'tbdigest-phi-lists');
const require = createRequire(import.meta.url);

export type WordLists = Record<string, string[]>;

export function cachedWordLists(
  builder: string | string[],
  packages: string[],
  build: () => WordLists,
  dir = CACHE_DIR,
): WordLists {
  const file = path.join(dir, `${cacheKey(builder, packages)}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as WordLists;
  } catch {
    const lists = build();
    // A cache that cannot be written (read-only temp folder) only costs time.
    try {
      mkdirSync(dir, { recursive: true });
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, JSON.stringify(lists));
      renameSync(partial, file);
    } catch {}
    return lists;
  }
}

/** The building modules' sources and the versions of the packages they read. */
function cacheKey(builder: string | string[], packages: string[]): string {
  const hash = createHash('sha256');
  for (const module of [builder].flat()) hash.update(readFileSync(fileURLToPath(module), 'utf8'));
  for (const name of packages) hash.update(`${name}@${packageVersion(name)}`);
  return hash.digest('hex').slice(0, 24);
}

/** A package's version from its package.json, found above its entry point (some packages do not export it). */
function packageVersion(name: string): string {
  try {
    let dir = path.dirname(require.resolve(name));
    while (dir !== path.dirname(dir)) {
      try {
        const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
          name?: string;
          version?: string;
        };
        if (manifest.name === name) return manifest.version ?? 'unknown';
      } catch {}
      dir = path.dirname(dir);
    }
  } catch {}
  return 'unknown';
}
