import { readFileSync } from 'node:fs';
import { createHttpClient, type HttpClient } from '../../../src/sources/http-client.ts';

/** A fixture under `test/fixtures/`, as text. */
export function fixtureText(relative: string): string {
  return readFileSync(new URL(`../../fixtures/${relative}`, import.meta.url), 'utf8');
}

export function fixtureJson(relative: string): unknown {
  return JSON.parse(fixtureText(relative)) as unknown;
}

/** The real client, tuned so retries and timeouts do not slow the tests. */
export function testHttp(): HttpClient {
  return createHttpClient({ retries: 1, backoffBaseMs: 1, timeoutMs: 300 });
}

/** A deep copy of a JSON value, to edit a fixture without touching the shared parsed object. */
export function copyJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export const FIXED_NOW = new Date('2026-08-18T14:05:00Z');
