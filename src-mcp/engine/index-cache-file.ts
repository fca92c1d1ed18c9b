/**
 * Where the index cache of a runbook folder lives, and reading and writing it. One file per folder
 * and options, named by a hash of both: two folders (or one folder with and without outside links)
 * never share a file, and the header says again which folder it is for.
 * Every failure here means "no cache": the engine then reads the folder as it always could.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './file-ops.js';
import {
  decodeIndexCache,
  encodeIndexCache,
  type IndexCacheContent,
  type IndexCacheKey,
  type RestoredIndex,
} from './index-cache.js';

export class IndexCacheFile {
  readonly file: string;
  private sweptLegacy = false;

  private constructor(
    readonly key: IndexCacheKey,
    cacheDir: string,
  ) {
    this.file = path.join(
      cacheDir,
      `index-${nameHash(`${key.root}\0${key.followOutsideLinks}`)}.bin`,
    );
  }

  /** Undefined when the folder's real path cannot be known (it is missing): nothing to cache. */
  static for(
    cacheDir: string,
    root: string,
    followOutsideLinks: boolean,
  ): IndexCacheFile | undefined {
    let real: string;
    try {
      real = realpathSync(root);
    } catch {
      return undefined;
    }
    return new IndexCacheFile({ root: real, followOutsideLinks }, path.resolve(cacheDir));
  }

  /** The stored content, or undefined when missing, unreadable, damaged or not this folder's. */
  read(): RestoredIndex | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.file);
    } catch {
      return undefined;
    }
    return decodeIndexCache(bytes, this.key);
  }

  /** Replaces the file whole (readers see the old one or the new one); false when it could not. */
  async write(content: IndexCacheContent): Promise<boolean> {
    try {
      await writeFileAtomic(this.file, encodeIndexCache(this.key, content));
      if (!this.sweptLegacy) await removeLegacyFiles(path.dirname(this.file));
      this.sweptLegacy = true;
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * FNV-1a over the text, twice with different seeds: 64 bits, as 16 hex digits. A name, not a
 * secret (so no node:crypto at start): a clash only makes two folders share a file, whose header
 * then says it is the other's, and the engine reads the folder instead.
 */
function nameHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b);
}

/** Files of earlier versions, named by 20 digits of SHA-1: swept at an engine's first write. */
const LEGACY_NAME = /^index-[0-9a-f]{20}\.bin$/;

async function removeLegacyFiles(cacheDir: string): Promise<void> {
  const names = await readdir(cacheDir).catch(() => []);
  for (const name of names)
    if (LEGACY_NAME.test(name)) await unlink(path.join(cacheDir, name)).catch(() => undefined);
}
