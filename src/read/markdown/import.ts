import { Lexer } from 'marked';
import type { Token, Tokens } from 'marked';
import type { Diagnostic } from '../../errors.js';
import type { LadderData } from '../../model/model.js';
import { assignLevelIds, trackId } from './ids.js';
import { resolveEquivalents } from './equivalents.js';

/** A level as read from Markdown, before ids are given and equivalents resolved. */
export interface DraftLevel {
  title: string;
  aliases: string[];
  /** The equivalent as the document names it; undefined or `n/a` means none. */
  equivalentName?: string;
  /** 1-based line of the equivalent, for messages. */
  equivalentLine?: number;
  description: string[];
  note?: string;
  axes: Map<string, string[]>;
  /** 1-based line of the level's heading, for messages. */
  line: number;
}

export interface DraftTrack {
  name: string;
  equivalentLabel?: string;
  description: string[];
  levels: DraftLevel[];
}

type DataTrack = LadderData['tracks'][number];
type DataLevel = DataTrack['levels'][number];

export interface ImportResult {
  /** In data form, whose axes keep the document's order. */
  ladder?: LadderData;
  warnings: Diagnostic[];
  errors: Diagnostic[];
}

/** Labels of the lines that carry data rather than prose: `**Management Equivalent**: X`, `**Also known as**: a, b`. */
const EQUIVALENT_LABEL = /equivalent$/i;
const ALIASES_LABEL = /^also known as$/i;
const NONE = /^(n\/a|none|-|—)?$/i;

/**
 * Reads a ladder written in Markdown in the seed's style: `#` tracks, `##` levels, `###` axes,
 * bold `… Equivalent` lines, an italic `_Note: …_`. Paragraphs under a track or level heading are
 * its description; paragraphs and list items under an axis are its text.
 */
export function importMarkdown(markdown: string, file: string): ImportResult {
  const warnings: Diagnostic[] = [];
  const tracks = readDocument(markdown, file, warnings);
  const levelCount = tracks.reduce((sum, track) => sum + track.levels.length, 0);
  if (levelCount === 0) {
    return { warnings, errors: [{ severity: 'error', file, line: 1, col: 1, message: 'no levels found: a level is a `##` heading (under a `#` track heading)' }] };
  }
  const ids = assignLevelIds(tracks);
  const { equivalents, errors } = resolveEquivalents(tracks, ids, file, warnings);
  const trackIds = new Set<string>();
  const ladder: LadderData = {
    tracks: tracks.map((track): DataTrack => {
      const id = unique(trackId(track.name), trackIds);
      return {
        id,
        name: track.name,
        // `Equivalent` is what a track without a label shows anyway.
        ...(track.equivalentLabel && track.equivalentLabel !== 'Equivalent' ? { equivalentLabel: track.equivalentLabel } : {}),
        ...(track.description.length > 0 ? { description: track.description.join('\n\n') } : {}),
        levels: track.levels.map((level) => toDataLevel(level, ids.get(level) as string, equivalents.get(level))),
      };
    }),
  };
  return errors.length > 0 ? { warnings, errors } : { ladder, warnings, errors };
}

function toDataLevel(level: DraftLevel, id: string, equivalent: string | undefined): DataLevel {
  return {
    id,
    title: level.title,
    ...(level.aliases.length > 0 ? { aliases: level.aliases } : {}),
    ...(equivalent ? { equivalent } : {}),
    ...(level.description.length > 0 ? { description: level.description.join('\n\n') } : {}),
    ...(level.note ? { note: level.note } : {}),
    axes: [...level.axes].map(([name, paragraphs]): [string, string] => [name, paragraphs.join('\n\n')]),
  };
}

