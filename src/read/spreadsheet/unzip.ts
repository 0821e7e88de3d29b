import { Unzip, UnzipInflate } from 'fflate';
import { LadderError } from '../../errors.js';
import { SHEET_LIMITS } from './limits.js';

/** Compressed bytes handed to the inflater at a time: deflate expands at most about 1,032 times, so one step yields at most a few MiB. */
const STEP = 4096;

/**
 * The entries of a zip that `wanted` names, unpacked, with every bound of SHEET_LIMITS checked as
 * the bytes come out (a zip's own sizes may lie): a zip bomb is refused after unpacking the limit,
 * never more. Entries not wanted are skipped without being unpacked.
 */
export function unzipEntries(bytes: Uint8Array, file: string, wanted: (name: string) => boolean): Map<string, Uint8Array> {
  const refuse = (what: string) => new LadderError('invalid', `${file}: ${what} (see SECURITY.md)`);
  const entries = new Map<string, Uint8Array[]>();
  let count = 0;
  let unpacked = 0;
  const unzip = new Unzip((entry) => {
    count += 1;
    if (count > SHEET_LIMITS.zipEntries) throw refuse(`more than ${SHEET_LIMITS.zipEntries} entries in the workbook's zip`);
    if (!wanted(entry.name) || entries.has(entry.name)) return;
    if (entry.compression !== 0 && entry.compression !== 8) throw refuse(`entry ${entry.name} is compressed with method ${entry.compression}, which is not read`);
    const chunks: Uint8Array[] = [];
    entries.set(entry.name, chunks);
    entry.ondata = (error, chunk) => {
      if (error) throw refuse(`entry ${entry.name} is damaged: ${error.message}`);
      unpacked += chunk.length;
      if (unpacked > SHEET_LIMITS.unpackedBytes) throw refuse(`unpacks to more than ${SHEET_LIMITS.unpackedBytes / 1024 / 1024} MiB`);
      chunks.push(chunk);
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length; at += STEP) unzip.push(bytes.subarray(at, Math.min(at + STEP, bytes.length)), at + STEP >= bytes.length);
  } catch (error) {
    if (error instanceof LadderError) throw error;
    throw refuse(`not a readable zip: ${(error as Error).message}`);
  }
  const result = new Map<string, Uint8Array>();
  for (const [name, chunks] of entries) result.set(name, Buffer.concat(chunks));
  return result;
}
