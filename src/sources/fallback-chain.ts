import { SourceError } from '../errors.ts';

/**
 * Tries each source in order and returns the first answer, together with the errors of the sources
 * that failed before it (so they can be logged). If all fail, throws one error that carries each.
 */
export async function firstAnswer<S extends { readonly ref: { readonly id: string } }, T>(
  sources: readonly S[],
  ask: (source: S) => Promise<T>,
  what: string,
): Promise<{ value: T; source: S; failures: readonly SourceError[] }> {
  const failures: SourceError[] = [];
  for (const source of sources) {
    try {
      return { value: await ask(source), source, failures };
    } catch (error) {
      failures.push(
        error instanceof SourceError
          ? error
          : new SourceError(
              'BAD_PAYLOAD',
              `${source.ref.id}: ${String(error)}`,
              { source: source.ref.id },
              { cause: error },
            ),
      );
    }
  }
  const detail = failures.map((f) => `${f.context.source}: ${f.message}`).join('; ');
  throw new SourceError(
    'ALL_SOURCES_FAILED',
    `No source could supply ${what}${detail ? ` (${detail})` : ''}`,
    { source: sources.map((s) => s.ref.id).join(',') },
    { causes: failures },
  );
}
