/**
 * A renderer that remembers its last `maxEntries` results by `keyOf(input)`. A chart is a pure
 * function of its input, and the same picture is asked for many times (a desk's `/curve vs 1w`,
 * every channel's brief at one fire); concurrent requests for the same key share one render, and a
 * failed render is forgotten so the next request tries again.
 */
export function cachedRenderer<I, O>(
  maxEntries: number,
  keyOf: (input: I) => string,
  render: (input: I) => Promise<O>,
): (input: I) => Promise<O> {
  const cache = new Map<string, Promise<O>>();
  return (input) => {
    const key = keyOf(input);
    const hit = cache.get(key);
    if (hit) {
      // Most recently used last, so the oldest key is the first one the map yields.
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const rendered = render(input);
    cache.set(key, rendered);
    rendered.catch(() => cache.delete(key));
    while (cache.size > maxEntries) {
      const oldest = cache.keys().next();
      if (oldest.done) break;
      cache.delete(oldest.value);
    }
    return rendered;
  };
}
