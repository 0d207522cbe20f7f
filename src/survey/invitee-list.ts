/**
 * Who to invite (pure): reading a list of units (`name;email;municipality;sector`, one per line, an
 * optional header line, semicolons or commas), and deriving a unit's municipality and sector from the
 * organisation tree. Each bad line is reported with its number and column, and the good lines still count.
 */
import { parse } from 'csv-parse/sync';
import { CODE_NAMES, norwegianMunicipalities, norwegianMunicipality, swedishMunicipalities, swedishMunicipality } from '../reference/index.js';
import { LANGUAGES, MUNICIPAL_SECTORS, type MunicipalSector } from '../reference/codes.js';

export interface InviteePerson {
  name: string;
  email: string;
  municipalityCode: string | null;
  sector: MunicipalSector | null;
}

export const ROW_PROBLEMS = ['missing-name', 'invalid-email', 'unknown-municipality', 'ambiguous-municipality', 'unknown-sector', 'duplicate-email'] as const;
export type RowProblem = (typeof ROW_PROBLEMS)[number];

export interface ListRowProblem {
  /** Line number in the file, from 1. */
  line: number;
  column: 'name' | 'email' | 'municipality' | 'sector';
  problem: RowProblem;
  value: string;
}

export interface ParsedList {
  people: InviteePerson[];
  problems: ListRowProblem[];
}

/** Deliberately simple: one @, something on both sides, a dot in the domain, no spaces. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const isEmail = (value: string): boolean => value.length <= 254 && EMAIL.test(value);

const fold = (value: string) => value.trim().toLocaleLowerCase('nb').normalize('NFC');

/** Name → the municipalities of that name (Våler is both 3114 in Østfold and 3419 in Innlandet). */
const MUNICIPALITIES_BY_NAME = new Map<string, Set<string>>();
for (const [name, code] of [
  ...swedishMunicipalities.map((m) => [fold(m.name), m.code] as const),
  ...norwegianMunicipalities.flatMap((m) => [fold(m.norwegianName), fold(m.name), ...m.parallelNames.map((p) => fold(p.name))].map((name) => [name, m.number] as const)),
]) {
  MUNICIPALITIES_BY_NAME.set(name, (MUNICIPALITIES_BY_NAME.get(name) ?? new Set()).add(code));
}
const MUNICIPALITY_CODES = new Set([...norwegianMunicipalities.map((m) => m.number), ...swedishMunicipalities.map((m) => m.code)]);

/** Whether a code is a municipality's number (Norwegian 2024 or Swedish kommunkod). */
export const isMunicipalityCode = (code: string): boolean => MUNICIPALITY_CODES.has(code);

/**
 * A municipality by number (Norwegian 2024 or Swedish kommunkod) or by name; a name may end in
 * "kommune"/"kommun". `ambiguous` when the name is shared by several municipalities (give the number).
 */
export function municipalityCodeOf(value: string): string | null | 'ambiguous' {
  const text = value.trim();
  if (/^\d{4}$/.test(text)) return isMunicipalityCode(text) ? text : null;
  const codes = MUNICIPALITIES_BY_NAME.get(fold(text).replace(/\s+(kommune|kommun|municipality)$/, ''));
  if (!codes) return null;
  return codes.size === 1 ? [...codes][0]! : 'ambiguous';
}

/** A municipality's name by its number (Norwegian 2024 or Swedish kommunkod); null for an unknown code. */
export function municipalityName(code: string): string | null {
  return norwegianMunicipality(code)?.norwegianName ?? swedishMunicipality(code)?.name ?? null;
}

const SECTOR_BY_NAME = new Map<string, MunicipalSector>(
  MUNICIPAL_SECTORS.flatMap((sector) => [[sector, sector] as [string, MunicipalSector], ...LANGUAGES.map((l) => [fold(CODE_NAMES.municipalSector[sector]![l]), sector] as [string, MunicipalSector])]),
);

/** A municipal sector by code (`education`) or by its name in any of the four languages. */
export function sectorOf(value: string): MunicipalSector | null {
  return SECTOR_BY_NAME.get(fold(value)) ?? null;
}

