/** The few looks the text output uses; without colour each one returns its text unchanged. */
export interface Style {
  /** Whether these styles add colour; without it, changed words are shown with git's markers. */
  colored: boolean;
  title(text: string): string;
  heading(text: string): string;
  muted(text: string): string;
  id(text: string): string;
  added(text: string): string;
  removed(text: string): string;
  changed(text: string): string;
  addedWords(text: string): string;
  removedWords(text: string): string;
  error(text: string): string;
  warning(text: string): string;
  hint(text: string): string;
  /** Text that matched a search. */
  match(text: string): string;
}

const plain = (text: string) => text;

/** The look of output without colour: every style leaves its text as it is. */
export const PLAIN: Style = { colored: false, title: plain, heading: plain, muted: plain, id: plain, added: plain, removed: plain, changed: plain, addedWords: plain, removedWords: plain, error: plain, warning: plain, hint: plain, match: plain };

/** Colours come from chalk, which is loaded only when there is colour to show. */
export async function createStyle(color: boolean): Promise<Style> {
  if (!color) return PLAIN;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return {
    colored: true,
    title: chalk.bold,
    heading: chalk.bold.underline,
    muted: chalk.dim,
    id: chalk.cyan,
    added: chalk.green,
    removed: chalk.red,
    changed: chalk.yellow,
    addedWords: chalk.bold.inverse.green,
    removedWords: chalk.strikethrough.red,
    error: chalk.bold.red,
    warning: chalk.bold.yellow,
    hint: chalk.cyan,
    match: chalk.bold.red,
  };
}
