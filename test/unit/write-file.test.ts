import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskSteps, writeFileSafely } from '../../src/write/write-file.js';
import type { WriteSteps } from '../../src/write/write-file.js';
import { caughtLadderError } from '../helpers/errors.js';

function folder(existing?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-write-'));
  if (existing !== undefined) writeFileSync(join(dir, 'out.yaml'), existing);
  return dir;
}

const failure = (code: string) => Object.assign(new Error(code), { code });


describe('writing a file safely', () => {
  it('writes a new file and leaves no temporary file behind', () => {
    const dir = folder();
    writeFileSafely('out.yaml', 'new\n', { force: false, inputs: [], cwd: dir });
    expect(readFileSync(join(dir, 'out.yaml'), 'utf8')).toBe('new\n');
    expect(readdirSync(dir)).toEqual(['out.yaml']);
  });

  it('keeps the old file whole when the disk fills up halfway through', () => {
    const dir = folder('old ladder\n');
    const fullDisk: WriteSteps = {
      ...diskSteps,
      writeNew(path, content) {
        writeFileSync(path, content.slice(0, 3)); // part of it reaches the disk, then the disk is full
        throw failure('ENOSPC');
      },
    };
    const error = caughtLadderError(() => writeFileSafely('out.yaml', 'a much longer new ladder\n', { force: true, inputs: [], cwd: dir }, fullDisk));
    expect(error.code).toBe('file');
    expect(error.message).toBe('cannot write out.yaml: no space left on the device');
    expect(error.hint).toBe('the existing file was left as it was');
    expect(readFileSync(join(dir, 'out.yaml'), 'utf8')).toBe('old ladder\n');
    expect(readdirSync(dir)).toEqual(['out.yaml']);
  });

  it('keeps the old file whole when the final rename fails', () => {
    const dir = folder('old ladder\n');
    const error = caughtLadderError(() => writeFileSafely('out.yaml', 'new\n', { force: true, inputs: [], cwd: dir }, { ...diskSteps, rename: () => { throw failure('EACCES'); } }));
    expect(error.message).toBe('cannot write out.yaml: permission denied');
    expect(readFileSync(join(dir, 'out.yaml'), 'utf8')).toBe('old ladder\n');
    expect(readdirSync(dir)).toEqual(['out.yaml']);
  });

  it('refuses to replace a file without force, and never replaces an input', () => {
    const dir = folder('old ladder\n');
    expect(caughtLadderError(() => writeFileSafely('out.yaml', 'new\n', { force: false, inputs: [], cwd: dir })).code).toBe('usage');
    expect(caughtLadderError(() => writeFileSafely('out.yaml', 'new\n', { force: true, inputs: [join(dir, 'out.yaml')], cwd: dir })).message).toBe('refusing to write out.yaml: it is the file being read');
    expect(caughtLadderError(() => writeFileSafely('.', 'new\n', { force: true, inputs: [], cwd: dir })).message).toBe('. is a directory');
    expect(readFileSync(join(dir, 'out.yaml'), 'utf8')).toBe('old ladder\n');
    expect(existsSync(join(dir, 'missing', 'x'))).toBe(false);
  });

  it('replaces only a regular file, never a FIFO, a device or a link', () => {
    const dir = folder('old ladder\n');
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    symlinkSync(join(dir, 'out.yaml'), join(dir, 'link.yaml'));
    expect(caughtLadderError(() => writeFileSafely('pipe', 'new\n', { force: true, inputs: [], cwd: dir })).message).toBe('refusing to write pipe: it is not a regular file (a pipe or a device)');
    expect(caughtLadderError(() => writeFileSafely('/dev/null', 'new\n', { force: true, inputs: [], cwd: dir })).message).toBe('refusing to write /dev/null: it is not a regular file (a pipe or a device)');
    expect(caughtLadderError(() => writeFileSafely('link.yaml', 'new\n', { force: true, inputs: [], cwd: dir })).message).toBe('refusing to write link.yaml: it is a symbolic link');
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readFileSync(join(dir, 'out.yaml'), 'utf8')).toBe('old ladder\n');
  });

  it('keeps the mode of the file it replaces', () => {
    const dir = folder('old ladder\n');
    chmodSync(join(dir, 'out.yaml'), 0o600);
    writeFileSafely('out.yaml', 'new\n', { force: true, inputs: [], cwd: dir });
    expect(statSync(join(dir, 'out.yaml')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'out.yaml'), 'utf8')).toBe('new\n');
  });

  it('writes a file whose name is as long as the file system allows', () => {
    const dir = folder();
    const name = `${'n'.repeat(250)}.yaml`;
    writeFileSafely(name, 'new\n', { force: false, inputs: [], cwd: dir });
    expect(readFileSync(join(dir, name), 'utf8')).toBe('new\n');
    expect(caughtLadderError(() => writeFileSafely(`${'n'.repeat(300)}.yaml`, 'new\n', { force: false, inputs: [], cwd: dir })).message).toBe(`cannot write ${'n'.repeat(300)}.yaml: the file name is too long`);
  });
});