/** Words in a unit's name that say its sector (Norwegian, Swedish, English), checked in this order. */
const SECTOR_WORDS: Array<[RegExp, MunicipalSector]> = [
  [/skole|skule|skola|barnehage|barnehagar|förskola|oppvekst|school|kindergarten|pps|ppt|voksenopplæring/i, 'education'],
  [/helse|omsorg|sykehjem|sjukeheim|hjemmetjeneste|heimeteneste|nav|barnevern|vård|omsorg|health|care|legevakt|rus|psykisk/i, 'health-social'],
  [/kultur|bibliotek|kino|museum|culture|library|kulturskole/i, 'culture'],
  [/teknisk|vei|veg|vann|avløp|renovasjon|eiendom|bygg|drift|teknik|gata|technical|water|roads/i, 'technical'],
  [/klima|miljø|miljö|natur|landbruk|skog|climate|environment/i, 'environment'],
  [/næring|arbeid|business|näring|labour/i, 'business-labour'],
  [/plan|samfunn|utvikling|samhälle|development/i, 'community-development'],
];

/** The sector a unit's name suggests (e.g. "Verket skole" → education); null when it says nothing. */
export function sectorFromUnitName(name: string): MunicipalSector | null {
  // Culture schools teach, but the pre-study counts them with culture.
  if (/kulturskole|kulturskule|kulturskola/i.test(name)) return 'culture';
  return SECTOR_WORDS.find(([pattern]) => pattern.test(name))?.[1] ?? null;
}

export interface TreeOrganisation {
  id: string;
  kind: string;
  placeCode: string | null;
}

/**
 * The municipality a unit belongs to: the nearest municipality at or above it in the tree that has a
 * municipality number, else the unit's own place code if that is one.
 */
export function municipalityInTree(path: string, byId: ReadonlyMap<string, TreeOrganisation>): string | null {
  const ids = path.split('/').filter(Boolean).reverse();
  for (const id of ids) {
    const organisation = byId.get(id);
    if (organisation?.kind === 'municipality' && organisation.placeCode && isMunicipalityCode(organisation.placeCode)) return organisation.placeCode;
  }
  const own = byId.get(ids[0] ?? '')?.placeCode;
  return own && isMunicipalityCode(own) ? own : null;
}

const looksLikeHeader = (row: string[]) => row.length >= 2 && !row[1]!.includes('@') && /e-?post|e-?mail|mejl/i.test(row[1]!);

/**
 * Reads the list. Throws `ListUnreadableError` (with the line) when it is not CSV at all; otherwise every
 * line becomes a person or problems. The same address twice counts once (the first line).
 */
export function parseInviteeList(text: string): ParsedList {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') || !firstLine.includes(',') ? ';' : ',';
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { delimiter, relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
  } catch (error) {
    throw new ListUnreadableError(Number((error as { lines?: unknown }).lines ?? 1));
  }
  const people: InviteePerson[] = [];
  const problems: ListRowProblem[] = [];
  const seen = new Set<string>();
  for (const [index, row] of rows.entries()) {
    const line = index + 1;
    if (row.every((cell) => cell === '')) continue;
    if (index === 0 && looksLikeHeader(row)) continue;
    const [name = '', email = '', municipality = '', sector = ''] = row;
    const lineProblems: ListRowProblem[] = [];
    if (name === '') lineProblems.push({ line, column: 'name', problem: 'missing-name', value: '' });
    if (!isEmail(email)) lineProblems.push({ line, column: 'email', problem: 'invalid-email', value: email });
    else if (seen.has(email.toLowerCase())) lineProblems.push({ line, column: 'email', problem: 'duplicate-email', value: email });
    const found = municipality === '' ? null : municipalityCodeOf(municipality);
    if (municipality !== '' && found === null) lineProblems.push({ line, column: 'municipality', problem: 'unknown-municipality', value: municipality });
    if (found === 'ambiguous') lineProblems.push({ line, column: 'municipality', problem: 'ambiguous-municipality', value: municipality });
    const municipalityCode = found === 'ambiguous' ? null : found;
    const sectorCode = sector === '' ? null : sectorOf(sector);
    if (sector !== '' && sectorCode === null) lineProblems.push({ line, column: 'sector', problem: 'unknown-sector', value: sector });
    if (lineProblems.length > 0) {
      problems.push(...lineProblems);
      continue;
    }
    seen.add(email.toLowerCase());
    people.push({ name, email, municipalityCode, sector: sectorCode });
  }
  return { people, problems };
}

export class ListUnreadableError extends Error {
  constructor(readonly line: number) {
    super(`The list cannot be read as CSV (line ${line})`);
  }
}
