import type { Token, Tokens } from 'marked';
import { clean, inlineText } from './inline.js';
import { looksLikeLevel } from './titles.js';

/** A `Label: value` at the start of a paragraph or list item. */
export interface Labelled {
  label: string;
  value: string;
  /** Whether the label was bold (`**Label**: value`, `**Label:** value`), the surest sign of a label. */
  bold: boolean;
}

/** Labels longer than this are sentences that happen to contain a colon. */
const MAX_LABEL_WORDS = 6;
const MAX_LABEL_LENGTH = 60;

/**
 * Reads `**Label:** value`, `**Label**: value`, `**Label**` alone and, where `plain` allows it,
 * `Label: value`. Only a short label counts, so a sentence with a colon stays a sentence.
 */
export function readLabel(tokens: Token[], text: string, plain: boolean): Labelled | undefined {
  const [first, ...rest] = tokens;
  if (first?.type === 'strong') {
    const label = clean(inlineText((first as Tokens.Strong).tokens).replace(/:\s*$/, ''));
    const after = inlineText(rest);
    const colonInside = /:\s*$/.test(inlineText((first as Tokens.Strong).tokens));
    if (!isLabel(label)) return undefined;
    if (colonInside) return { label, value: after, bold: true };
    if (after === '' ) return { label, value: '', bold: true };
    if (/^[:\-–—]\s*/.test(after)) return { label, value: clean(after.replace(/^[:\-–—]\s*/, '')), bold: true };
    return undefined;
  }
  if (!plain) return undefined;
  const match = /^([^:]{1,60}):\s+(\S[\s\S]*)$/.exec(text);
  if (!match) return undefined;
  const label = clean(match[1] as string);
  return isLabel(label) && /^\p{Lu}/u.test(label) ? { label, value: clean(match[2] as string), bold: false } : undefined;
}

function isLabel(label: string): boolean {
  if (!label || label.length > MAX_LABEL_LENGTH || /[.!?;]$/.test(label)) return false;
  return label.split(/\s+/).length <= MAX_LABEL_WORDS && /[\p{L}\p{N}]/u.test(label);
}

/** A sentence that leads into what follows it is short: `A **Senior Developer** is capable of:`. */
const MAX_LEAD_IN_WORDS = 12;

/**
 * The level a short sentence ending in a colon names in bold (`A **Junior Developer** is capable
 * of:`, `An __Intermediate Developer__ can:`): that sentence leads into the level's text, as a bold
 * label on a line of its own does. Undefined for any other paragraph.
 */
export function readLeadIn(tokens: Token[], text: string): string | undefined {
  if (!/:\s*$/.test(text) || text.split(/\s+/).length > MAX_LEAD_IN_WORDS) return undefined;
  const bold = tokens.filter((token) => token.type === 'strong');
  if (bold.length !== 1) return undefined;
  const title = clean(inlineText((bold[0] as Tokens.Strong).tokens));
  return looksLikeLevel(title) ? title : undefined;
}

/** Labels of the lines that carry data rather than prose: `**Management Equivalent**: X`, `**Also known as**: a, b`, `**Grade**: L5`, `_Note: …_`. */
/** `Management Equivalent`, `Equivalent role`, `Manager peer`: the level on another track at the same height. */
export const EQUIVALENT_LABEL = /(\bequivalent|\bpeers?)(\s+(role|level|title|position))?$|^equivalent\b/i;
export const ALIASES_LABEL = /^(also known as|aliases|aka)$/i;
export const GRADE_LABEL = /^grade$/i;
/** A label that introduces the level as a whole (`**Summary:** …`): its text is the level's description, not an axis. */
export const DESCRIPTION_LABEL = /^(summary|description|overview|in short|tl;?dr)$/i;
export const NONE = /^(n\/a|na|none|-|—|–)?$/i;

/** A paragraph that is one italic `Note: …`. */
export function readNote(tokens: Token[], text: string): string | undefined {
  if (tokens.length !== 1 || tokens[0]?.type !== 'em') return undefined;
  return /^note:\s*(.*)$/is.exec(text)?.[1];
}
