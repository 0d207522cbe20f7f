/**
 * From an import file's rows to drafts of initiatives (pure). Two layouts are understood:
 *
 * - **Generic** (documented in docs/PORTFOLIO-IMPORT.md): one initiative per row, columns found by their
 *   heading in Norwegian or English (`IMPORT_COLUMNS`); only the title is required.
 * - **Horizon 2020 participations** (the Research Council of Norway's open data, `Prosjektnr`,
 *   `Deltakernr`, `Innvilget beløp organisasjon EUR` …): one initiative per participation, placed under
 *   the participating organisation, which is placed under its county (2024 structure, found from the
 *   address municipality of 2020–2023).
 *
 * Each draft carries the problems found in its cells, against the file's column heading.
 */
import { checkOrgNumber } from '../organisations/org-number.js';
import { norwegianCounties, norwegianCounties2020 } from '../reference/norwegian-counties.js';
import { municipalityChanges2020To2024, norwegianMunicipalities } from '../reference/norwegian-municipalities.js';
import type { PortfolioMessageKey } from './messages.js';
import type { Status } from './life-cycle.js';
import type { BudgetLine, Currency } from './money.js';
import type { ImportCell, ImportTable } from './import-file.js';
import { cellText, parseAmount, parseCurrency, parseDay, parseSdgGoals, parseSectors, parseStatus, type Parsed } from './import-values.js';

/** Where an imported initiative belongs. */
export type OrganisationWanted =
  /** The organisation the import is made into. */
  | { kind: 'root' }
  /** An organisation of the tree, by name or organisation number (generic layout). */
  | { kind: 'named'; value: string }
  /** A participant placed under its county group, created if missing (Horizon 2020 layout). */
  | { kind: 'placed'; orgNumber: string | null; name: string; municipality: string | null; group: { code: string; name: string } | null };

export interface DraftProblem {
  column: string;
  messageKey: PortfolioMessageKey;
  params: Record<string, string | number>;
}

export interface ImportDraft {
  line: number;
  title: string;
  organisation: OrganisationWanted;
  /** The text naming a programme (catalogue id or name; else kept as "other programme"). */
  programme: string | null;
  priorityCode: string | null;
  status: Status;
  startDate: string | null;
  endDate: string | null;
  deadline: string | null;
  callReference: string | null;
  currency: Currency;
  budgetAmount: string | null;
  budgetLines: BudgetLine[];
  sectors: string[];
  sdgGoals: number[];
  summary: string;
  externalRef: string | null;
  problems: DraftProblem[];
}

export type ImportLayout = 'generic' | 'h2020';

/** The file's column heading for each field the initiative rules may name. */
export type FieldColumns = Partial<Record<string, string>>;

export interface ImportDrafts {
  layout: ImportLayout;
  drafts: ImportDraft[];
  /** Field → the heading of the column it came from, to name the column of a rule's problem. */
  fieldColumns: FieldColumns;
}

export type ImportField =
  | 'title' | 'organisation' | 'programme' | 'priority' | 'status' | 'start' | 'end' | 'deadline' | 'call' | 'currency'
  | 'budget' | 'grant' | 'ownShare' | 'coFinancing' | 'sectors' | 'sdgs' | 'summary' | 'externalRef';

/** The generic layout's columns and the headings accepted for each (Norwegian and English; case and spacing do not matter). */
export const IMPORT_COLUMNS: Record<ImportField, readonly string[]> = {
  title: ['tittel', 'title', 'navn på initiativ', 'initiative'],
  organisation: ['organisasjon', 'organisation', 'organization', 'enhet', 'organisasjonsnummer', 'org number'],
  programme: ['ordning', 'program', 'programme', 'programme id', 'program id'],
  priority: ['innsatsområde', 'prioritet', 'focus area', 'priority'],
  status: ['status'],
  start: ['start', 'startdato', 'start date'],
  end: ['slutt', 'sluttdato', 'end', 'end date'],
  deadline: ['frist', 'søknadsfrist', 'deadline'],
  call: ['utlysning', 'call', 'call reference'],
  currency: ['valuta', 'currency'],
  budget: ['budsjett', 'budget', 'totalbudsjett', 'total budget'],
  grant: ['tilskudd', 'støtte', 'grant'],
  ownShare: ['egenandel', 'own share'],
  coFinancing: ['medfinansiering', 'co-financing', 'cofinancing'],
  sectors: ['sektorer', 'sektor', 'sectors', 'sector'],
  sdgs: ['bærekraftsmål', 'sdg', 'sdgs', 'sustainable development goals'],
  summary: ['sammendrag', 'beskrivelse', 'summary', 'description'],
  externalRef: ['ekstern referanse', 'ekstern ref', 'referanse', 'external ref', 'external reference'],
};

