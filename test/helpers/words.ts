/**
 * The words of Markdown source, markup aside: HTML tags and comments, entities, link targets,
 * the numbers of ordered list items,
 * reference definitions, `<style>` and `<script>` blocks, and front matter keys and comments
 * (and the `weight` that orders files, and the reader's settings under `ladder:`) are not words.
 * Written apart from the reader on purpose, so the test does not trust the code it checks.
 */
export function sourceWords(markdown: string): string[] {
  const text = markdown
    .replace(/\r\n?/g, '\n')
    .replace(/^\ufeff/, '')
    .replace(/^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*$/m, (_, front: string) => withoutSettings(front).replace(/^\s*(?:weight|order)\s*:.*$|(?:^|\s)#.*$/gm, '').replace(/^(\s*(?:-\s+)?)[A-Za-z_]+\s*:/gm, '$1'))
    .replace(/<!--[\s\S]*?-->/g, ' ')
    // Styles and scripts are instructions to a browser, and a tag's attributes are the tag's.
    .replace(/<(style|script)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    // Start and end tags in one pass, left to right, as HTML reads them: a tag runs to its first `>`, whatever it holds (`</t<d>`, `<rea</th>` are one tag each).
    .replace(/<\/?[a-z][^>\n"]*(?:"[^"\n]*"[^>\n"]*)*>/gi, (tag) => (/^<\/?(?:p|div|br|li|ul|ol|tr|td|th|table|thead|tbody|h[1-6]|section|details|summary)\b/i.test(tag) ? ' ' : ''))
    // As a browser shows them: a block tag separates words, an inline one (`<b>`) does not.
    .replace(/<\/?(?:p|div|br|li|ul|ol|tr|td|th|table|thead|tbody|h[1-6]|section|details|summary)\b[^>\n]*>/gi, ' ')
    // Only `<` and a letter, `/` or `!` opens a tag, as in HTML: `<#br>` is text.
    .replace(/<[a-z/!][^>\n]*>/gi, '')
    .replace(/&(?:#x?[0-9a-f]+|[a-z]+);/gi, ' ')
    .replace(/\]\([^)]*\)/g, '] ')
    .replace(/^\s*\[[^\]]+\]:\s*\S+.*$/gm, ' ')
    .replace(/^([ \t>]*)\d{1,9}[.)](?=\s|$)/gm, '$1');
  return words(text);
}

/** Front matter without its `ladder:` key: settings for the reader, not the ladder's text. */
function withoutSettings(front: string): string {
  return front.replace(/^ladder[ \t]*:.*\n?(?:[ \t]+.*\n?)*/m, '');
}

/** Runs of letters and digits; emphasis, code and link marks (`*`, `_`, `` ` ``, `~`, `\`, `[`, `]`) do not split a word, on either side. */
export function words(text: string): string[] {
  return (text.replace(/[*_`~\\[\]]/g, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => word.normalize('NFC'));
}

/**
 * Words of the source that the output does not hold at all. (Not counted: a table or a front
 * matter matrix names each level once per row or topic, where the ladder names it once.)
 */
export function missingWords(markdown: string | string[], output: string): string[] {
  const have = new Set(words(output));
  const files = typeof markdown === 'string' ? [markdown] : markdown;
  return [...new Set(files.flatMap(sourceWords))].filter((word) => !have.has(word));
}
