import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema, loadConfig } from '../src/config/config.ts';
import { ConfigError } from '../src/errors.ts';

describe('configuration', () => {
  it('starts with defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe('sqlite:./data/briefbot.db');
    expect(config.TZ_DEFAULT).toBe('Asia/Tokyo');
    expect(config.MOF_BASE_URL).toBe('https://www.mof.go.jp');
    expect(config.NEWS_FEEDS).toEqual([]);
  });

  it('takes a variable set to nothing as unset, so it keeps its default', () => {
    const blank = Object.fromEntries(Object.keys(configSchema.shape).map((key) => [key, '']));
    expect(loadConfig(blank)).toEqual(loadConfig({}));
    expect(loadConfig({ PORT: ' ', OPENAI_DAILY_TOKEN_BUDGET: '' })).toMatchObject({
      PORT: 3000,
      OPENAI_DAILY_TOKEN_BUDGET: 200_000,
    });
  });

  it('reports every bad variable at once', () => {
    const attempt = () =>
      loadConfig({ PORT: 'eighty', TZ_DEFAULT: 'Mars/Olympus', MOF_BASE_URL: 'ftp://x', LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      for (const key of ['PORT', 'TZ_DEFAULT', 'MOF_BASE_URL', 'LOG_LEVEL']) expect(problems).toContain(key);
    }
  });

  it('strips a trailing slash from base URLs so paths join cleanly', () => {
    expect(loadConfig({ KRAKEN_BASE_URL: 'http://127.0.0.1:9999/' }).KRAKEN_BASE_URL).toBe(
      'http://127.0.0.1:9999',
    );
  });

  it('lists exactly the schema variables in .env.example, each with the schema default', () => {
    const lines = readFileSync(new URL('../.env.example', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line));
    const example = Object.fromEntries(
      lines.map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
    );
    expect(Object.keys(example).sort()).toEqual(Object.keys(configSchema.shape).sort());
    expect(loadConfig(example)).toEqual(loadConfig({}));
  });
});
