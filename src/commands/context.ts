import { bundledLadderPath } from '../paths.js';
import type { Io } from '../io.js';
import { wrapWidth } from '../io.js';
import { loadLadder } from '../ladder/load.js';
import type { Ladder, Track } from '../ladder/model.js';
import { resolveTrack } from '../ladder/resolve.js';
import { locateLadder, readLadderSource } from '../ladder/source.js';
import type { LadderSource } from '../ladder/source.js';
import { renderJson } from '../render/json.js';
import { createStyle } from '../render/style.js';
import type { TextOptions } from '../render/text/layout.js';

/** What the CLI hands every command: the streams, the global options, and how to draw text. */
export interface CommandContext {
  io: Io;
  /** `--file`, when given. */
  file?: string;
  /** Whether stdout gets colour. */
  color: boolean;
}

export type Format = 'text' | 'json';

export function textOptions(context: CommandContext): TextOptions {
  return { style: createStyle(context.color), width: wrapWidth(context.io) };
}

/** The text of the ladder in effect: `--file`, `$LADDER_FILE`, `./ladder.yaml`, or the bundled one. */
export function readContextSource(context: CommandContext, file = context.file): LadderSource {
  const { io } = context;
  const location = locateLadder({ file, env: io.env, cwd: io.cwd, bundled: bundledLadderPath });
  return readLadderSource(location, io.readStdin);
}

/** The ladder in effect, checked. */
export function loadContextLadder(context: CommandContext, file = context.file): Ladder {
  return loadLadder(readContextSource(context, file));
}

export function trackOption(ladder: Ladder, name: string | undefined): Track | undefined {
  return name === undefined ? undefined : resolveTrack(ladder, name);
}

/** Writes a result as JSON, or as text through the command's own renderer. */
export function emit<T>(context: CommandContext, format: Format, value: T, renderText: (value: T, options: TextOptions) => string): void {
  context.io.stdout.write(format === 'json' ? renderJson(value) : renderText(value, textOptions(context)));
}
