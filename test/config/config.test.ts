import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { envSchema } from '../../src/config/schema.js';
import { ConfigError } from '../../src/errors.js';

describe('loadConfig', () => {
  it('runs with no variables at all, on SQLite, without Slack or OpenAI', () => {
    const config = loadConfig({});
    expect(config.redisUrl).toBeUndefined();
    expect(config.llm.apiKey).toBeUndefined();
    expect(config.digest.topN).toBe(5);
    expect(config.slack.apiUrl).toBe('https://slack.com/api/');
  });

  it('explains a bad top N in words a user can act on', () => {
    expect(() => loadConfig({ DIGEST_TOP_N: 'abc' })).toThrow(
      'DIGEST_TOP_N must be a whole number between 1 and 20',
    );
    expect(() => loadConfig({ DIGEST_TOP_N: '50' })).toThrow(ConfigError);
  });

  it('lists every invalid variable at once', () => {
    try {
      loadConfig({ PORT: '99999', SLACK_BOT_TOKEN: 'xoxp-user', DEFAULT_TIMEZONE: 'Mars/Olympus' });
      expect.unreachable();
    } catch (error) {
      const message = (error as ConfigError).userMessage;
      expect(message).toContain('PORT must be a whole number between 1 and 65535');
      expect(message).toContain('SLACK_BOT_TOKEN must be a bot token starting with xoxb-');
      expect(message).toContain('DEFAULT_TIMEZONE must be an IANA time zone');
    }
  });

  it('never echoes a secret value in its error', () => {
    try {
      loadConfig({ SLACK_SIGNING_SECRET: 'not-hex-secret-value' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).userMessage).not.toContain('not-hex-secret-value');
    }
  });

  it('treats an OpenAI-compatible base URL alone as enabling the model path', () => {
    const config = loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1/' });
    expect(config.llm.baseUrl).toBe('http://127.0.0.1:8080/v1');
    expect(config.llm.apiKey).toBeDefined();
  });

  it('documents every variable it reads in .env.example', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    for (const name of Object.keys(envSchema.shape)) expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
  });
});