const normaliseHeading = (heading: string) => heading.toLowerCase().replace(/[_\-.:]+/g, ' ').replace(/\s+/g, ' ').trim();

const H2020_HEADINGS = ['Prosjektnr', 'Deltakernr', 'Innvilget beløp organisasjon EUR', 'Organisasjonsnummer'];

export function detectLayout(headers: readonly string[]): ImportLayout {
  return H2020_HEADINGS.every((h) => headers.includes(h)) ? 'h2020' : 'generic';
}

/** Which column holds each generic field (the first heading that matches), or a problem naming the missing title column. */
export function genericColumnIndexes(headers: readonly string[]): Partial<Record<ImportField, number>> {
  const normalised = headers.map(normaliseHeading);
  const indexes: Partial<Record<ImportField, number>> = {};
  for (const [field, names] of Object.entries(IMPORT_COLUMNS) as Array<[ImportField, readonly string[]]>) {
    const index = normalised.findIndex((h) => names.includes(h));
    if (index >= 0) indexes[field] = index;
  }
  return indexes;
}

function collect<T>(parsed: Parsed<T>, column: string, problems: DraftProblem[], fallback: T): T {
  if ('problem' in parsed) {
    problems.push({ column, ...parsed.problem });
    return fallback;
  }
  return parsed.value;
}

/** Budget lines from the amounts given; the budget is their sum when the file gives no budget. */
function budgetOf(budget: string | null, parts: Array<[BudgetLine['kind'], string | null, string]>): { budgetAmount: string | null; budgetLines: BudgetLine[] } {
  const budgetLines = parts.filter(([, amount]) => amount !== null).map(([kind, amount, label]) => ({ kind, label, amount: amount! }));
  if (budget !== null || budgetLines.length === 0) return { budgetAmount: budget, budgetLines };
  const cents = budgetLines.reduce((sum, line) => sum + BigInt(line.amount.replace('.', '')), 0n);
  return { budgetAmount: `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`, budgetLines };
}

