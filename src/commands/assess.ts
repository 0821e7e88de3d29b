import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { LadderError, withExcerpts } from '../errors.js';
import type { Diagnostic } from '../errors.js';
import { resolveLevel } from '../model/resolve.js';
import type { Ladder, Level } from '../model/model.js';
import { expectationsOf, review, updatedAssessment } from '../query/assessment.js';
import { ladderFingerprint } from '../query/fingerprint.js';
import { readAssessment } from '../read/assessment.js';
import type { Assessment } from '../model/assessment.js';
import { isFolderInput } from '../read/load.js';
import type { LadderSource } from '../read/source.js';
import { reviewRenderers } from '../render/assessment.js';
import { writeFileSafely } from '../write/write-file.js';
import { assessmentLadderName } from './assessment-ladder-name.js';
import type { CommandContext, OutputFlags } from './context.js';
import { contextLocation, emit, loadContextLadder, readContextSource } from './context.js';

export interface AssessNewOptions {
  level: string;
  target: string;
  output?: string;
  force: boolean;
}

/**
 * `ladder assess new --level L --target T [-o FILE]`: an assessment file prefilled with the
 * target's expectations, those new or changed since the current level marked. Written atomically,
 * never over an existing file without --force.
 */
export async function runAssessNew(context: CommandContext, options: AssessNewOptions): Promise<number> {
  const ladder = await loadContextLadder(context);
  const level = resolveLevel(ladder, options.level);
  const target = resolveLevel(ladder, options.target);
  const location = contextLocation(context);
  const file = assessmentLadderName(context, options.output);
  const expectations = expectationsOf(ladder, level, target).map((entry) => ({ ...entry, rating: null, evidence: [] }));
  const { assessmentYaml } = await import('../write/assessment-yaml.js');
  const content = assessmentYaml({ ladder: { file, fingerprint: ladderFingerprint(ladder) }, level: options.level, target: options.target, expectations });
  if (!options.output) {
    context.io.stdout.write(content);
    return 0;
  }
  writeFileSafely(options.output, content, { force: options.force, inputs: location.kind === 'path' ? [location.path] : ['-'], cwd: context.io.cwd, makeParents: true });
  const fresh = expectations.filter((entry) => entry.new).length;
  context.io.stderr.write(`ladder: wrote ${options.output}: ${expectations.length} expectations of ${target.title}, ${fresh} new since ${level.title}; rate each and add evidence, then run: ladder assess ${options.output}\n`);
  return 0;
}

export interface AssessOptions extends Omit<OutputFlags, 'format'> {
  format: OutputFlags['format'] | 'html';
  update: boolean;
}

/**
 * `ladder assess FILE`: the assessment against the ladder as it is now: coverage by axis, what is
 * not yet met or has no evidence, and what changed in the ladder since. Exits 0 when every
 * expectation is rated at the threshold, 1 otherwise. `--update` rewrites the file to match the
 * ladder, atomically, keeping every rating and piece of evidence.
 */
export async function runAssess(context: CommandContext, file: string, options: AssessOptions): Promise<number> {
  const input = readAssessmentFile(context, file);
  if (isFolderInput(input)) throw new LadderError('usage', `${input.name}: an assessment is one file, not a folder`);
  const assessment = readAssessment(input);
  if (!assessment) {
    const { assessmentProblems } = await import('../read/assessment-problems.js');
    throw invalid(input, assessmentProblems(input));
  }
  const ladder = await loadContextLadder(context, ladderFor(context, file, assessment));
  const level = await levelNamed(ladder, assessment, 'level', input);
  const target = await levelNamed(ladder, assessment, 'target', input);
  const fingerprint = ladderFingerprint(ladder);
  const reviewed = review(ladder, level, target, assessment, fingerprint);
  if (options.update) {
    const { assessmentYaml } = await import('../write/assessment-yaml.js');
    writeFileSafely(file, assessmentYaml(updatedAssessment(assessment, reviewed, fingerprint)), { force: true, inputs: [], cwd: context.io.cwd });
    context.io.stderr.write(`ladder: updated ${file} to the ladder as it is now; every rating and piece of evidence kept\n`);
  }
  if (options.format === 'html') context.io.stdout.write((await import('../write/assessment-html.js')).assessmentHtml(reviewed));
  else await emit(context, { ...options, format: options.format }, reviewed, reviewRenderers);
  return reviewed.met ? 0 : 1;
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
  return existsSync(path) ? path : undefined;
}

/** The level the assessment names, or an error at its line in the file. */
async function levelNamed(ladder: Ladder, assessment: Assessment, key: 'level' | 'target', source: LadderSource): Promise<Level> {
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
