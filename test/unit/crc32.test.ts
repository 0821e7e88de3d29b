import { randomBytes } from 'node:crypto';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../src/read/crc32.js';

describe('CRC-32 of cache files', () => {
  it('gives the sums zlib gives, below, at and above the sizes where it changes how it sums', () => {
    for (const size of [1, 255, 1024, 65535, 65536, 65537, 200_000, 256 * 1024, 256 * 1024 + 1, 1_000_000]) {
      const bytes = randomBytes(size);
      expect(crc32(bytes), `${size} bytes`).toBe(zlibCrc32(bytes) >>> 0);
    }
  });

  it('continues an earlier sum, as a file summed part by part is', () => {
    const [head, tail] = [randomBytes(3000), randomBytes(70_000)];
    expect(crc32(tail, crc32(head))).toBe(crc32(Buffer.concat([head, tail])));
    expect(crc32(tail, crc32(head))).toBe(zlibCrc32(tail, zlibCrc32(head)) >>> 0);
  });
});
