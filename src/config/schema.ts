import { z } from 'zod';

const wholeNumber = (name: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `${name} must be a whole number between ${min} and ${max}`)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, `${name} must be a whole number between ${min} and ${max}`)
        .max(max, `${name} must be a whole number between ${min} and ${max}`),
    );

const positiveNumber = (name: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, `${name} must be a non-negative number`)
    .transform(Number);

const url = (name: string) =>
  z
    .string()
    .trim()
    .refine((value) => /^https?:\/\//.test(value) && URL.canParse(value), `${name} must be an http(s) URL`)
    .transform((value) => value.replace(/\/+$/, ''));

const flag = (name: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => ['1', '0', 'true', 'false', 'yes', 'no'].includes(v), `${name} must be true or false`)
    .transform((v) => ['1', 'true', 'yes'].includes(v));

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/** Every environment variable the app reads; `.env.example` documents each one. */
export const envSchema = z.object({
  NODE_ENV: optional(z.enum(['development', 'production', 'test'])),
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  DATA_DIR: optional(z.string().trim()),
  REDIS_URL: optional(
    z
      .string()
      .trim()
      .refine((v) => /^rediss?:\/\//.test(v), 'REDIS_URL must start with redis:// or rediss://'),
  ),

  SLACK_BOT_TOKEN: optional(
    z
      .string()
      .trim()
      .regex(/^xoxb-/, 'SLACK_BOT_TOKEN must be a bot token starting with xoxb-'),
  ),
  SLACK_SIGNING_SECRET: optional(
    z
      .string()
      .trim()
      .regex(/^[0-9a-f]{16,}$/i, 'SLACK_SIGNING_SECRET must be the hex signing secret from the app settings'),
  ),
  SLACK_APP_TOKEN: optional(
    z
      .string()
      .trim()
      .regex(/^xapp-/, 'SLACK_APP_TOKEN must be an app-level token starting with xapp-'),
  ),
  SLACK_API_URL: optional(url('SLACK_API_URL')),
  PORT: optional(wholeNumber('PORT', 1, 65535)),
  ADMIN_USER_IDS: optional(z.string().trim()),

  NCBI_EUTILS_URL: optional(url('NCBI_EUTILS_URL')),
  NCBI_API_KEY: optional(
    z
      .string()
      .trim()
      .regex(/^[0-9a-f]{20,}$/i, 'NCBI_API_KEY must be the hex key from your NCBI account'),
  ),
  NCBI_TOOL: optional(z.string().trim().regex(/^\S+$/, 'NCBI_TOOL must be one word without spaces')),
  NCBI_EMAIL: optional(z.email('NCBI_EMAIL must be an email address')),
  EUROPEPMC_URL: optional(url('EUROPEPMC_URL')),
  BIORXIV_URL: optional(url('BIORXIV_URL')),
  CLINICALTRIALS_URL: optional(url('CLINICALTRIALS_URL')),
  FEED_TIMEOUT_MS: optional(wholeNumber('FEED_TIMEOUT_MS', 100, 600_000)),
  FEED_MAX_BYTES: optional(wholeNumber('FEED_MAX_BYTES', 1024, 500_000_000)),
  ALLOW_PRIVATE_FEED_URLS: optional(flag('ALLOW_PRIVATE_FEED_URLS')),
  LIVE_LOOKUPS: optional(flag('LIVE_LOOKUPS')),

  OPENAI_API_KEY: optional(z.string().trim().min(1)),
  OPENAI_BASE_URL: optional(url('OPENAI_BASE_URL')),
  OPENAI_MODEL: optional(z.string().trim().min(1)),
  OPENAI_EMBEDDING_MODEL: optional(z.string().trim().min(1)),
  LLM_MAX_TOKENS_PER_DIGEST: optional(wholeNumber('LLM_MAX_TOKENS_PER_DIGEST', 0, 10_000_000)),
  LLM_CONCURRENCY: optional(wholeNumber('LLM_CONCURRENCY', 1, 64)),
  LLM_TIMEOUT_MS: optional(wholeNumber('LLM_TIMEOUT_MS', 1000, 600_000)),
  LLM_PRICE_INPUT_PER_MTOK: optional(positiveNumber('LLM_PRICE_INPUT_PER_MTOK')),
  LLM_PRICE_OUTPUT_PER_MTOK: optional(positiveNumber('LLM_PRICE_OUTPUT_PER_MTOK')),

  DIGEST_TOP_N: optional(wholeNumber('DIGEST_TOP_N', 1, 20)),
  DIGEST_CATCHUP_GRACE_HOURS: optional(wholeNumber('DIGEST_CATCHUP_GRACE_HOURS', 0, 24 * 14)),
  DEFAULT_TIMEZONE: optional(
    z
      .string()
      .trim()
      .refine(isTimeZone, 'DEFAULT_TIMEZONE must be an IANA time zone such as America/Chicago'),
  ),
  QA_RATE_LIMIT_PER_MINUTE: optional(wholeNumber('QA_RATE_LIMIT_PER_MINUTE', 1, 1000)),
  BOARD_BRIEF_LEAD_HOURS: optional(wholeNumber('BOARD_BRIEF_LEAD_HOURS', 1, 24 * 7)),

  DELIVERY_LEASE_SECONDS: optional(wholeNumber('DELIVERY_LEASE_SECONDS', 3, 3600)),
  DELIVERY_SWEEP_SECONDS: optional(wholeNumber('DELIVERY_SWEEP_SECONDS', 1, 3600)),
  SHUTDOWN_DRAIN_SECONDS: optional(wholeNumber('SHUTDOWN_DRAIN_SECONDS', 0, 600)),
  LIT_CONCURRENCY: optional(wholeNumber('LIT_CONCURRENCY', 1, 64)),
  THREAD_MEMORY_DAYS: optional(wholeNumber('THREAD_MEMORY_DAYS', 0, 3650)),
});

export type Env = z.infer<typeof envSchema>;

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return name.includes('/') || name === 'UTC';
  } catch {
    return false;
  }
}
