/**
 * node:crypto, loaded at its first use. Loading it costs about 6 % of a bare Node start, and the
 * paths users wait on most (`runbook search`, the MCP server's first answer, both over a warm
 * index cache) hash nothing and draw no random bytes.
 */
import { createRequire } from 'node:module';

type NodeCrypto = typeof import('node:crypto');

let loaded: NodeCrypto | undefined;

export function nodeCrypto(): NodeCrypto {
  // Any absolute file serves createRequire for a built-in; the ESM and CJS bundles share this.
  loaded ??= createRequire(process.execPath)('node:crypto') as NodeCrypto;
  return loaded;
}

/** SHA-256 as 64 hex digits; a string is hashed as its UTF-8 bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return sha256(data).digest('hex');
}

function sha256(data: string | Uint8Array) {
  return nodeCrypto().createHash('sha256').update(data);
}

/**
 * Whether a presented secret (a token) is the expected one, in time that tells an attacker
 * nothing: both are hashed first, so neither the bytes nor the length leak.
 */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  return nodeCrypto().timingSafeEqual(sha256(given).digest(), sha256(expected).digest());
}