function unique(base: string, taken: Set<string>): string {
  let candidate = base || 'track';
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${base}-${n}`;
  taken.add(candidate);
  return candidate;
}

function readDocument(markdown: string, file: string, warnings: Diagnostic[]): DraftTrack[] {
  const tracks: DraftTrack[] = [];
  let track: DraftTrack | undefined;
  let level: DraftLevel | undefined;
  let axis: string[] | undefined;
  let offset = 0;
  const lineAt = (at: number) => markdown.slice(0, at).split('\n').length;

  for (const token of new Lexer().lex(markdown.replace(/\r\n?/g, '\n'))) {
    const line = lineAt(offset);
    offset += token.raw.length;
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      const title = inlineText(heading.tokens);
      if (heading.depth === 1) {
        track = { name: title, description: [], levels: [] };
        tracks.push(track);
        level = axis = undefined;
      } else if (heading.depth === 2) {
        if (!track) {
          // A document that starts with levels has one unnamed track.
          track = { name: 'Levels', description: [], levels: [] };
          tracks.push(track);
        }
        level = { title, aliases: slashAliases(title), description: [], axes: new Map(), line };
        track.levels.push(level);
        axis = undefined;
      } else if (heading.depth === 3 && level) {
        axis = level.axes.get(title) ?? [];
        level.axes.set(title, axis);
      } else {
        warnings.push({ severity: 'warning', file, line, col: 1, message: `heading \`${title}\` is not a track (#), level (##) or axis (###) and is left out` });
      }
      continue;
    }
    for (const paragraph of blockParagraphs(token)) {
      if (axis) axis.push(paragraph.text);
      else if (level) readLevelParagraph(level, track as DraftTrack, paragraph, line);
      else if (track) track.description.push(paragraph.text);
      else warnings.push({ severity: 'warning', file, line, col: 1, message: 'text before the first heading is left out' });
    }
  }
  return tracks;
}

interface Paragraph {
  text: string;
  tokens: Token[];
}

/** The paragraphs a block holds: its own text, list items joined as clauses, a quote's paragraphs. */
function blockParagraphs(token: Token): Paragraph[] {
  switch (token.type) {
    case 'paragraph':
    case 'text': {
      const tokens = (token as Tokens.Paragraph).tokens ?? [];
      const text = tokens.length > 0 ? inlineText(tokens) : clean(token.text ?? '');
      return text ? [{ text, tokens }] : [];
    }
    case 'list': {
      const items = (token as Tokens.List).items.map((item) => item.tokens.flatMap(blockParagraphs).map((p) => p.text).join(' ')).filter(Boolean);
      return items.length > 0 ? [{ text: items.join('; '), tokens: [] }] : [];
    }
    case 'blockquote':
      return (token as Tokens.Blockquote).tokens.flatMap(blockParagraphs);
    case 'code':
      return [{ text: clean((token as Tokens.Code).text), tokens: [] }];
    default:
      return [];
  }
}

function readLevelParagraph(level: DraftLevel, track: DraftTrack, paragraph: Paragraph, line: number): void {
  const [first, ...rest] = paragraph.tokens;
  if (first?.type === 'strong') {
    const label = inlineText((first as Tokens.Strong).tokens).replace(/:\s*$/, '').trim();
    const value = inlineText(rest).replace(/^\s*:\s*/, '').trim();
    if (EQUIVALENT_LABEL.test(label)) {
      track.equivalentLabel ??= label;
      level.equivalentName = NONE.test(value) ? undefined : value;
      level.equivalentLine = line;
      return;
    }
    if (ALIASES_LABEL.test(label)) {
      for (const alias of value.split(',').map((part) => part.trim())) if (alias && !level.aliases.includes(alias)) level.aliases.push(alias);
      return;
    }
  }
  if (paragraph.tokens.length === 1 && first?.type === 'em') {
    const note = /^note:\s*(.*)$/is.exec(paragraph.text);
    if (note) {
      level.note = note[1];
      return;
    }
  }
  level.description.push(paragraph.text);
}

/** `Senior Vice President / CTO / CIO` is also known as `cto` and `cio`: the parts after the first. */
function slashAliases(title: string): string[] {
  const parts = title.split('/').map((part) => part.trim()).filter(Boolean);
  return parts.slice(1).map((part) => (/^[A-Z0-9]{2,6}$/.test(part) ? part.toLowerCase() : part));
}

/** The text of inline tokens with the Markdown taken away: emphasis unwrapped, escapes resolved, line breaks as spaces. */
export function inlineText(tokens: Token[] | undefined): string {
  return clean(tokens?.map(tokenText).join('') ?? '');
}

function tokenText(token: Token): string {
  switch (token.type) {
    case 'br':
      return ' ';
    case 'html':
      return '';
    case 'image':
      return (token as Tokens.Image).text;
    case 'codespan':
    case 'escape':
      return token.text ?? '';
    default:
      if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) return token.tokens.map(tokenText).join('');
      return 'text' in token ? String(token.text) : token.raw;
  }
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
