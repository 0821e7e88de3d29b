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
  /** A folder's README or index beside pages of one level each is its introduction; false reads it as a page like the others (`--no-introduction`). */
  introduction?: boolean;
  /** On a folder's pages, a heading over nothing but links to pages is navigation, left out; false reads it as content (`--no-navigation`). */
  navigation?: boolean;
  /** Pages titled a name and a rank (`Tech Lead 5`) make a track of each name; false keeps them one track (`--no-tracks-by-name`). */
  tracksByName?: boolean;
  /** A table's header row may be a row of groups over the row of level titles; false reads the header row as the titles' row (`--no-group-row`). */
  groupRow?: boolean;
  /** A table of levels may summarise levels other tables or headings hold; false reads every table of levels as levels (`--no-summary-tables`). */
  summaryTables?: boolean;
}

type Switch = 'transpose' | 'sharedTopics' | 'axisLabels' | 'introduction' | 'navigation' | 'tracksByName' | 'groupRow' | 'summaryTables';

/** The settings that are true or false, by their front matter key. */
const SWITCHES: Record<string, Switch> = {
  transpose: 'transpose',
  'shared-topics': 'sharedTopics',
  'axis-labels': 'axisLabels',
  introduction: 'introduction',
  navigation: 'navigation',
  'tracks-by-name': 'tracksByName',
  'group-row': 'groupRow',
  'summary-tables': 'summaryTables',
};

/** The front matter key that keeps a document's overrides beside its text, for `-f FILE.md` as for `import`. */
export const SETTINGS_KEY = 'ladder';

/**
 * Reads `ladder: { not-level: [...], level-depth: 2, transpose: true, axis-labels: false, ... }` from front matter. A value
 * of the wrong kind, or a key it does not know, is named in a warning and ignored.
 */
export function readSettings(value: unknown, file: string, line: number, findings: Findings): Overrides {
  const settings: Overrides = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    findings.warn(file, line, `front matter \`${SETTINGS_KEY}\` is not a mapping; ignored`, `write \`${SETTINGS_KEY}: { level-depth: 2, not-level: [Title], transpose: true }\``);
    return settings;
  }
  const names = (setting: unknown) => typeof setting === 'string' || (Array.isArray(setting) && setting.every((name) => typeof name === 'string'));
  for (const [key, setting] of Object.entries(value)) {
    const switched = Object.hasOwn(SWITCHES, key) ? SWITCHES[key] : undefined;
    if ((key === 'not-level' || key === 'keep-page' || key === 'skip-page') && names(setting)) {
      settings[key === 'not-level' ? 'notLevel' : key === 'keep-page' ? 'keepPage' : 'skipPage'] = typeof setting === 'string' ? [setting] : (setting as string[]);
    } else if (key === 'level-depth' && Number.isInteger(setting) && (setting as number) >= 1 && (setting as number) <= 6) {
      settings.levelDepth = setting as number;
    } else if (switched && typeof setting === 'boolean') {
      settings[switched] = setting;
    } else {
      findings.warn(file, line, `front matter \`${SETTINGS_KEY}.${key}\` is not a setting the reader knows, or its value is not of its kind; ignored`, `the settings are not-level, keep-page and skip-page (names), level-depth (1 to 6), and ${Object.keys(SWITCHES).join(', ')} (true or false)`);
    }
  }
  return settings;
}

/** The command line's overrides win over a file's; titles and pages named add up. */
export function mergeOverrides(fromFiles: Overrides[], fromCommandLine: Overrides): Overrides {
  const all = [...fromFiles, fromCommandLine];
  const levelDepth = fromCommandLine.levelDepth ?? fromFiles.find((each) => each.levelDepth !== undefined)?.levelDepth;
  const merged: Overrides = { notLevel: all.flatMap((each) => each.notLevel ?? []), ...pages('keepPage', all), ...pages('skipPage', all), ...(levelDepth !== undefined ? { levelDepth } : {}) };
  for (const key of Object.values(SWITCHES)) {
    const value = fromCommandLine[key] ?? fromFiles.find((each) => each[key] !== undefined)?.[key];
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

/** Page names given in several places add up; none gives no key. */
function pages(key: 'keepPage' | 'skipPage', all: Overrides[]): Overrides {
  const names = all.flatMap((each) => each[key] ?? []);
  return names.length > 0 ? { [key]: names } : {};
}
