import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { DockerfileParser } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { imageCommand, ROOT } from '../../bench/built-app.js';
import { loadConfig } from '../../src/config/index.js';

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

interface ComposeService {
  deploy?: { replicas?: number };
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition?: string }>;
  command?: string[];
  volumes?: string[];
  stop_grace_period?: string;
  healthcheck?: { test?: string[] };
}

/**
 * No Docker engine on the build machines: the files are checked with parsers. compose.yaml
 * against the Compose Specification's own JSON Schema (what `docker compose config` applies),
 * the Dockerfile with dockerfile-ast; the start command the image runs is run by start.test.ts.
 */
describe('container deployment files', () => {
  const compose = parse(read('compose.yaml')) as { services: Record<string, ComposeService> };

  it('compose.yaml is valid against the Compose Specification schema', () => {
    const { $schema: _draft07, ...schema } = JSON.parse(read('test/fixtures/deploy/compose-spec.json')) as {
      $schema: string;
    };
    // Ajv's default draft is 07, the schema's; it names it by an https URL Ajv does not register.
    const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
    expect(validate(compose), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('compose.yaml runs two app replicas on one Redis with AOF persistence on a volume', () => {
    const { app, redis } = compose.services;
    expect(app?.deploy?.replicas).toBe(2);
    expect(app?.environment?.REDIS_URL).toBe('redis://redis:6379');
    expect(app?.depends_on?.redis?.condition).toBe('service_healthy');
    expect(redis?.command?.join(' ')).toContain('--appendonly yes');
    expect(redis?.volumes?.some((volume) => volume.endsWith(':/data'))).toBe(true);
    expect(loadConfig({ REDIS_URL: app?.environment?.REDIS_URL }).redisUrl).toBe('redis://redis:6379');
  });

  it('gives the app longer to stop than its drain deadline', () => {
    const grace = Number(/^(\d+)s$/.exec(compose.services.app?.stop_grace_period ?? '')?.[1]);
    expect(grace * 1000).toBeGreaterThan(loadConfig({}).delivery.drainMs);
  });

  it('the Dockerfile builds in one stage and runs as a non-root user in another, with a /healthz check', () => {
    const dockerfile = DockerfileParser.parse(read('Dockerfile'));
    const stages = dockerfile.getFROMs();
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const runtimeStart = stages.at(-1)?.getRange().start.line ?? 0;
    const runtime = dockerfile.getInstructions().filter((i) => i.getRange().start.line > runtimeStart);
    const users = runtime.filter((i) => i.getKeyword() === 'USER').map((i) => i.getArgumentsContent());
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    expect(
      runtime.some((i) => i.getKeyword() === 'COPY' && i.getTextContent().includes('--from=build')),
    ).toBe(true);
    const healthcheck = dockerfile.getHEALTHCHECKs().at(-1)?.getTextContent() ?? '';
    expect(healthcheck).toContain('/healthz');
  });

  it('the image carries the data folders the app reads at run time: prompts and the clinical vocabulary', () => {
    const dockerfile = DockerfileParser.parse(read('Dockerfile'));
    const runtimeStart = dockerfile.getFROMs().at(-1)?.getRange().start.line ?? 0;
    const copied = dockerfile
      .getInstructions()
      .filter((i) => i.getRange().start.line > runtimeStart && i.getKeyword() === 'COPY')
      .map((i) => i.getArgumentsContent() ?? '');
    for (const folder of ['prompts', 'vocabulary'])
      expect(copied.some((args) => args.includes(`${folder} `))).toBe(true);
  });

  it('the image runs node on the compiled app, exactly as npm start does (no npm, no tsx)', () => {
    const pkg = JSON.parse(read('package.json')) as {
      scripts: Record<string, string>;
      engines: { node: string };
    };
    expect(imageCommand()).toEqual(['node', 'dist/index.js']);
    expect(pkg.scripts.start).toBe(imageCommand().join(' '));
    // process.loadEnvFile, used by src/index.ts, arrived in Node 20.12.
    expect(pkg.engines.node).toBe('>=20.12');
  });

  it('.dockerignore keeps secrets, local data and dependencies out of the build context', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim());
    for (const entry of ['.env', 'node_modules', 'data', '*.sqlite', '.git'])
      expect(ignored).toContain(entry);
  });
});
