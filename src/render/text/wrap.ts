import wrapAnsi from 'wrap-ansi';

/** Word-wraps text that may hold colour codes; loaded only when output goes to a terminal. */
export function wrapText(text: string, width: number): string {
  return wrapAnsi(text, width, { hard: false, trim: true });
}
