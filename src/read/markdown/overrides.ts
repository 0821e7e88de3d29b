import type { Findings } from './draft.js';

/** What the author can say about a decision the reader would get wrong: on the command line, or under `ladder:` in the front matter. */
export interface Overrides {
  /** Titles of sections to keep as prose (`--not-level`). */
  notLevel?: string[];
  /** The depth of the headings that are the levels (`--level-depth`). */
  levelDepth?: number;
  /** Competency-first: each section is an axis and the labels under it are the levels (`--transpose`). */
  transpose?: boolean;
  /** A front-matter matrix takes the topics it names from the shared file (`generic.md`); false reads it alone (`--no-shared-topics`). */
  sharedTopics?: boolean;
  /** Whether the bold words that open the levels' list items name axes (`--axis-labels`), or are each level's own words (`--no-axis-labels`). */
  axisLabels?: boolean;
  /** Pages of a folder to read as ladder pages, whatever they hold (`--keep-page`). */
  keepPage?: string[];
  /** Pages of a folder to skip as holding no ladder (`--skip-page`). */
  skipPage?: string[];
}

/** The front matter key that keeps a document's overrides beside its text, for `-f FILE.md` as for `import`. */
export const SETTINGS_KEY = 'ladder';

/**
 * Reads `ladder: { not-level: [...], level-depth: 2, transpose: true, axis-labels: false, shared-topics: false }` from front matter. A value
 * of the wrong kind, or a key it does not know, is named in a warning and ignored.
 */
export function readSettings(value: unknown, file: string, line: number, findings: Findings): Overrides {
  const settings: Overrides = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    findings.warn(file, line, `front matter \`${SETTINGS_KEY}\` is not a mapping; ignored`, `write \`${SETTINGS_KEY}: { level-depth: 2, not-level: [Title], transpose: true }\``);
    return settings;
  }
  for (const [key, setting] of Object.entries(value)) {
    if (key === 'not-level' && (typeof setting === 'string' || (Array.isArray(setting) && setting.every((title) => typeof title === 'string')))) {
      settings.notLevel = typeof setting === 'string' ? [setting] : (setting as string[]);
    } else if ((key === 'keep-page' || key === 'skip-page') && (typeof setting === 'string' || (Array.isArray(setting) && setting.every((name) => typeof name === 'string')))) {
      settings[key === 'keep-page' ? 'keepPage' : 'skipPage'] = typeof setting === 'string' ? [setting] : (setting as string[]);
    } else if (key === 'level-depth' && Number.isInteger(setting) && (setting as number) >= 1 && (setting as number) <= 6) {
      settings.levelDepth = setting as number;
    } else if (key === 'transpose' && typeof setting === 'boolean') {
      settings.transpose = setting;
    } else if (key === 'shared-topics' && typeof setting === 'boolean') {
      settings.sharedTopics = setting;
    } else if (key === 'axis-labels' && typeof setting === 'boolean') {
      settings.axisLabels = setting;
    } else {
      findings.warn(file, line, `front matter \`${SETTINGS_KEY}.${key}\` is not a setting the reader knows, or its value is not of its kind; ignored`, 'the settings are not-level, keep-page and skip-page (names), level-depth (1 to 6), transpose, axis-labels and shared-topics (true or false)');
    }
  }
  return settings;
}

/** The command line's overrides win over a file's; titles kept as prose add up. */
export function mergeOverrides(fromFiles: Overrides[], fromCommandLine: Overrides): Overrides {
  const all = [...fromFiles, fromCommandLine];
  const levelDepth = fromCommandLine.levelDepth ?? fromFiles.find((each) => each.levelDepth !== undefined)?.levelDepth;
  const transpose = fromCommandLine.transpose ?? fromFiles.find((each) => each.transpose !== undefined)?.transpose;
  const axisLabels = fromCommandLine.axisLabels ?? fromFiles.find((each) => each.axisLabels !== undefined)?.axisLabels;
  return {
    notLevel: all.flatMap((each) => each.notLevel ?? []),
    ...pages('keepPage', all),
    ...pages('skipPage', all),
    ...(levelDepth !== undefined ? { levelDepth } : {}),
    ...(transpose !== undefined ? { transpose } : {}),
    ...(axisLabels !== undefined ? { axisLabels } : {}),
  };
}

/** Page names given in several places add up; none gives no key. */
function pages(key: 'keepPage' | 'skipPage', all: Overrides[]): Overrides {
  const names = all.flatMap((each) => each[key] ?? []);
  return names.length > 0 ? { [key]: names } : {};
}
