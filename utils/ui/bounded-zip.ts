import JSZip from 'jszip';
import { fileTooLarge, megabytes } from '@/utils/schema/import-limits';

/**
 * Zip files (.docx, .xlsx) read within limits. A zip says how large each part unpacks to, and a
 * hostile one lies or packs a gigabyte into a few hundred kilobytes: the file's size and its number
 * of parts are checked before anything is unpacked, the declared sizes before a part is unpacked,
 * and the bytes really unpacked while they come, stopping at the limit.
 */

/** A limit passed; the message says which, in Chinese and English. */
export class ZipLimitError extends Error {}

export interface ZipLimits {
  maxFileBytes: number;
  maxEntries: number;
  /** All the parts one `unpack` call reads, together. */
  maxUnpackedBytes: number;
}

/** What the file is, for messages: `{ zh: 'Word 文档', en: 'Word document' }`. */
export interface FileWhat {
  zh: string;
  en: string;
}

// JSZip keeps the central directory's declared size on a private field.
const declaredSize = (entry: JSZip.JSZipObject): number => (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;

interface ChunkStream {
  on(event: 'data', listener: (chunk: Uint8Array) => void): ChunkStream;
  on(event: 'end', listener: () => void): ChunkStream;
  on(event: 'error', listener: (e: Error) => void): ChunkStream;
  pause(): ChunkStream;
  resume(): ChunkStream;
}
// JSZip inflates in chunks through its (untyped) internal stream, between which this can stop it.
const chunks = (entry: JSZip.JSZipObject): ChunkStream => (entry as unknown as { internalStream(type: 'uint8array'): ChunkStream }).internalStream('uint8array');

export interface BoundedZip {
  /** The files in the zip (folders left out). */
  names: string[];
  /** The bytes of these parts (missing ones left out), within `maxUnpackedBytes` together. */
  unpack(names: readonly string[]): Promise<Map<string, Uint8Array>>;
}

/** Opens a zip within `limits`; null when the bytes are not a zip at all. Throws ZipLimitError past a limit. */
export async function openBoundedZip(bytes: ArrayBuffer | Uint8Array, limits: ZipLimits, what: FileWhat): Promise<BoundedZip | null> {
  if (bytes.byteLength > limits.maxFileBytes) throw new ZipLimitError(fileTooLarge(what, limits.maxFileBytes));
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return null;
  }
  const files = Object.values(zip.files).filter((f) => !f.dir);
  if (files.length > limits.maxEntries) {
    throw new ZipLimitError(`${what.zh}由超过 ${limits.maxEntries} 个部分组成，不是正常的文件，未读取 / the ${what.en} has more than ${limits.maxEntries} parts; it is not a normal file and was not read`);
  }
  const tooMuch = () => new ZipLimitError(`${what.zh}解压后大于 ${megabytes(limits.maxUnpackedBytes)}，未读取 / the ${what.en} unpacks to more than ${megabytes(limits.maxUnpackedBytes)} and was not read`);

  return {
    names: files.map((f) => f.name),
    async unpack(names) {
      const parts = names.flatMap((n) => zip.files[n] && !zip.files[n].dir ? [zip.files[n]] : []);
      if (parts.reduce((sum, p) => sum + declaredSize(p), 0) > limits.maxUnpackedBytes) throw tooMuch();
      // The declared sizes may lie: the bytes themselves are counted as they are inflated.
      let left = limits.maxUnpackedBytes;
      const out = new Map<string, Uint8Array>();
      for (const part of parts) {
        const pieces: Uint8Array[] = [];
        await new Promise<void>((resolve, reject) => {
          const stream = chunks(part);
          stream
            .on('data', (chunk) => {
              left -= chunk.length;
              if (left < 0) {
                stream.pause();
                reject(tooMuch());
              } else pieces.push(chunk);
            })
            .on('error', reject)
            .on('end', resolve)
            .resume();
        });
        const whole = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const p of pieces) {
          whole.set(p, at);
          at += p.length;
        }
        out.set(part.name, whole);
      }
      return out;
    },
  };
}
