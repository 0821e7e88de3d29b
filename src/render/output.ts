import { renderJson } from './json.js';
import type { TextOptions } from './text/layout.js';
import { renderTsv } from './tsv.js';

export const FORMATS = ['text', 'json', 'yaml', 'tsv', 'md'] as const;
export type Format = (typeof FORMATS)[number];

type Field = string | number | null | undefined;

/** How one command's result looks in each format; JSON and YAML are shared by every command. */
export interface Renderers<T> {
  text(value: T, options: TextOptions): string;
  markdown(value: T): string;
  /** TSV: the column names (which may depend on the value: a ladder with grades has a grade column), and the rows. */
  tsv: { columns: readonly string[] | ((value: T) => readonly string[]); rows(value: T): Field[][] };
  /** What JSON and YAML serialise, when it differs from the result itself. */
  data?(value: T): unknown;
}

export interface OutputOptions {
  format: Format;
  /** TSV only: print the column names first. */
  header: boolean;
  text: TextOptions;
}

export async function renderResult<T>(value: T, renderers: Renderers<T>, options: OutputOptions): Promise<string> {
  const data = () => (renderers.data ? renderers.data(value) : value);
  switch (options.format) {
    case 'json':
      return renderJson(data());
    case 'yaml': {
      // Loaded on demand, through a module of ours: a CommonJS package imported dynamically loses its named exports.
      const { renderYaml } = await import('./yaml.js');
      return renderYaml(data());
    }
    case 'tsv':
      return renderTsv(typeof renderers.tsv.columns === 'function' ? renderers.tsv.columns(value) : renderers.tsv.columns, renderers.tsv.rows(value), options.header);
    case 'md':
      return renderers.markdown(value);
    case 'text':
      return renderers.text(value, options.text);
  }
}
