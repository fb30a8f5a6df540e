import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

// Docker is not available where these tests run, so they check what can be checked without it:
// the files parse and the image starts the bot the same way `npm start` does.
describe('packaging', () => {
  it('starts the image with the same command as npm start', () => {
    const packageJson = JSON.parse(read('package.json')) as { scripts: { start: string } };
    const dockerfile = read('Dockerfile');
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1];
    expect(cmd).toBeDefined();
    expect((JSON.parse(cmd ?? '[]') as string[]).join(' ')).toBe(packageJson.scripts.start);
  });

  it('builds in stages, runs as a non-root user and declares a health check', () => {
    const dockerfile = read('Dockerfile');
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n.*\/healthz/m);
  });

  it('runs two bot instances against one PostgreSQL in the compose file', () => {
    const compose = parse(read('compose.yaml'), { merge: true }) as {
      services: Record<string, { environment?: Record<string, string>; image?: string }>;
    };
    const bots = Object.entries(compose.services).filter(([name]) => name.startsWith('bot-'));
    expect(bots).toHaveLength(2);
    for (const [, bot] of bots)
      expect(bot.environment?.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
    expect(compose.services.postgres?.image).toMatch(/^postgres:/);
  });

  it('gives the systemd unit the same start command and a stop timeout', () => {
    const unit = read('deploy/briefbot.service');
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/node bin\/briefbot\.js serve$/m);
    expect(unit).toMatch(/^TimeoutStopSec=\d+$/m);
  });
});
