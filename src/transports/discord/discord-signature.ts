import { createPublicKey, type KeyObject, verify } from 'node:crypto';

const HEX_KEY = /^[0-9a-f]{64}$/i;
const HEX_SIGNATURE = /^[0-9a-f]{128}$/i;

/** Whether `DISCORD_PUBLIC_KEY` looks like the portal's value: 32 bytes as 64 hex characters. */
export function isDiscordPublicKey(hex: string): boolean {
  return HEX_KEY.test(hex.trim());
}

/**
 * Checks Discord's Ed25519 signature over `timestamp + raw body` against the application's public
 * key. Discord sends a request with a bad signature on purpose when the endpoint is saved, and
 * refuses to use an endpoint that accepts it.
 */
export function createDiscordSignatureVerifier(publicKeyHex: string) {
  if (!isDiscordPublicKey(publicKeyHex)) throw new Error('DISCORD_PUBLIC_KEY must be 64 hex characters');
  // A raw 32-byte Ed25519 key, wrapped as a JWK so node:crypto can use it without hand-built DER.
  const key: KeyObject = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKeyHex.trim(), 'hex').toString('base64url') },
    format: 'jwk',
  });
  return (signatureHex: string | undefined, timestamp: string | undefined, body: Buffer): boolean => {
    if (signatureHex === undefined || timestamp === undefined || timestamp === '') return false;
    if (!HEX_SIGNATURE.test(signatureHex)) return false;
    const message = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
    return verify(null, message, key, Buffer.from(signatureHex, 'hex'));
  };
}

export type DiscordSignatureVerifier = ReturnType<typeof createDiscordSignatureVerifier>;
