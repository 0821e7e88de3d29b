import type { RuleDescriptor } from '../render/annotations.js';

const rule = (id: string, name: string, short: string, full: string, help: string): RuleDescriptor => ({ id, name, short, full, help });

/**
 * The rule ids of `validate`'s problems, for SARIF: what makes a file not a ladder (errors), and
 * what is allowed but probably a mistake (warnings, errors with --strict). A problem that names
 * no rule is reported under `invalid-ladder` or `ladder-warning`.
 */
export const VALIDATE_RULES: readonly RuleDescriptor[] = [
  rule('unreadable', 'UnreadableFile', 'The file cannot be read.', 'The ladder file or folder does not exist, cannot be read, is too large or is not text.', 'Name a readable ladder file with -f FILE, or fix its permissions.'),
  rule('yaml-syntax', 'YamlSyntax', 'The file is not valid YAML.', 'The file breaks YAML syntax (an indentation, a quote, a tab, a repeated key), or holds no ladder.', 'Fix the YAML at the position given; the hint says how.'),
  rule('schema', 'Schema', 'The file does not have the shape of a ladder.', 'A value is missing, misspelt, of the wrong type, or not allowed where it is, by schema/ladder.schema.json.', 'Follow the hint; editors that read the schema complete and check the file as you type.'),
  rule('cross-reference', 'CrossReference', 'Levels do not fit together.', 'An id used twice, an equivalent that names no level or is not named back, a grade not on the scale, or names that two levels share.', 'Correct the reference named in the message.'),
  rule('folder', 'Folder', 'The files of a ladder folder disagree.', 'A track repeated in several files with different content, or ladder-wide settings (name, grades, axes) that differ between files.', 'Make the copies the same, or keep the setting in one file.'),
  rule('markdown', 'MarkdownLadder', 'The Markdown cannot be read as a ladder.', 'A Markdown ladder with a heading without text, a title two levels share, an equivalent that names no level, or nesting too deep.', 'Fix the Markdown at the line given.'),
  rule('markdown-reader', 'MarkdownLeftOut', 'Text of a Markdown ladder that is not part of the ladder.', 'A section the Markdown reader kept as prose rather than as a level, or text it left out (a table of another shape, front matter it does not know), named so that no word is lost silently.', 'Check that the text is where it belongs; the message says why it was not read as part of a level.'),
  rule('missing-axis', 'MissingAxis', "A level lacks an axis of its track.", "A level that lacks an axis its track's other levels have, or that the track's axis definitions name.", 'Add the axis to the level.'),
  rule('axis-name', 'AxisNameNearlyAnother', 'An axis name is nearly another.', 'An axis name a case or a letter or two from a more common one (`Customer Sucess`): probably a typo.', 'Use the name the other levels use.'),
  rule('undefined-axis', 'UndefinedAxis', 'An axis the track does not define.', "A level's axis that is not among the axes the ladder or its track defines (`axes:`).", 'Define the axis, or use one of the defined names.'),
  rule('empty-text', 'EmptyText', 'An empty axis, description or note.', 'An axis, description or note that is present but holds no text.', 'Write the text, or remove the key.'),
  rule('empty-level', 'EmptyLevel', 'A level that says nothing.', 'A level with neither axes nor a description.', 'Say what the level expects, under axes or in a description.'),
  rule('invalid-ladder', 'InvalidLadder', 'The file is not a valid ladder.', 'The file is not a valid ladder: YAML syntax, the schema, or a cross-reference between levels.', 'Fix the problem at the position given.'),
  rule('ladder-warning', 'LadderWarning', 'Allowed, but probably a mistake.', 'Allowed, but probably a mistake: a missing axis, a near-duplicate axis name, empty text.', 'Check the text at the position given; --strict makes warnings errors.'),
];
