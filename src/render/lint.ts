import { mdDocument, mdHeading, mdText } from './markdown.js';
import type { Renderers } from './output.js';
import { hanging, safe } from './text/layout.js';
import type { TextOptions } from './text/layout.js';

/** A place in a file, as every output names it. */
export interface FilePlace {
  file: string;
  line?: number;
  col?: number;
}

export interface LintMember extends FilePlace {
  level: string;
  axis: string;
  text: string;
}

export interface LintFindingView extends FilePlace {
  rule: string;
  severity: 'error' | 'warning';
  /** The level it is about, by id and title, when it is about one. */
  level: { id: string; title: string } | null;
  axis: string | null;
  text: string;
  message: string;
  hint?: string;
  /** A cluster's members (near-duplicate), each with its place. */
  members?: LintMember[];
}

export interface LintResult {
  file: string;
  findings: LintFindingView[];
  summary: { errors: number; warnings: number };
}

export const where = (place: FilePlace) => [place.file, place.line, place.col].filter((part) => part !== undefined).join(':');

function summaryLine(result: LintResult): string {
  const { errors, warnings } = result.summary;
  if (errors + warnings === 0) return `${result.file}: no findings`;
  return `${result.file}: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
}

/** In a terminal, findings grouped under their level; on a pipe, one line each, `FILE:LINE:COL: severity: rule: message: text`, as compilers print. */
function lintText(result: LintResult, { style, wrap, lines }: TextOptions): string {
  if (lines) {
    return result.findings
      .flatMap((finding) => [
        `${safe(where(finding))}: ${finding.severity}: ${finding.rule}: ${safe(finding.message)}${finding.message.includes(`\`${finding.text}\``) ? '' : `: ${safe(finding.text)}`}\n`,
        ...(finding.members ?? []).map((member) => `${safe(where(member))}: member: ${finding.rule}: ${safe(member.level)}: ${safe(member.axis)}: ${safe(member.text)}\n`),
      ])
      .join('');
  }
  const out: string[] = [];
  let group: string | undefined;
  for (const finding of result.findings) {
    const heading = finding.level ? `${finding.level.title} (${finding.level.id})` : 'The ladder';
    if (heading !== group) {
      out.push(...(group === undefined ? [] : ['']), style.title(safe(heading)));
      group = heading;
    }
    const severity = finding.severity === 'error' ? style.error('error') : style.warning('warning');
    out.push(hanging(`${severity} ${safe(finding.message)} ${style.muted(`[${finding.rule}]`)}`, '  ', '  ', wrap));
    out.push(hanging(`${style.muted(safe(where(finding)))}${finding.axis ? ` ${safe(finding.axis)}:` : ''} ${safe(finding.text)}`, '    ', '    ', wrap));
    for (const member of finding.members ?? []) out.push(hanging(`${style.muted(safe(where(member)))} ${safe(member.level)} · ${safe(member.axis)}: ${safe(member.text)}`, '      - ', '        ', wrap));
  }
  out.push(...(out.length > 0 ? [''] : []), style.muted(safe(summaryLine(result))));
  return `${out.join('\n')}\n`;
}

function lintMarkdown(result: LintResult): string {
  const blocks = [mdHeading(2, `lint: ${result.file}`), `_${mdText(summaryLine(result))}._`];
  if (result.findings.length > 0) {
    blocks.push(
      result.findings
        .map((finding) =>
          [
            `- \`${where(finding)}\` ${finding.severity} \`${finding.rule}\`: ${mdText(finding.message)}: ${mdText(finding.text)}`,
            ...(finding.members ?? []).map((member) => `  - \`${where(member)}\` ${mdText(member.level)} · ${mdText(member.axis)}: ${mdText(member.text)}`),
          ].join('\n'),
        )
        .join('\n'),
    );
  }
  return mdDocument(blocks);
}

export const lintRenderers: Renderers<LintResult> = {
  text: lintText,
  markdown: lintMarkdown,
  tsv: {
    // A cluster's members follow it, one row each, with the finding's rule and `member` as severity.
    columns: ['file', 'line', 'col', 'severity', 'rule', 'level', 'axis', 'text', 'message'],
    rows: (result) =>
      result.findings.flatMap((finding) => [
        [finding.file, finding.line, finding.col, finding.severity, finding.rule, finding.level?.id, finding.axis, finding.text, finding.message],
        ...(finding.members ?? []).map((member) => [member.file, member.line, member.col, 'member', finding.rule, member.level, member.axis, member.text, `member of the cluster at ${where(finding)}`]),
      ]),
  },
};
