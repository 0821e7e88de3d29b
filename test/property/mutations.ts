import fc from 'fast-check';

/** The damage a hand-edited or half-transferred file suffers: a flipped byte, a lost or doubled line, a stray character. */
export function mutationOf(original: Buffer) {
  const lineCount = original.toString('latin1').split('\n').length;
  return fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(original.length - 1), bit: fc.nat(7) }),
    fc.record({ kind: fc.constant('delete' as const), line: fc.nat(lineCount - 1) }),
    fc.record({ kind: fc.constant('duplicate' as const), line: fc.nat(lineCount - 1) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(original.length), byte: fc.constantFrom(0x3a, 0x2d, 0x20, 0x09, 0x22, 0x27, 0x26, 0x2a, 0x21, 0x7b, 0x5b, 0x23, 0x7c, 0x3e, 0x0a, 0x00, 0xff) }),
  );
}

export type Mutation = ReturnType<typeof mutationOf> extends fc.Arbitrary<infer T> ? T : never;

export function applyMutation(bytes: Buffer, change: Mutation): Buffer {
  switch (change.kind) {
    case 'flip': {
      const copy = Buffer.from(bytes);
      const at = change.at % Math.max(1, copy.length);
      copy[at] = (copy[at] ?? 0) ^ (1 << change.bit);
      return copy;
    }
    case 'insert': {
      const at = change.at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from([change.byte]), bytes.subarray(at)]);
    }
    default: {
      const lines = bytes.toString('latin1').split('\n');
      const at = change.line % lines.length;
      if (change.kind === 'delete') lines.splice(at, 1);
      else lines.splice(at, 0, lines[at] ?? '');
      return Buffer.from(lines.join('\n'), 'latin1');
    }
  }
}
