import { basename } from 'node:path';
import type { Block, ListItem, Section } from './blocks.js';
import type { DraftLadder, DraftLevel, DraftTrack, Findings } from './draft.js';
import { descendants, headingText, subtreeText } from './structure.js';
import { pushAll } from '../../lists.js';

/** The page a folder opens with, as a repository host shows it: `README.md`, `index.md`, `_index.md`. */
export const INTRODUCTION_PAGE = /^(readme|index|_index)\.(md|markdown)$/i;

/**
 * A folder's introduction beside pages of one level each: its first heading names the ladder
 * (unless something already does) and everything else is the ladder's description. Returns the
 * ladder's name, if the page gave it, and the prose.
 */
export function readIntroduction(root: Section, file: string, named: boolean, findings: Findings): { name?: string; prose: string[] } {
  const rule = "introduction: a folder's README or index beside pages of one level each describes the ladder";
  // The way to read it as a page is said once, on its first line.
  const override = ' (--no-introduction or `ladder: { introduction: false }` reads it as a page)';
  const [first] = root.children;
  const name = !named && first?.title ? first.title : undefined;
  for (const section of descendants(root)) {
    const isName = section === first && name !== undefined;
    const said = `${rule}${section === first ? override : ''}`;
    findings.decide(file, section.line, headingText(section), isName ? 'ladder title' : 'prose', isName ? `${said}; its first heading names it` : said);
  }
  const prose = [...subtreeText({ ...root, children: [] }), ...root.children.flatMap((child) => [...(child === first && name !== undefined ? [] : [child.title]), ...subtreeText(child)])];
  return { ...(name !== undefined ? { name } : {}), prose: prose.filter(Boolean) };
}

/** `Tech Lead 5` → stem `Tech Lead`; `Data Scientist III` → `Data Scientist`. */
const STEM_AND_RANK = /^(.*\S)\s+(\d+|[IVX]+)$/;

/**
 * One level per page, titled a stem and a rank (`Data Scientist 3`, `Tech Lead 5`, `Engineering
 * Manager 5`): where the pages have two stems or more, each with two pages or more, each stem is a
 * track of its own, its levels in page order. Pages of one stem stay one track, and so do stems
 * of which one is another with words added (`Engineer 1`, `Senior Engineer 1`: one track). What
 * the track held besides its levels is the ladder's prose.
 */
export function splitTracksByStem(ladder: DraftLadder, findings: Findings): void {
  ladder.tracks = ladder.tracks.flatMap((track) => {
    const stems = stemsOf(track.levels);
    if (!stems) return [track];
    pushAll(ladder.description, track.description);
    return [...stems].map(([stem, levels]) => {
      const [first] = levels as [DraftLevel];
      findings.decide(first.file, first.line, `${levels.length} pages titled \`${stem} N\``, 'track', `one level per file: the pages' titles are a name and a rank, and ${stems.size} names recur; each name is a track (--no-tracks-by-name or \`ladder: { tracks-by-name: false }\` keeps one track)`);
      const split: DraftTrack = { name: stem, description: [], levels, file: first.file, line: first.line };
      return split;
    });
  });
}

/** The levels of each stem, in order, where the track is one level per page of two stems or more, each on two pages or more. */
function stemsOf(levels: DraftLevel[]): Map<string, DraftLevel[]> | undefined {
  if (levels.length < 4 || new Set(levels.map((level) => level.file)).size !== levels.length) return undefined;
  const stems = new Map<string, DraftLevel[]>();
  for (const level of levels) {
    const stem = STEM_AND_RANK.exec(level.title)?.[1];
    if (stem === undefined) return undefined;
    const same = stems.get(stem);
    if (same) same.push(level);
    else stems.set(stem, [level]);
  }
  if (stems.size < 2 || [...stems.values()].some((each) => each.length < 2)) return undefined;
  const words = [...stems.keys()].map((stem) => new Set(stem.toLowerCase().split(/\s+/)));
  const within = (a: Set<string>, b: Set<string>) => a !== b && [...a].every((word) => b.has(word));
  return words.some((a) => words.some((b) => within(a, b))) ? undefined : stems;
}

/**
 * Navigation between a folder's pages: a heading over nothing but a list of links to pages
 * (`#### [README](README.md)` over `* [Senior](senior.md)` …), repeated on every page. It is no
 * level's content, so it is taken out of the page before the page is read, and its words are
 * named in a warning.
 */
export function leaveOutNavigation(root: Section, file: string, findings: Findings): void {
  const navigation = descendants(root).filter(isNavigation);
  const removed = new Set(navigation);
  // Each parent's headings are filtered once, however many navigation sections it holds.
  for (const parent of new Set(navigation.map((section) => section.parent))) if (parent) parent.children = parent.children.filter((child) => !removed.has(child));
  for (const section of navigation) {
    findings.decide(file, section.line, headingText(section), 'skipped', 'navigation: a heading over a list of links to pages of the folder (--no-navigation or `ladder: { navigation: false }` reads it as content)');
    const items = section.blocks.flatMap((block) => (block.kind === 'list' ? block.items.map((item) => item.text) : []));
    findings.leaveOut(file, section.line, 'navigation (links to the pages of the folder)', [section.title, ...items].join(' '));
  }
}

function isNavigation(section: Section): boolean {
  const lists = section.blocks.filter((block): block is Extract<Block, { kind: 'list' }> => block.kind === 'list');
  return section.children.length === 0 && lists.length > 0 && lists.length === section.blocks.length && lists.every((list) => list.items.every(linksToAPage));
}

/** An item that is one link to a page beside this one (`[Senior](senior.md)`), and nothing else. */
function linksToAPage(item: ListItem): boolean {
  const tokens = item.tokens.filter((token) => !(token.type === 'text' && token.raw.trim() === ''));
  const [link] = tokens;
  return tokens.length === 1 && link?.type === 'link' && item.children.length === 0 && item.more.length === 0 && PAGE_LINK.test(link.href as string);
}

/** A relative link to a Markdown page: no scheme, no leading `#` or `/`. */
const PAGE_LINK = /^(?![a-z][a-z0-9+.-]*:|[#/])[^?#]*\.(md|markdown)(?:[?#].*)?$/i;

export function isIntroductionPage(name: string): boolean {
  return INTRODUCTION_PAGE.test(basename(name));
}
