import { readSync } from 'node:fs';

/**
 * Reads a file descriptor to its end, or to `limit + 1` bytes, whichever comes first: a device or
 * a stream that never ends (`/dev/zero`, a generator on a pipe) is cut off as it is read, so the
 * caller can refuse it without ever holding more than the limit. A non-blocking descriptor whose
 * writer has not written yet is waited for.
 */
export function readBounded(fd: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (total <= limit) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 16, limit + 1 - total));
    let read: number;
    try {
      read = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 5);
      continue;
    }
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    total += read;
  }
  return Buffer.concat(chunks);
}