export function genericDrafts(table: ImportTable): ImportDrafts {
  const indexes = genericColumnIndexes(table.headers);
  const heading = (field: ImportField) => (indexes[field] === undefined ? field : table.headers[indexes[field]!]!);
  const fieldColumns: FieldColumns = {
    organisation: heading('organisation'), externalRef: heading('externalRef'), programmeId: heading('programme'), priorityCode: heading('priority'), otherProgramme: heading('programme'), startDate: heading('start'), endDate: heading('end'),
    budgetAmount: heading('budget'), budgetLines: heading('budget'), sectors: heading('sectors'), sdgTargets: heading('sdgs'), nokRate: heading('currency'), nokRateDate: heading('currency'),
  };
  const drafts = table.rows.map(({ line, cells }) => {
    const cell = (field: ImportField): ImportCell => (indexes[field] === undefined ? null : (cells[indexes[field]!] ?? null));
    const text = (field: ImportField) => cellText(cell(field));
    const problems: DraftProblem[] = [];
    const title = text('title');
    if (title === '') problems.push({ column: heading('title'), messageKey: 'portfolioImportRequired', params: {} });
    const amount = (field: ImportField) => collect(parseAmount(cell(field)), heading(field), problems, null);
    const { budgetAmount, budgetLines } = budgetOf(amount('budget'), [
      ['grant', amount('grant'), ''],
      ['own-share', amount('ownShare'), ''],
      ['co-financing', amount('coFinancing'), ''],
    ]);
    const organisation = text('organisation');
    const draft: ImportDraft = {
      line,
      title,
      organisation: organisation === '' ? { kind: 'root' } : { kind: 'named', value: organisation },
      programme: text('programme') || null,
      priorityCode: text('priority') || null,
      status: collect(parseStatus(cell('status')), heading('status'), problems, null) ?? 'idea',
      startDate: collect(parseDay(cell('start')), heading('start'), problems, null),
      endDate: collect(parseDay(cell('end')), heading('end'), problems, null),
      deadline: collect(parseDay(cell('deadline')), heading('deadline'), problems, null),
      callReference: text('call') || null,
      currency: collect(parseCurrency(cell('currency')), heading('currency'), problems, 'NOK'),
      budgetAmount,
      budgetLines,
      sectors: parseSectors(cell('sectors')),
      sdgGoals: collect(parseSdgGoals(cell('sdgs')), heading('sdgs'), problems, []),
      summary: text('summary'),
      externalRef: text('externalRef') || null,
      problems,
    };
    return draft;
  });
  return { layout: 'generic', drafts, fieldColumns };
}

// ---------------------------------------------------------------------------------------------
// Horizon 2020 participations (Forskningsrådet open data)

/** The programme the participations belong to; looked up in the catalogue, else kept as "other programme". */
export const H2020_PROGRAMME = 'Horizon 2020';

const COUNTY_2024 = new Map(norwegianCounties.map((c) => [c.number, c]));
const MUNICIPALITY_2024 = new Map(norwegianMunicipalities.map((m) => [m.number, m]));
const CHANGE_2020 = new Map(municipalityChanges2020To2024.map((c) => [c.number2020, c]));
const COUNTY_2020 = new Map(norwegianCounties2020.map((c) => [c.number, c]));

/**
 * The 2024 municipality and county of an address given in the 2020–2023 numbering (the file's). A
 * municipality split in 2024 (Ålesund) goes to the first successor, which kept the name. Without a
 * municipality, a county that was not split maps to itself; a place outside the counties (Svalbard)
 * keeps its own number and name as the group.
 */
export function placeOf(municipality2020: string, county2020: string, countyName: string): { municipality: string | null; group: { code: string; name: string } | null } {
  const padded = municipality2020.padStart(4, '0');
  const change = CHANGE_2020.get(padded);
  const municipality = change ? change.to2024[0]! : MUNICIPALITY_2024.has(padded) ? padded : null;
  const countyNumber = municipality ? MUNICIPALITY_2024.get(municipality)?.county : undefined;
  const county = countyNumber ? COUNTY_2024.get(countyNumber) : undefined;
  if (county) return { municipality, group: { code: county.number, name: county.norwegianName } };
  const padCounty = county2020.padStart(2, '0');
  const successors = COUNTY_2020.get(padCounty)?.successors2024 ?? [];
  if (successors.length === 1 && COUNTY_2024.has(successors[0]!)) {
    const only = COUNTY_2024.get(successors[0]!)!;
    return { municipality, group: { code: only.number, name: only.norwegianName } };
  }
  // A county split in 2024 cannot be placed without its municipality; a place outside the counties keeps its own group.
  if (county2020 !== '' && countyName !== '' && !COUNTY_2020.has(padCounty)) return { municipality, group: { code: padCounty, name: countyName.split(' - ')[0]!.trim() } };
  return { municipality, group: null };
}

/** Closed when the contract has ended (or the file says CLOSED), granted when it has not begun, else running. */
export function participationStatus(contractStatus: string, start: string | null, end: string | null, today: string): Status {
  if ((end !== null && end < today) || contractStatus.toUpperCase() === 'CLOSED') return 'closed';
  if (start !== null && start > today) return 'granted';
  return 'running';
}

