/**
 * Where attachment bytes live, behind a small interface: files under a directory (DATA_DIR/attachments by default).
 * An S3-compatible object store is the production option: implement the same three calls over its API (put
 * object, get object, delete object) and wire it instead; the database keeps only the key and the checksum.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface AttachmentStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9/_-]*$/;

/** Files under `root`; a key is a relative path of safe characters, written atomically (temp file, then rename). */
export function createFileStorage(root: string): AttachmentStorage {
  const fileOf = (key: string) => {
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe attachment key ${key}`);
    return path.join(root, key);
  };
  return {
    async put(key, bytes) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.partial`;
      await writeFile(temporary, bytes);
      await rename(temporary, file);
    },
    async get(key) {
      try {
        return await readFile(fileOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}

/** The storage the API and the worker share by default: files under `<dataDir>/attachments`. */
export function attachmentStorageUnder(dataDir: string): AttachmentStorage {
  return createFileStorage(path.join(dataDir, 'attachments'));
}
