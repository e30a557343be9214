/** Service settings, read once from the environment (DESIGN §4) and validated like any input. */
import path from 'node:path';
import { z } from 'zod';
import { toFieldErrors } from '../shared/schemas';

export type AppConfig = {
  /** Base URL put in survey links. */
  publicUrl: string;
  /** Requests per minute per token; 0 turns the limit off (benchmarks do). */
  rateLimitPerMinute: number;
  /**
   * Survey page requests per minute per address, and per link; 0 turns that one off. The
   * service-wide `rateLimitPerMinute = 0` turns these off too (benchmarks and tests rely on it).
   */
  surveyRateLimitPerAddress: number;
  surveyRateLimitPerLink: number;
  /** Origins allowed by CORS besides the extension's own (chrome-extension://, moz-extension://). */
  corsOrigins: string[];
  /** Largest request body accepted, in bytes. */
  bodyLimitBytes: number;
  /** Days after a talk ends before its survey is due (7–14). */
  surveyDelayDays: number;
  /** Days a survey link stays open after it is due. */
  surveyTtlDays: number;
  version: string;
};

export type ServiceConfig = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** The PostgreSQL schema that holds the store's tables (`TANDEM_PG_SCHEMA`, default `public`). */
  pgSchema: string;
  bootstrapToken?: string;
  app: AppConfig;
};

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  TANDEM_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().min(1).optional(),
  TANDEM_PG_SCHEMA: z
    .string()
    .regex(
      /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/,
      'must be a plain PostgreSQL identifier (letters, digits, _; at most 63)',
    )
    .default('public'),
  TANDEM_PUBLIC_URL: z.url().optional(),
  TANDEM_BOOTSTRAP_TOKEN: z.string().min(22, 'must be at least 22 characters (128 bits)').optional(),
  TANDEM_CORS_ORIGINS: z.string().default(''),
  TANDEM_RATE_LIMIT: z.coerce.number().int().min(0).default(600),
  TANDEM_SURVEY_RATE_LIMIT: z.coerce.number().int().min(0).default(120),
  TANDEM_SURVEY_LINK_RATE_LIMIT: z.coerce.number().int().min(0).default(20),
  TANDEM_BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1_024)
    .default(5 * 1024 * 1024),
  TANDEM_SURVEY_DELAY_DAYS: z.coerce.number().int().min(7).max(14).default(7),
  TANDEM_SURVEY_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
});

export const VERSION = '0.1.0';

export function defaultAppConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    publicUrl: 'http://127.0.0.1:8787',
    rateLimitPerMinute: 600,
    surveyRateLimitPerAddress: 120,
    surveyRateLimitPerLink: 20,
    corsOrigins: [],
    bodyLimitBytes: 5 * 1024 * 1024,
    surveyDelayDays: 7,
    surveyTtlDays: 30,
    version: VERSION,
    ...overrides,
  };
}

/** Throws an Error naming each bad variable, so a typo fails the start instead of being ignored. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = toFieldErrors(parsed.error).map((e) => `  ${e.path}: ${e.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const listenHost = e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.TANDEM_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    pgSchema: e.TANDEM_PG_SCHEMA,
    bootstrapToken: e.TANDEM_BOOTSTRAP_TOKEN,
    app: defaultAppConfig({
      publicUrl: (e.TANDEM_PUBLIC_URL ?? `http://${listenHost}:${e.PORT}`).replace(/\/$/, ''),
      rateLimitPerMinute: e.TANDEM_RATE_LIMIT,
      surveyRateLimitPerAddress: e.TANDEM_SURVEY_RATE_LIMIT,
      surveyRateLimitPerLink: e.TANDEM_SURVEY_LINK_RATE_LIMIT,
      corsOrigins: e.TANDEM_CORS_ORIGINS.split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      bodyLimitBytes: e.TANDEM_BODY_LIMIT,
      surveyDelayDays: e.TANDEM_SURVEY_DELAY_DAYS,
      surveyTtlDays: e.TANDEM_SURVEY_TTL_DAYS,
    }),
  };
}