export function h2020Drafts(table: ImportTable, today: string): ImportDrafts {
  const index = new Map(table.headers.map((h, i) => [h, i]));
  const fieldColumns: FieldColumns = { startDate: 'Kontrakt startdato', endDate: 'Kontrakt sluttdato', budgetAmount: 'Innvilget beløp organisasjon EUR', budgetLines: 'Innvilget beløp organisasjon EUR', programmeId: 'Rammeprogram', otherProgramme: 'Rammeprogram', externalRef: 'Prosjektnr + Deltakernr' };
  const drafts = table.rows.map(({ line, cells }) => {
    const cell = (heading: string): ImportCell => cells[index.get(heading) ?? -1] ?? null;
    const text = (heading: string) => cellText(cell(heading));
    const problems: DraftProblem[] = [];
    const project = text('Prosjektnr');
    const participant = text('Deltakernr');
    const acronym = text('Prosjektkortnavn');
    const name = text('Prosjektnavn');
    const title = [acronym, name].filter(Boolean).join(' – ');
    if (title === '') problems.push({ column: 'Prosjektnavn', messageKey: 'portfolioImportRequired', params: {} });
    if (project === '') problems.push({ column: 'Prosjektnr', messageKey: 'portfolioImportRequired', params: {} });
    const startDate = collect(parseDay(cell('Kontrakt startdato')), 'Kontrakt startdato', problems, null);
    const endDate = collect(parseDay(cell('Kontrakt sluttdato')), 'Kontrakt sluttdato', problems, null);
    const deadline = collect(parseDay(cell('Søknadsfrist')), 'Søknadsfrist', problems, null);
    // The Research Council's sums carry floating-point noise (626199.99999984): rounded half up to the cent.
    const grant = collect(parseAmount(cell('Innvilget beløp organisasjon EUR'), true), 'Innvilget beløp organisasjon EUR', problems, null);
    const orgText = text('Organisasjonsnummer');
    const orgNumber = orgText === '' ? null : checkOrgNumber(orgText);
    const organisationName = text('Organisasjonsnavn');
    const place = placeOf(text('Adresse kommunenummer'), text('Adresse fylkenummer'), text('Adresse fylke'));
    // A participation without organisation number or address (the file says "ukjent") belongs to the import's own organisation.
    const organisation: OrganisationWanted =
      orgNumber === null && place.group === null
        ? { kind: 'root' }
        : { kind: 'placed', orgNumber: orgNumber?.ok ? orgNumber.number : null, name: organisationName || orgText, municipality: place.municipality, group: place.group };
    const role = text('Organisasjon rolle');
    const summary = [
      text('Program (H2020)') || text('Programområde (H2020)'),
      text('Topic'),
      text('Søknadstypenavn'),
      role ? `${role === 'COORDINATOR' ? 'Koordinator' : 'Partner'}${organisation.kind === 'root' && organisationName ? `: ${organisationName}` : ''}` : '',
    ]
      .filter(Boolean)
      .join(' · ');
    return {
      line,
      title,
      organisation,
      programme: H2020_PROGRAMME,
      priorityCode: null,
      status: participationStatus(text('Kontraktstatus'), startDate, endDate, today),
      startDate,
      endDate,
      deadline,
      callReference: [text('Utlysnings-id'), text('Topic kode')].filter(Boolean).join(' / ') || null,
      currency: 'EUR' as Currency,
      // The file gives the EU contribution per participant only: it is the budget and the grant line.
      budgetAmount: grant,
      budgetLines: grant === null ? [] : [{ kind: 'grant' as const, label: 'EU-bidrag (H2020)', amount: grant }],
      sectors: [],
      sdgGoals: [],
      summary,
      externalRef: project && participant ? `H2020:${project}:${participant}` : null,
      problems,
    };
  });
  return { layout: 'h2020', drafts, fieldColumns };
}

export function importDrafts(table: ImportTable, today: string): ImportDrafts {
  return detectLayout(table.headers) === 'h2020' ? h2020Drafts(table, today) : genericDrafts(table);
}
