import { sanitize } from '../io.js';
import { splitParagraphs } from '../model/model.js';

/**
 * Ladder text made safe for Markdown: characters that would start emphasis, links, HTML or tables
 * are escaped. Two are escaped only where Markdown would read them: `_` between letters or digits
 * never opens emphasis (`effective_go.html`), and `#` makes a heading only at the start; an address
 * in the text keeps its characters, as an escape inside an address is read as part of it.
 */
export function mdText(text: string): string {
  return sanitize(text)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[\\`*~[\]<>|]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|^\s*#/gu, (match) => match.replace(/[^\s]/, (char) => `\\${char}`));
}

/**
 * A link's address that ends where Markdown expects it to: every character a URL does not need is
 * percent-encoded, parentheses, brackets, angle brackets, spaces and control characters among them,
 * so nothing after a `)` in an address can become live Markdown, HTML or a terminal sequence.
 */
export function mdUrl(url: string): string {
  return url.replace(/[^A-Za-z0-9\-._~:/?#@!$&'*+,;=%]/gu, (char) => Buffer.from(char).toString('hex').toUpperCase().replace(/../g, '%$&'));
}

/** A paragraph of ladder text that must stay a paragraph: a leading list, quote or heading marker is escaped too. */
export function mdBlock(text: string): string {
  return mdText(text)
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^([-+=])(?=\s|$)/, '\\$1');
}

export function mdHeading(level: number, text: string): string {
  return `${'#'.repeat(level)} ${mdText(text)}`;
}

/** Paragraphs of free text, each escaped, separated by blank lines. */
export function mdParagraphs(text: string): string[] {
  return splitParagraphs(text).map(mdText);
}

/** Blocks joined by blank lines, ending in one newline. */
export function mdDocument(blocks: string[]): string {
  return `${blocks.join('\n\n')}\n`;
}
