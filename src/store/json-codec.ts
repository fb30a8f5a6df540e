/**
 * JSON that round-trips the two non-JSON values stored documents and quotes hold: `Date`
 * (as `{"$date": iso}`) and `Uint8Array` (as `{"$bytes": base64}`, for chart images).
 */
export function encodeJson(value: unknown): string {
  return JSON.stringify(value, function replace(this: unknown, key: string, current: unknown) {
    const original = (this as Record<string, unknown>)[key];
    if (original instanceof Date) return { $date: original.toISOString() };
    if (original instanceof Uint8Array) return { $bytes: Buffer.from(original).toString('base64') };
    return current;
  });
}

export function decodeJson<T>(text: string): T {
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const keys = Object.keys(value);
    if (keys.length !== 1) return value;
    const tagged = value as { $date?: unknown; $bytes?: unknown };
    if (typeof tagged.$date === 'string') return new Date(tagged.$date);
    if (typeof tagged.$bytes === 'string') return new Uint8Array(Buffer.from(tagged.$bytes, 'base64'));
    return value;
  }) as T;
}
