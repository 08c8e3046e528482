import path from 'node:path';
import { ConfigError } from '../errors.js';
import { type Env, envSchema } from './schema.js';

export interface Config {
  env: 'development' | 'production' | 'test';
  logLevel: string;
  dataDir: string;
  redisUrl?: string;
  slack: {
    botToken?: string;
    signingSecret?: string;
    appToken?: string;
    apiUrl: string;
    port: number;
    adminUserIds: string[];
  };
  sources: {
    ncbiEutilsUrl: string;
    ncbiApiKey?: string;
    ncbiTool: string;
    ncbiEmail?: string;
    europePmcUrl: string;
    biorxivUrl: string;
    clinicalTrialsUrl: string;
    timeoutMs: number;
    maxBytes: number;
    /** Only for tests and local fakes: lets feed URLs point at loopback. */
    allowPrivateUrls: boolean;
    /**
     * The Slack app searches PubMed and Europe PMC when the stored papers cannot answer, and
     * fetches open-access full text for Q&A. The command line does so only when asked.
     */
    liveLookups: boolean;
  };
  llm: {
    apiKey?: string;
    baseUrl?: string;
    model: string;
    embeddingModel?: string;
    maxTokensPerDigest: number;
    concurrency: number;
    timeoutMs: number;
    priceInputPerMTok: number;
    priceOutputPerMTok: number;
  };
  digest: {
    topN: number;
    catchUpGraceHours: number;
    defaultTimezone: string;
  };
  qa: { rateLimitPerMinute: number };
  board: { briefLeadHours: number };
  delivery: {
    /** A claim's lease: a killed replica's post is resumed elsewhere this long after it died. */
    leaseMs: number;
    /** How often due digests and briefs are looked for (and dead replicas' posts resumed). */
    sweepMs: number;
    /** At shutdown, how long posts in flight may finish before their claims are freed. */
    drainMs: number;
  };
  /** `/lit` commands handled at once; one user's commands run one at a time. */
  litConcurrency: number;
  /** Days a Q&A thread remembers its turns (0: nothing is kept). */
  threadMemoryDays: number;
}

/** Reads and validates the environment once; every problem is listed in one ConfigError. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `- ${issue.message}`);
    throw new ConfigError(`Configuration is invalid:\n${lines.join('\n')}`);
  }
  return toConfig(parsed.data);
}

function toConfig(env: Env): Config {
  const llmBaseUrl = env.OPENAI_BASE_URL;
  return {
    env: env.NODE_ENV ?? 'development',
    logLevel: env.LOG_LEVEL ?? 'info',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    redisUrl: env.REDIS_URL,
    slack: {
      botToken: env.SLACK_BOT_TOKEN,
      signingSecret: env.SLACK_SIGNING_SECRET,
      appToken: env.SLACK_APP_TOKEN,
      apiUrl: ensureTrailingSlash(env.SLACK_API_URL ?? 'https://slack.com/api'),
      port: env.PORT ?? 3000,
      adminUserIds: (env.ADMIN_USER_IDS ?? '').split(/[\s,]+/).filter(Boolean),
    },
    sources: {
      ncbiEutilsUrl: env.NCBI_EUTILS_URL ?? 'https://eutils.ncbi.nlm.nih.gov/entrez/eutils',
      ncbiApiKey: env.NCBI_API_KEY,
      ncbiTool: env.NCBI_TOOL ?? 'tumor-board-digest',
      ncbiEmail: env.NCBI_EMAIL,
      europePmcUrl: env.EUROPEPMC_URL ?? 'https://www.ebi.ac.uk/europepmc/webservices/rest',
      biorxivUrl: env.BIORXIV_URL ?? 'https://api.biorxiv.org',
      clinicalTrialsUrl: env.CLINICALTRIALS_URL ?? 'https://clinicaltrials.gov/api/v2',
      timeoutMs: env.FEED_TIMEOUT_MS ?? 20_000,
      maxBytes: env.FEED_MAX_BYTES ?? 20 * 1024 * 1024,
      allowPrivateUrls: env.ALLOW_PRIVATE_FEED_URLS ?? false,
      liveLookups: env.LIVE_LOOKUPS ?? true,
    },
    llm: {
      // A base URL alone (a local OpenAI-compatible server) is enough to enable the LLM path.
      apiKey: env.OPENAI_API_KEY ?? (llmBaseUrl ? 'not-needed' : undefined),
      baseUrl: llmBaseUrl,
      model: env.OPENAI_MODEL ?? 'gpt-4o-mini',
      embeddingModel: env.OPENAI_EMBEDDING_MODEL,
      maxTokensPerDigest: env.LLM_MAX_TOKENS_PER_DIGEST ?? 60_000,
      concurrency: env.LLM_CONCURRENCY ?? 4,
      timeoutMs: env.LLM_TIMEOUT_MS ?? 30_000,
      priceInputPerMTok: env.LLM_PRICE_INPUT_PER_MTOK ?? 0.15,
      priceOutputPerMTok: env.LLM_PRICE_OUTPUT_PER_MTOK ?? 0.6,
    },
    digest: {
      topN: env.DIGEST_TOP_N ?? 5,
      catchUpGraceHours: env.DIGEST_CATCHUP_GRACE_HOURS ?? 24,
      defaultTimezone: env.DEFAULT_TIMEZONE ?? 'UTC',
    },
    qa: { rateLimitPerMinute: env.QA_RATE_LIMIT_PER_MINUTE ?? 6 },
    board: { briefLeadHours: env.BOARD_BRIEF_LEAD_HOURS ?? 24 },
    delivery: {
      leaseMs: (env.DELIVERY_LEASE_SECONDS ?? 20) * 1000,
      sweepMs: (env.DELIVERY_SWEEP_SECONDS ?? 15) * 1000,
      drainMs: (env.SHUTDOWN_DRAIN_SECONDS ?? 5) * 1000,
    },
    litConcurrency: env.LIT_CONCURRENCY ?? 4,
    threadMemoryDays: env.THREAD_MEMORY_DAYS ?? 14,
  };
}

function ensureTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
