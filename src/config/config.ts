import { z } from 'zod';
import { ConfigError } from '../errors.ts';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const baseUrl = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .transform((v) => (v === '' ? fallback : v))
    .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }))
    .transform((v) => v.replace(/\/+$/, ''));

const idList = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

const timeZone = z
  .string()
  .default('Asia/Tokyo')
  .refine(isTimeZone, { error: 'must be an IANA time zone such as Asia/Tokyo' });

/**
 * Every environment variable briefbot reads, with its default. `.env.example` mirrors this list line
 * by line; `test/config.test.ts` checks that they agree.
 */
export const configSchema = z.object({
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: baseUrl('https://slack.com/api'),
  SLACK_MANAGER_IDS: idList,
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText,
  DISCORD_PUBLIC_KEY: optionalText,
  DISCORD_API_URL: baseUrl('https://discord.com/api'),
  DISCORD_MANAGER_ROLE_ID: optionalText,
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalText.pipe(z.url({ error: 'must be a URL' }).optional()),
  OPENAI_MODEL: z.string().trim().default('gpt-4o-mini'),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  OPENAI_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  OPENAI_DAILY_TOKEN_BUDGET: z.coerce.number().int().min(0).default(200_000),
  DATABASE_URL: z
    .string()
    .default('sqlite:./data/briefbot.db')
    .refine((v) => /^(sqlite:|postgres(ql)?:\/\/)/.test(v), {
      error: 'must start with sqlite: or postgres://',
    }),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  MOF_BASE_URL: baseUrl('https://www.mof.go.jp'),
  TREASURY_BASE_URL: baseUrl('https://home.treasury.gov'),
  FRED_BASE_URL: baseUrl('https://fred.stlouisfed.org'),
  GOLDAPI_BASE_URL: baseUrl('https://api.gold-api.com'),
  SWISSQUOTE_BASE_URL: baseUrl('https://forex-data-feed.swissquote.com'),
  YAHOO_BASE_URL: baseUrl('https://query1.finance.yahoo.com'),
  KRAKEN_BASE_URL: baseUrl('https://api.kraken.com'),
  BINANCE_BASE_URL: baseUrl('https://data-api.binance.vision'),
  COINGECKO_BASE_URL: baseUrl('https://api.coingecko.com'),
  COINGECKO_API_KEY: optionalText,
  NEWS_FEEDS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/, error: 'each feed must be an http(s) URL' }))),
  TZ_DEFAULT: timeZone,
  /** A scheduled brief more than this late (the bot was down) is recorded as missed, not sent. */
  DIGEST_GRACE_MINUTES: z.coerce.number().int().min(1).max(1_440).default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SOURCE_TIMEOUT_MS: z.coerce.number().int().positive().default(8_000),
  SIGMA_WINDOW_DAYS: z.coerce.number().int().min(10).max(1_000).default(60),
});

export type Config = z.infer<typeof configSchema>;

/**
 * Reads the configuration once; every bad variable is reported at once, not one per restart. A
 * variable set to nothing (`PORT=` in a `.env` file) counts as unset and takes its default.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const known = Object.fromEntries(
    Object.keys(configSchema.shape).map((key) => [key, env[key]?.trim() === '' ? undefined : env[key]]),
  );
  const result = configSchema.safeParse(known);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(problems);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Names of variables whose values are secrets: never logged, never echoed. */
export const SECRET_KEYS = [
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'DISCORD_TOKEN',
  'DISCORD_PUBLIC_KEY',
  'OPENAI_API_KEY',
  'COINGECKO_API_KEY',
  'DATABASE_URL',
] as const satisfies readonly (keyof Config)[];
