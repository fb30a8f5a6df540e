import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Packages that belong to a platform, the network or a database: never imported by the core. */
const PLATFORM =
  /^(@slack\/|discord\.js|@discordjs\/|openai|axios|pg|better-sqlite3|ws|express|node:http|node:https|node:net|prom-client|echarts|@resvg\/)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'([^']+)'|import\('([^']+)'\)/g)].map(
    (m) => m[1] ?? m[2] ?? '',
  );
}

describe('the core knows no platform', () => {
  it.each(['src/domain', 'src/briefing'])(
    '%s imports no platform SDK, HTTP client or database driver',
    (dir) => {
      const offenders = sourceFiles(dir).flatMap((file) =>
        importsOf(file)
          .filter(
            (specifier) =>
              PLATFORM.test(specifier) || /\/(transports|sources|store|render)\//.test(specifier),
          )
          .map((specifier) => `${file} imports ${specifier}`),
      );
      expect(offenders).toEqual([]);
    },
  );

  it('keeps src/domain self-contained', () => {
    const offenders = sourceFiles('src/domain').flatMap((file) =>
      importsOf(file)
        .filter((specifier) => !specifier.startsWith('./'))
        .map((specifier) => `${file} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps commands free of platform SDKs, so every transport serves the same commands', () => {
    const offenders = sourceFiles('commands').flatMap((file) =>
      importsOf(file)
        .filter((specifier) => PLATFORM.test(specifier) || /\/transports\//.test(specifier))
        .map((specifier) => `${file} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });
});
