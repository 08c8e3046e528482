import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../errors.js';

/**
 * Prompts are files in `prompts/`, so a clinician or reviewer can read and diff them:
 *
 *     version: 3
 *     ## system
 *     One instruction per line.
 *     ## user
 *     <paper>
 *     {{paper_text}}
 *     </paper>
 *
 * The first line is `version: <n>` (or a front-matter block `---` / `version: <n>` / `---`).
 * `## system` and `## user` lines split the messages; without them the whole body is the user
 * message. `{{name}}` placeholders are filled by code, and the filled set must match the file's
 * exactly, so an edited prompt cannot silently lose the paper text or gain an unfilled hole.
 */

export const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

const PLACEHOLDER = /\{\{([a-z][a-z0-9_]*)\}\}/g;
const VERSION_LINE = /^version:\s*(\S+)\s*$/;
const SECTION_LINE = /^##\s+(system|user)\s*$/;

export interface Prompt {
  name: string;
  version: string;
  /** Hash of the whole file: any edit changes the prompt's cache identity, bumped version or not. */
  contentHash: string;
  system?: string;
  user: string;
  placeholders: string[];
}

export interface RenderedPrompt {
  system?: string;
  user: string;
}

/** Reads and parses `prompts/<name>.md`; a missing file or version line is a ConfigError. */
export async function loadPrompt(name: string, dir: string = DEFAULT_PROMPTS_DIR): Promise<Prompt> {
  if (!/^[a-z0-9-]+$/.test(name)) throw new ConfigError(`Prompt name "${name}" is not a plain file name.`);
  const file = path.join(dir, `${name}.md`);
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (cause) {
    throw new ConfigError(`Prompt file ${file} cannot be read.`, { cause });
  }
  return parsePrompt(name, source);
}

export function parsePrompt(name: string, source: string): Prompt {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const { version, bodyStart } = readVersion(name, lines);
  const sections = splitSections(lines.slice(bodyStart));
  const placeholders = [...new Set([...source.matchAll(PLACEHOLDER)].map((m) => m[1] as string))].sort();
  return {
    name,
    version,
    contentHash: createHash('sha256').update(source).digest('hex').slice(0, 16),
    system: sections.system,
    user: sections.user,
    placeholders,
  };
}

/** Fills every placeholder; a value the file does not use, or a placeholder left unfilled, is an error. */
export function renderPrompt(prompt: Prompt, vars: Record<string, string>): RenderedPrompt {
  const given = Object.keys(vars).sort();
  const missing = prompt.placeholders.filter((p) => !(p in vars));
  const unknown = given.filter((g) => !prompt.placeholders.includes(g));
  if (missing.length > 0 || unknown.length > 0) {
    const parts = [
      missing.length > 0 ? `not filled: ${missing.join(', ')}` : '',
      unknown.length > 0 ? `not in the file: ${unknown.join(', ')}` : '',
    ].filter(Boolean);
    throw new ConfigError(
      `Prompt ${prompt.name}.md placeholders do not match the code (${parts.join('; ')}).`,
    );
  }
  // One pass over the template, so a value containing "{{x}}" (paper text is data) is never expanded.
  const fill = (template: string) => template.replace(PLACEHOLDER, (_, key: string) => vars[key] ?? '');
  return { system: prompt.system === undefined ? undefined : fill(prompt.system), user: fill(prompt.user) };
}

function readVersion(name: string, lines: string[]): { version: string; bodyStart: number } {
  const first = lines[0]?.trim() ?? '';
  const direct = VERSION_LINE.exec(first);
  if (direct) return { version: direct[1] as string, bodyStart: 1 };
  if (first === '---') {
    const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
    const version = lines
      .slice(1, end)
      .map((line) => VERSION_LINE.exec(line.trim()))
      .find(Boolean);
    if (end > 0 && version) return { version: version[1] as string, bodyStart: end + 1 };
  }
  throw new ConfigError(`Prompt ${name}.md must start with a "version: <n>" line.`);
}

function splitSections(lines: string[]): { system?: string; user: string } {
  const buckets: Record<'system' | 'user', string[]> = { system: [], user: [] };
  let current: 'system' | 'user' | undefined;
  let sawSection = false;
  for (const line of lines) {
    const section = SECTION_LINE.exec(line.trim());
    if (section) {
      current = section[1] as 'system' | 'user';
      sawSection = true;
      continue;
    }
    buckets[current ?? 'user'].push(line);
  }
  const system = buckets.system.join('\n').trim();
  return { system: sawSection && system ? system : undefined, user: buckets.user.join('\n').trim() };
}
