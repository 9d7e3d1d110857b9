import { Readable } from 'node:stream';
import { impactDetail, synthesize } from '../../analysis/index.ts';
import { CleanprodError, type RuleBase, ValidationError } from '../../engine/index.ts';
import { describeErrors, normalizeProfile, type Profile, validatorFor } from '../../schemas/index.ts';
import { mapHeader, rowToProfile } from '../../cli/batch/columns.ts';
import { csvRecords } from '../../cli/batch/csv.ts';
import { DEFAULT_LIMITS } from '../../cli/batch/limits.ts';

/** An uploaded population: CSV with the batch columns (examples/README.md), or JSONL with a profile (or {profile}) per line. */
export interface PopulationFile {
  format: 'csv' | 'jsonl';
  text: string;
  /** The file's name as the caller gave it, for messages. */
  name: string;
}

/** The impact-detail task (server/pool/tasks.ts): the population is given, synthetic, or an uploaded file. */
export interface ImpactDetailTask {
  kind: 'impact-detail';
  id: string;
  from: string;
  to: string;
  asOf?: string;
  profiles?: Profile[];
  synthetic?: { n: number; seed: number };
  file?: PopulationFile;
  /** Most profiles the population may hold (the server's populationLimit). */
  limit: number;
}

/** A row of an uploaded file that was left out, and why. */
export interface SkippedRow {
  row: number;
  message: string;
}

/** Skipped rows listed in the answer (the rest are counted). */
export const SKIPPED_SHOWN = 20;

export class PopulationTooLargeError extends CleanprodError {
  constructor(file: string, limit: number) {
    super(
      'BATCH_TOO_LARGE',
      {
        zh: `${file}：超过 ${limit} 家企业；一次影响分析最多评估 ${limit} 家`,
        en: `${file}: more than ${limit} profiles; an impact request may evaluate at most ${limit}`,
      },
      [{ path: '(file)', message: `more than ${limit} rows`, text: { zh: `超过 ${limit} 行`, en: `more than ${limit} rows` } }],
    );
  }
}

const validate = () => validatorFor<Profile>('Profile');

/** One row's profile, read as the batch reads it: names normalised (佛山 → foshan), then validated; or why it is left out. */
function checked(input: unknown, errors: { path: string; message: string }[]): Profile | string {
  if (errors.length > 0) return errors.map((e) => `${e.path}: ${e.message}`).join('; ');
  const { profile } = normalizeProfile(input);
  const v = validate();
  if (!v(profile))
    return describeErrors(v.errors)
      .map((e) => `${e.path}: ${e.message}`)
      .join('; ');
  return profile;
}

/** A JSONL line: a profile, or {profile} (a row's asOf is not used: an impact is judged on one date). */
function fromLine(line: string): Profile | string {
  let doc: unknown;
  try {
    doc = JSON.parse(line);
  } catch (e) {
    return `not valid JSON: ${(e as Error).message}`;
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return 'expected a JSON object: a profile or {profile}';
  const profile = 'profile' in doc ? (doc as { profile: unknown }).profile : doc;
  return checked(profile, []);
}

/**
 * The profiles of an uploaded file, each row read and checked on its own: a bad row is skipped (and listed, with its
 * reason), the others kept. A file over `limit` rows, an unknown column or broken CSV stops the whole request (400/413).
 */
export async function readPopulation(file: PopulationFile, limit: number): Promise<{ profiles: Profile[]; skipped: SkippedRow[]; skippedRows: number }> {
  const profiles: Profile[] = [];
  const skipped: SkippedRow[] = [];
  let skippedRows = 0;
  let row = 0;
  const take = (result: Profile | string) => {
    row += 1;
    if (row > limit) throw new PopulationTooLargeError(file.name, limit);
    if (typeof result !== 'string') profiles.push(result);
    else {
      skippedRows += 1;
      if (skipped.length < SKIPPED_SHOWN) skipped.push({ row, message: result });
    }
  };
  if (file.format === 'jsonl') {
    for (const line of file.text.split('\n')) if (line.trim() !== '') take(fromLine(line.replace(/^\uFEFF/, '')));
  } else {
    let map: ReturnType<typeof mapHeader> | undefined;
    for await (const record of csvRecords(Readable.from([Buffer.from(file.text)]), file.name, DEFAULT_LIMITS)) {
      if (!map) {
        map = mapHeader(record);
        continue;
      }
      const r = rowToProfile(map, record);
      take(checked(r.profile, r.errors));
    }
    if (!map) throw new ValidationError(`${file.name}: empty: a CSV needs a header row naming the profile columns`, [{ path: '(file)', message: 'empty' }]);
  }
  if (profiles.length === 0) {
    throw new ValidationError(
      `${file.name}: no row holds a valid profile (${skippedRows} rows)`,
      skipped.map((s) => ({ path: `(row ${s.row})`, message: s.message })),
    );
  }
  return { profiles, skipped, skippedRows };
}

/** Runs the task: the population read or made, then impact with its breakdown (analysis/impact-detail.ts). */
export async function runImpactDetail(base: RuleBase, t: ImpactDetailTask): Promise<{ json: string; evaluations: number }> {
  const read = t.file ? await readPopulation(t.file, t.limit) : undefined;
  const population = read?.profiles ?? t.profiles ?? [...synthesize(t.synthetic?.n ?? 1000, t.synthetic?.seed ?? 42)];
  const detail = impactDetail(base, t.id, t.from, t.to, population, t.asOf);
  const source = t.file
    ? { kind: 'file', name: t.file.name }
    : t.profiles
      ? { kind: 'profiles' }
      : { kind: 'synthetic', ...(t.synthetic ?? { n: 1000, seed: 42 }) };
  const body = { ...detail, population: detail.population, source, skipped: read?.skipped ?? [], skippedRows: read?.skippedRows ?? 0 };
  return { json: JSON.stringify(body), evaluations: 2 * population.length };
}
