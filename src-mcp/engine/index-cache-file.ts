/**
 * Where the index cache of a runbook folder lives, and reading and writing it. One file per folder
 * and options, named by a hash of both: two folders (or one folder with and without outside links)
 * never share a file, and the header says again which folder it is for.
 * Every failure here means "no cache": the engine then reads the folder as it always could.
 */
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
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

  private constructor(
    readonly key: IndexCacheKey,
    cacheDir: string,
  ) {
    const hash = createHash('sha1').update(`${key.root}\0${key.followOutsideLinks}`).digest('hex');
    this.file = path.join(cacheDir, `index-${hash.slice(0, 20)}.bin`);
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
      return true;
    } catch {
      return false;
    }
  }
}
