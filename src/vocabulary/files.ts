import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's `vocabulary/` data folder; src/ and dist/ both sit one level below the root. */
const VOCABULARY_DIR = fileURLToPath(new URL('../../vocabulary/', import.meta.url));

export function vocabularyFile(name: string): string {
  return path.join(VOCABULARY_DIR, name);
}
