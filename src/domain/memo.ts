/** The part of Map and WeakMap a get-or-create cache needs. */
interface KeyedStore<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** The value for `key`, created once. For per-object caches keyed on immutable inputs. */
export function getOrCreate<K, V>(store: KeyedStore<K, V>, key: K, create: () => V): V {
  const found = store.get(key);
  if (found !== undefined) return found;
  const created = create();
  store.set(key, created);
  return created;
}

/**
 * Freezes a plain value and everything reachable from it, so a result shared between callers (a
 * cached rendering) cannot be changed by one of them; a write then throws instead of leaking into
 * every other reply. Typed arrays (PNG bytes) cannot be frozen and are left as they are.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value) || ArrayBuffer.isView(value)) {
    return value;
  }
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}

/**
 * A rendering of `source`, kept with it only when `source` is frozen: a frozen document is one a
 * warm command hands to every caller, so its rendering is made once, frozen and shared. Such a
 * source must be frozen all the way down (`deepFreeze`), or a change inside it would leave the kept
 * rendering stale; `Object.isFrozen` only sees the top. Any other document is a one-off, so its
 * rendering is made for this reply alone, neither frozen nor kept, rather than paying for a cache
 * entry nobody will read.
 */
export function keptWithFrozen<K extends object, V>(store: WeakMap<K, V>, source: K, render: () => V): V {
  if (!Object.isFrozen(source)) return render();
  return getOrCreate(store, source, () => deepFreeze(render()));
}
