import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { LadderError, withExcerpts } from '../errors.js';
import type { Diagnostic } from '../errors.js';
import { resolveLevel } from '../model/resolve.js';
import type { Ladder, Level } from '../model/model.js';
import { assessmentSchemaPath } from '../paths.js';
import { expectationsOf, matchToFile, review, targetNotAhead, updatedAssessment } from '../query/assessment.js';
import { ladderFingerprint } from '../query/fingerprint.js';
import { qualifiedTitle } from '../query/views.js';
import { readAssessment } from '../read/assessment.js';
import type { Assessment } from '../model/assessment.js';
import { isFolderInput } from '../read/load.js';
import type { LadderSource } from '../read/source.js';
import { reviewRenderers } from '../render/assessment.js';
import { writeFileSafely } from '../write/write-file.js';
import { assessmentLadderName } from './assessment-ladder-name.js';
import type { CommandContext, OutputFlags } from './context.js';
import { contextLocation, emit, levelPairNamed, loadContextLadder, readContextSource } from './context.js';

export interface AssessNewOptions {
  level: string;
  target: string;
  output?: string;
  force: boolean;
  /** Also copy the schema beside the file, and name that copy in the modeline (works offline). */
  schema: boolean;
}

/**
 * `ladder assess new --level L --target T [-o FILE]`: an assessment file prefilled with the
 * target's expectations, those new or changed since the current level marked. Written atomically,
 * never over an existing file without --force.
 */
export async function runAssessNew(context: CommandContext, options: AssessNewOptions): Promise<number> {
  const ladder = await loadContextLadder(context);
  const [level, target] = levelPairNamed(context, ladder, options.level, options.target);
  const behind = targetNotAhead(level, target);
  if (behind) throw new LadderError('usage', `--target ${qualifiedTitle(ladder, target)} ${behind} (${qualifiedTitle(ladder, level)})`, { hint: 'name as --target the level you are working towards, above --level' });
  if (options.schema && !options.output) throw new LadderError('usage', '--schema copies the schema beside the file, so it needs -o FILE', { hint: 'ladder assess new --level LEVEL --target LEVEL -o FILE --schema' });
  const location = contextLocation(context);
  const file = assessmentLadderName(context, options.output);
  const expectations = expectationsOf(ladder, level, target).map((entry) => ({ ...entry, rating: null, evidence: [] }));
  const { assessmentYaml } = await import('../write/assessment-yaml.js');
  // Ids, not the names as typed: `--target L5`, clear beside `--level backend:L4`, names 3 levels alone.
  const assessment = { ladder: { file, fingerprint: ladderFingerprint(ladder) }, name: null, date: null, reviewer: null, level: level.id, target: target.id, expectations };
  if (!options.output) {
    context.io.stdout.write(assessmentYaml(assessment));
    return 0;
  }
  const write = (path: string, content: string) => writeFileSafely(path, content, { force: options.force, inputs: location.kind === 'path' ? [location.path] : ['-'], cwd: context.io.cwd, makeParents: true });
  const schemaCopy = join(dirname(options.output), basename(assessmentSchemaPath));
  if (options.schema) write(schemaCopy, readFileSync(assessmentSchemaPath, 'utf8'));
  write(options.output, assessmentYaml(assessment, options.schema ? `./${basename(assessmentSchemaPath)}` : undefined));
  const fresh = expectations.filter((entry) => entry.new).length;
  const changed = expectations.filter((entry) => entry.changed).length;
  const written = options.schema ? `${options.output} and ${schemaCopy}` : options.output;
  context.io.stderr.write(`ladder: wrote ${written}: ${expectations.length} expectations of ${qualifiedTitle(ladder, target)}: ${fresh} new, ${changed} changed since ${qualifiedTitle(ladder, level)}; rate each and add evidence, then run: ladder assess ${options.output}\n`);
  return 0;
}

export interface AssessOptions extends Omit<OutputFlags, 'format'> {
  format: OutputFlags['format'] | 'html';
  update: boolean;
  /** Exit 1 when an expectation is not yet met, in every format (by default a packet, md or html, exits 0 once written). */
  exitCode: boolean;
}

