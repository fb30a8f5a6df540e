import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

/** An Ed25519 key pair like a Discord application's, with the public key as the portal shows it. */
export function discordKeyPair(): { publicKeyHex: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x ?? '';
  return { publicKeyHex: Buffer.from(x, 'base64url').toString('hex'), privateKey };
}

/** The headers Discord sends: an Ed25519 signature over timestamp + body. */
export function signedHeaders(
  body: string,
  privateKey: KeyObject,
  timestamp = '1768867200',
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-signature-ed25519': sign(null, Buffer.from(timestamp + body), privateKey).toString('hex'),
    'x-signature-timestamp': timestamp,
  };
}
