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