/**
 * `ladder assess FILE`: the assessment against the ladder as it is now: coverage by axis, what is
 * not yet met or has no evidence, and what changed in the ladder since. The views exit 0 when every
 * expectation is rated at the threshold, 1 otherwise; a packet (md, html) is a document, and
 * exits 0 once written unless --exit-code asks for the verdict. `--update` rewrites the file to
 * match the ladder, atomically, keeping every rating, piece of evidence and comment.
 */
export async function runAssess(context: CommandContext, file: string, options: AssessOptions): Promise<number> {
  const input = readAssessmentFile(context, file);
  if (isFolderInput(input)) throw new LadderError('usage', `${input.name}: an assessment is one file, not a folder`);
  let assessment = readAssessment(input);
  if (!assessment) {
    const { assessmentProblems } = await import('../read/assessment-problems.js');
    const checked = assessmentProblems(input);
    if (!checked.assessment) throw invalid(input, checked.diagnostics);
    assessment = checked.assessment;
  }
  const ladder = await loadContextLadder(context, ladderFor(context, file, assessment));
  const level = await assessedLevel(ladder, assessment, 'level', input);
  const target = await assessedLevel(ladder, assessment, 'target', input);
  const fingerprint = ladderFingerprint(ladder);
  const matched = matchToFile(ladder, level, target, assessment);
  const reviewed = { ...review(ladder, level, target, assessment, fingerprint, matched), updated: options.update };
  if (options.update) {
    const { updatedAssessmentYaml } = await import('../write/assessment-yaml.js');
    writeFileSafely(file, updatedAssessmentYaml(input.text, updatedAssessment(assessment, reviewed, fingerprint), matched), { force: true, inputs: [], cwd: context.io.cwd });
    context.io.stderr.write(`ladder: updated ${file} to the ladder as it is now; every rating and piece of evidence kept\n`);
  }
  if (options.format === 'html') context.io.stdout.write((await import('../write/assessment-html.js')).assessmentHtml(reviewed));
  else await emit(context, { ...options, format: options.format }, reviewed, reviewRenderers);
  const packet = options.format === 'html' || options.format === 'md';
  return reviewed.met || (packet && !options.exitCode) ? 0 : 1;
}

/** The assessment file, or an error whose hint is about assessments, not ladder files. */
function readAssessmentFile(context: CommandContext, file: string): ReturnType<typeof readContextSource> {
  try {
    return readContextSource(context, file);
  } catch (error) {
    if (!(error instanceof LadderError) || error.code !== 'file') throw error;
    throw new LadderError('file', error.message, { hint: 'write one with `ladder assess new --level LEVEL --target LEVEL -o FILE`' });
  }
}

/** The ladder to read: --file or $LADDER_FILE when given, else the file the assessment names (relative to it), else the ladder in effect. */
function ladderFor(context: CommandContext, file: string, assessment: Assessment): string | undefined {
  if (context.file !== undefined || context.io.env.LADDER_FILE) return context.file;
  const named = assessment.ladder.file;
  if (named === '-') return undefined;
  const path = isAbsolute(named) ? named : join(dirname(resolve(context.io.cwd, file)), named);
  const kind = statSync(path, { throwIfNoEntry: false });
  // Named by the file, not by the person: a FIFO there would wait for ever.
  if (kind && !kind.isFile() && !kind.isDirectory()) throw new LadderError('file', `${named}: the ladder ${file} names is not a regular file (a FIFO, a socket or a device), so it was not read`, { hint: 'name the ladder with --file' });
  return kind ? path : undefined;
}

/** The level the assessment names, or an error at its line in the file. */
async function assessedLevel(ladder: Ladder, assessment: Assessment, key: 'level' | 'target', source: LadderSource): Promise<Level> {
  try {
    return resolveLevel(ladder, assessment[key]);
  } catch (error) {
    if (!(error instanceof LadderError)) throw error;
    const { assessmentPosition } = await import('../read/assessment-problems.js');
    const candidates = error.candidates.length > 0 ? ` (${error.candidates.map((candidate) => candidate.id).join(', ')})` : '';
    throw invalid(source, [{ severity: 'error', file: source.name, ...assessmentPosition(source, [key]), message: `${key}: ${error.message}${candidates}`, ...(error.hint ? { hint: error.hint } : {}) }]);
  }
}

function invalid(source: LadderSource, diagnostics: Diagnostic[]): LadderError {
  return new LadderError('invalid', `${source.name}: not a valid assessment`, { diagnostics: withExcerpts(diagnostics, [source]) });
}
