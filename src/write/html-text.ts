/** Ladder text as HTML text: markup characters escaped, control characters dropped. */
export function html(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);
}

/**
 * A self-contained page: the head every page ladder writes (no external assets), then the body.
 * `policy` is a Content-Security-Policy for a page that carries a script.
 */
export function htmlPage(title: string, style: string, body: string, policy?: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
${policy ? `<meta http-equiv="Content-Security-Policy" content="${policy}">\n` : ''}<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ladder">
<title>${html(title)}</title>
<style>${style}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** A table that scrolls sideways on a narrow screen (class `scroll`): a named region that takes focus, so a keyboard can scroll it. */
export function scrollRegion(label: string, table: string): string {
  return `<div class="scroll" role="region" aria-label="${html(label)}" tabindex="0">\n${table}\n</div>`;
}
