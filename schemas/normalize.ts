import { ENUMERATED_DISTRICTS, GUANGDONG_CITIES, PROVINCES, WATERSHEDS } from './geography.ts';
import { INDUSTRIES } from './industries.ts';

/** One name read as a key: where, what was given, and the key used. */
export interface Normalization {
  readonly path: string;
  readonly given: string;
  readonly key: string;
}

type Names = Readonly<Record<string, string>>;

/** Chinese name → key, each name also with the suffixes people write after it (佛山市, 南海区, 广东省, 广西壮族自治区…). */
function lookup(names: Names, suffixes: readonly string[]): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  // Exact names first: a name with a suffix never shadows another key's own name.
  for (const [key, zh] of Object.entries(names)) out.set(zh, key);
  for (const [key, zh] of Object.entries(names)) for (const s of suffixes) if (!out.has(`${zh}${s}`)) out.set(`${zh}${s}`, key);
  return out;
}

const PROVINCE = lookup(PROVINCES, ['省', '市', '自治区', '壮族自治区', '回族自治区', '维吾尔自治区', '特别行政区']);
const CITY = lookup(GUANGDONG_CITIES, ['市']);
const DISTRICT: Readonly<Record<string, ReadonlyMap<string, string>>> = Object.fromEntries(
  Object.entries(ENUMERATED_DISTRICTS).map(([city, districts]) => [city, lookup(districts, ['区', '县', '市'])]),
);
const WATERSHED = lookup(WATERSHEDS, []);
const INDUSTRY = lookup(Object.fromEntries(Object.entries(INDUSTRIES).map(([k, v]) => [k, v.zh])), ['业', '行业']);

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The key for a name as people write it: a Chinese name (with or without its suffix) from `names`, or a key written
 * with capitals or spaces around it ("Foshan "). Anything else is returned unchanged (validation then names it).
 */
function keyOf(given: string, names: ReadonlyMap<string, string> | undefined): string {
  const trimmed = given.trim();
  const byName = names?.get(trimmed);
  if (byName) return byName;
  return /^[A-Za-z][A-Za-z -]*$/.test(trimmed) ? trimmed.toLowerCase() : given;
}

/**
 * Reads place and industry names given in Chinese (佛山, 佛山市 → foshan; 南海区 → nanhai; 陶瓷 → ceramics) or with stray
 * capitals as their keys, in a copy of the profile; the input is not changed. Every name read differently is listed,
 * so the answer can say so (warning `normalized`). Anything that is not a known name is left for validation to report.
 */
export function normalizeProfile(input: unknown, root = ''): { profile: unknown; notes: Normalization[] } {
  const notes: Normalization[] = [];
  if (!isRecord(input)) return { profile: input, notes };
  const at = (path: string) => (root ? `${root}.${path}` : path);
  const read = (value: unknown, path: string, names: ReadonlyMap<string, string> | undefined): unknown => {
    if (typeof value !== 'string') return value;
    const key = keyOf(value, names);
    if (key !== value) notes.push({ path: at(path), given: value, key });
    return key;
  };
  const readList = (value: unknown, path: string, names: ReadonlyMap<string, string>): unknown =>
    Array.isArray(value) ? value.map((v, i) => read(v, `${path}[${i}]`, names)) : value;
  const profile: Record<string, unknown> = { ...input };
  if (isRecord(input.location)) {
    const location: Record<string, unknown> = { ...input.location };
    if ('province' in location) location.province = read(location.province, 'location.province', PROVINCE);
    if ('city' in location) location.city = read(location.city, 'location.city', CITY);
    if ('district' in location) {
      const city = typeof location.city === 'string' ? location.city : undefined;
      location.district = read(location.district, 'location.district', city ? DISTRICT[city] : undefined);
    }
    if ('watersheds' in location) location.watersheds = readList(location.watersheds, 'location.watersheds', WATERSHED);
    profile.location = location;
  }
  if (isRecord(input.industry) && 'keys' in input.industry) {
    profile.industry = { ...input.industry, keys: readList(input.industry.keys, 'industry.keys', INDUSTRY) };
  }
  return { profile, notes };
}
