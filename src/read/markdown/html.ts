import type { HtmlPiece } from './html-parse.js';

/**
 * The HTML reader (parse5) is loaded only for a document that holds HTML: most Markdown ladders
 * hold none, and evaluating the parser costs every other read its time.
 */
let reader: ((html: string) => HtmlPiece[]) | undefined;

/** Whether a text may hold HTML: a tag or a comment anywhere in it. */
export function mayHoldHtml(text: string): boolean {
  return /<[A-Za-z!/]/.test(text);
}

/** Loads the HTML reader if any of these texts may hold HTML; the Markdown reader needs it before it reads them. */
export async function prepareHtml(texts: string[]): Promise<void> {
  if (!reader && texts.some(mayHoldHtml)) reader = (await import('./html-parse.js')).readHtml;
}

/** The pieces of an HTML block; the reader must have been prepared for the document that holds it. */
export function readHtmlBlock(html: string): HtmlPiece[] {
  if (!reader) throw new Error('an HTML block was read before prepareHtml loaded the HTML reader');
  return reader(html);
}
