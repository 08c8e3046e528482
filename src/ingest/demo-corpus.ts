import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../log.js';
import type { Store } from '../store/index.js';
import { readPapersFromFile } from './file.js';
import { ingestPapers } from './ingest.js';

/** Read in this order so the richer sources (PubMed, Europe PMC) arrive after PubMedQA and merge into it. */
const DEMO_FOLDERS = ['pubmedqa', 'pubmed', 'europepmc', 'preprints', 'feeds', 'pages'];

export interface DemoProgress {
  file: string;
  filesDone: number;
  filesTotal: number;
  papersSeen: number;
}

export interface DemoSummary {
  files: number;
  papersRead: number;
  added: number;
  merged: number;
  unchanged: number;
}

export interface DemoOptions {
  now: Date;
  logger: Logger;
  onProgress?: (progress: DemoProgress) => void;
  /** Defaults to the `fixtures/` folder shipped with the project. */
  fixturesDir?: string;
}

/**
 * Ingests the bundled demo corpus offline: PubMedQA's 1,000 abstracts, the PubMed, Europe
 * PMC and preprint samples, the feeds (with the JMML case report as a feed item) and the
 * JMML page text, all with `ingestedAt = now` so they are this week's papers. Sources
 * overlap on purpose; the merge leaves one record per paper. Safe to run twice.
 */
export async function loadDemoCorpus(store: Store, options: DemoOptions): Promise<DemoSummary> {
  const root = options.fixturesDir ?? defaultFixturesDir();
  const files = (
    await Promise.all(
      DEMO_FOLDERS.map(async (folder) => {
        const dir = path.join(root, folder);
        if (!existsSync(dir)) return [];
        return (await readdir(dir)).sort().map((name) => path.join(dir, name));
      }),
    )
  ).flat();
  const summary: DemoSummary = { files: files.length, papersRead: 0, added: 0, merged: 0, unchanged: 0 };
  for (const [index, file] of files.entries()) {
    const { papers } = await readPapersFromFile(file, { now: options.now });
    const stored = await ingestPapers(store, papers, { now: options.now, logger: options.logger });
    summary.papersRead += papers.length;
    summary.added += stored.added;
    summary.merged += stored.merged;
    summary.unchanged += stored.unchanged;
    options.onProgress?.({
      file: path.relative(root, file),
      filesDone: index + 1,
      filesTotal: files.length,
      papersSeen: summary.papersRead,
    });
  }
  options.logger.info({ ...summary }, 'demo corpus loaded');
  return summary;
}

/** The project's `fixtures/` folder, found from this module whether it runs from src/ or dist/. */
function defaultFixturesDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth++) {
    const candidate = path.join(dir, 'fixtures');
    if (existsSync(path.join(candidate, 'pubmedqa'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('The demo fixtures folder was not found next to the project.');
}
