import { createRequire } from 'node:module';

/**
 * CRC-32, the one zlib computes, in a few bytes of WebAssembly. Most runs check a cache entry of
 * some kilobytes: this sums it in a fraction of what loading node:zlib costs (it loads Node's
 * stream modules), and a loop in JavaScript, which runs interpreted so early, costs more still.
 * Inputs of more than SMALL_INPUT_BYTES go to zlib, which is faster once loaded; so does
 * everything where WebAssembly is turned off (`node --jitless`). A Node without either (before
 * 20.15, and jitless) sums in JavaScript.
 *
 * The module, in WebAssembly's text format (the table sits at address 0, the bytes to sum at 1024):
 *
 *   (module
 *     (memory (export "memory") 2)
 *     (func (export "crc32") (param $at i32) (param $length i32) (param $crc i32) (result i32)
 *       (local.set $crc (i32.xor (local.get $crc) (i32.const -1)))
 *       (block (loop
 *         (br_if 1 (i32.eqz (local.get $length)))
 *         (local.set $crc (i32.xor
 *           (i32.load (i32.shl (i32.and (i32.xor (local.get $crc) (i32.load8_u offset=1024 (local.get $at))) (i32.const 255)) (i32.const 2)))
 *           (i32.shr_u (local.get $crc) (i32.const 8))))
 *         (local.set $at (i32.add (local.get $at) (i32.const 1)))
 *         (local.set $length (i32.sub (local.get $length) (i32.const 1)))
 *         (br 0)))
 *       (i32.xor (local.get $crc) (i32.const -1)))
 *     (func $table (local $byte i32) (local $crc i32) (local $bit i32)
 *       (loop
 *         (local.set $crc (local.get $byte))
 *         (local.set $bit (i32.const 8))
 *         (loop
 *           (local.set $crc (i32.xor (i32.shr_u (local.get $crc) (i32.const 1))
 *             (i32.and (i32.sub (i32.const 0) (i32.and (local.get $crc) (i32.const 1))) (i32.const 0xedb88320))))
 *           (br_if 0 (local.tee $bit (i32.sub (local.get $bit) (i32.const 1)))))
 *         (i32.store (i32.shl (local.get $byte) (i32.const 2)) (local.get $crc))
 *         (br_if 0 (i32.ne (local.tee $byte (i32.add (local.get $byte) (i32.const 1))) (i32.const 256)))))
 *     (start $table))
 */
const MODULE =
  '0061736d01000000010b0260037f7f7f017f600000030302000105030100020712020563726333320000066d656d6f727902000801010a9001024400' +
  '2002417f732102024003402001450d01200220002d0080087341ff01714102742802002002410876732102200041016a2100200141016b21010c000b' +
  '0b2002417f730b4901037f0340200021014108210203402001410176410020014101716b41a086e2ed7e71732101200241016b22020d000b20004102' +
  '742001360200200041016a2200418002470d000b0b';

const TABLE_BYTES = 1024;
/** What one call sums: the module's two pages of memory, less the table. */
const PIECE_BYTES = 64 * 1024;
const SMALL_INPUT_BYTES = 256 * 1024;

type Crc32 = (data: Uint8Array, value?: number) => number;

/** The little of WebAssembly's API used here (the project's TypeScript libraries do not describe it); undefined where it is turned off. */
declare const WebAssembly:
  | { Module: new (bytes: Uint8Array) => object; Instance: new (module: object) => { exports: { crc32: (at: number, length: number, crc: number) => number; memory: { buffer: ArrayBuffer } } } }
  | undefined;

let small: Crc32 | null | undefined;
let large: Crc32 | undefined;

function inWebAssembly(): Crc32 | null {
  if (typeof WebAssembly !== 'object') return null;
  const { exports } = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(MODULE, 'hex')));
  const sum = exports.crc32;
  const memory = new Uint8Array(exports.memory.buffer);
  return (data, value = 0) => {
    for (let at = 0; at < data.length; at += PIECE_BYTES) {
      const piece = data.subarray(at, at + PIECE_BYTES);
      memory.set(piece, TABLE_BYTES);
      value = sum(0, piece.length, value);
    }
    return value >>> 0;
  };
}

/** CRC-32 of `data`, continuing `value` (the CRC-32 of what came before), as zlib's crc32 does. */
export function crc32(data: Uint8Array, value = 0): number {
  small ??= inWebAssembly();
  if (small && data.length <= SMALL_INPUT_BYTES) return small(data, value);
  large ??= (createRequire(import.meta.url)('node:zlib') as { crc32?: Crc32 }).crc32 ?? small ?? inJavaScript;
  return large(data, value) >>> 0;
}

let table: Int32Array | undefined;

function inJavaScript(data: Uint8Array, value = 0): number {
  table ??= Int32Array.from({ length: 256 }, (_, byte) => {
    let crc = byte;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
    return crc;
  });
  let crc = ~value;
  for (const byte of data) crc = (table[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return ~crc >>> 0;
}
