/**
 * Importing initiatives from CSV/XLSX (use case): a preview that says, row by row, what will be created
 * and what is wrong, then an all-or-nothing commit in one transaction with bulk inserts, run as a job
 * whose progress the client polls.
 *
 * Previews and jobs are kept in memory, per server process, for 30 minutes (previews) and an hour
 * (finished jobs). A preview is a draft the person looks at for a minute or two before committing; it
 * holds the parsed file, which has no business in the database until it is committed, and the commit
 * re-checks everything that could have changed meanwhile (external references, the organisation's
 * place). Behind a load balancer the preview and the commit must reach the same process (sticky
 * sessions); a preview lost to a restart only means uploading the file again.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/audit/audit.js';
import { recordAudit } from '../platform/audit/audit.js';
import { message } from '../platform/i18n/messages.js';
import type { Language } from '../reference/codes.js';
import type { ExchangeRate } from '../reference/exchange-rate.js';
import { childPath } from '../organisations/kinds.js';
import { initiativeProblems } from './validation.js';
import { amountsByKind, nokConversion } from './money.js';
import type { Status } from './life-cycle.js';
import { readImportFile } from './import-file.js';
import { importDrafts, type DraftProblem, type ImportDraft, type ImportLayout, type OrganisationWanted } from './import-rows.js';
import {
  cataloguePrograms,
  importedRefs,
  insertAuditRows,
  insertBudgetLines,
  insertEvents,
  insertImport,
  insertInitiatives,
  insertOrganisations,
  organisationPathOf,
  orgNumbersTakenOutside,
  treeOrganisations,
  BULK_CHUNK,
  type NewInitiativeRow,
  type TreeOrganisation,
} from './import-repository.js';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;
const PREVIEW_TTL_MS = 30 * 60_000;
const JOB_TTL_MS = 60 * 60_000;
/** Previews one person may hold at once; the oldest goes first. */
const PREVIEWS_PER_PERSON = 3;

export interface ImportRoot {
  id: string;
  path: string;
  name: string;
}

/** An organisation the commit creates: a county group below the root, or a participant below its group. */
interface PlannedOrganisation {
  id: string;
  /** null: directly below the import's root. */
  parentId: string | null;
  name: string;
  orgNumber: string | null;
  placeCode: string | null;
}

export interface PreviewRow {
  row: number;
  outcome: 'create' | 'error';
  title: string;
  organisationName: string;
  /** The organisation is created by the import. */
  newOrganisation: boolean;
  programme: string | null;
  status: Status;
  startDate: string | null;
  endDate: string | null;
  currency: string;
  budgetAmount: string | null;
  externalRef: string | null;
  problems: DraftProblem[];
}

export interface ImportPreview {
  id: string;
  userId: string;
  root: ImportRoot;
  fileName: string;
  layout: ImportLayout;
  rows: PreviewRow[];
  invalid: number;
  organisationsToCreate: number;
  /** What the commit writes: valid rows only, and only when every row is valid. */
  plan: { organisations: PlannedOrganisation[]; initiatives: Array<Omit<NewInitiativeRow, 'importBatchId'> & { id: string; organisationId: string; externalRef: string | null }>; budgetLines: Map<string, ImportDraft['budgetLines']> };
  expiresAt: number;
}

export class ImportFileProblem extends Error {
  constructor(
    readonly messageKey: 'portfolioImportUnreadable' | 'portfolioImportEmpty' | 'portfolioImportTooManyRows' | 'portfolioImportMissingColumn',
    readonly params: Record<string, string | number> = {},
  ) {
    super(messageKey);
  }
}

const lower = (text: string) => text.trim().toLocaleLowerCase('nb');

/** Finds (or plans) each row's organisation in the tree. */
class OrganisationResolver {
  private readonly byNumber = new Map<string, TreeOrganisation>();
  private readonly byName = new Map<string, TreeOrganisation[]>();
  private readonly groups = new Map<string, string>();
  private readonly participants = new Map<string, string>();
  readonly planned: PlannedOrganisation[] = [];
  private readonly names = new Map<string, string>();

  constructor(
    private readonly root: ImportRoot,
    tree: readonly TreeOrganisation[],
    private readonly takenNumbers: ReadonlySet<string>,
    private readonly mayCreate: boolean,
  ) {
    for (const organisation of tree) {
      this.names.set(organisation.id, organisation.name);
      if (organisation.orgNumber) this.byNumber.set(organisation.orgNumber, organisation);
      const key = lower(organisation.name);
      this.byName.set(key, [...(this.byName.get(key) ?? []), organisation]);
      // A group is a direct child of the root with the county's number as its place.
      if (organisation.parentId === root.id && organisation.placeCode) this.groups.set(organisation.placeCode, organisation.id);
    }
  }

  nameOf(id: string): string {
    return this.names.get(id) ?? '';
  }

  resolve(wanted: OrganisationWanted): { id: string; created: boolean } | DraftProblem {
    if (wanted.kind === 'root') return { id: this.root.id, created: false };
    if (wanted.kind === 'named') {
      const digits = wanted.value.replace(/[\s.]/g, '');
      const byNumber = /^\d{9}$/.test(digits) ? this.byNumber.get(digits) : undefined;
      if (byNumber) return { id: byNumber.id, created: false };
      const byName = this.byName.get(lower(wanted.value)) ?? [];
      if (byName.length === 1) return { id: byName[0]!.id, created: false };
      return {
        column: '',
        messageKey: byName.length > 1 ? 'portfolioImportAmbiguousOrganisation' : 'portfolioImportUnknownOrganisation',
        params: { value: wanted.value, tree: this.root.name },
      };
    }
    const existing = (wanted.orgNumber ? this.byNumber.get(wanted.orgNumber)?.id : undefined) ?? this.participantByName(wanted);
    if (existing) return { id: existing, created: false };
    if (!this.mayCreate) return { column: '', messageKey: 'portfolioImportCannotCreateOrganisation', params: { value: wanted.name } };
    const parentId = wanted.group ? this.group(wanted.group) : null;
    const key = this.participantKey(wanted);
    const id = randomUUID();
    // An organisation number another tenant already holds stays with them; the demo copy goes without it.
    const orgNumber = wanted.orgNumber && !this.takenNumbers.has(wanted.orgNumber) ? wanted.orgNumber : null;
    this.planned.push({ id, parentId, name: wanted.name, orgNumber, placeCode: wanted.municipality });
    this.names.set(id, wanted.name);
    this.participants.set(key, id);
    if (orgNumber) this.byNumber.set(orgNumber, { id, parentId, name: wanted.name, orgNumber, placeCode: wanted.municipality });
    return { id, created: true };
  }

  private participantKey(wanted: Extract<OrganisationWanted, { kind: 'placed' }>): string {
    return `${wanted.group?.code ?? ''}|${wanted.orgNumber ?? lower(wanted.name)}`;
  }

  /** Without a usable number, a participant is the organisation of that name in its group (or made once per file). */
  private participantByName(wanted: Extract<OrganisationWanted, { kind: 'placed' }>): string | undefined {
    const planned = this.participants.get(this.participantKey(wanted));
    if (planned) return planned;
    if (wanted.orgNumber) return undefined;
    const groupId = wanted.group ? this.groups.get(wanted.group.code) : this.root.id;
    return (this.byName.get(lower(wanted.name)) ?? []).find((o) => o.parentId === groupId)?.id;
  }

  private group(group: { code: string; name: string }): string {
    const found = this.groups.get(group.code);
    if (found) return found;
    const id = randomUUID();
    this.planned.push({ id, parentId: null, name: group.name, orgNumber: null, placeCode: group.code });
    this.names.set(id, group.name);
    this.groups.set(group.code, id);
    return id;
  }
}

export interface PreviewInput {
  bytes: Uint8Array;
  fileName: string;
  root: ImportRoot;
  userId: string;
  /** The person may create organisations in the tree (needed when the file places participants). */
  mayCreateOrganisations: boolean;
  exchangeRate: ExchangeRate;
  today: string;
}

export async function buildPreview(db: Db, input: PreviewInput): Promise<ImportPreview> {
  let table;
  try {
    table = await readImportFile(input.bytes);
  } catch {
    throw new ImportFileProblem('portfolioImportUnreadable');
  }
  if (table.rows.length === 0) throw new ImportFileProblem('portfolioImportEmpty');
  if (table.rows.length > MAX_IMPORT_ROWS) throw new ImportFileProblem('portfolioImportTooManyRows', { rows: table.rows.length, limit: MAX_IMPORT_ROWS });
  const { layout, drafts, fieldColumns } = importDrafts(table, input.today);
  if (layout === 'generic' && !drafts.some((d) => d.title !== '') && !table.headers.some((h) => ['tittel', 'title'].includes(h.toLowerCase()))) {
    throw new ImportFileProblem('portfolioImportMissingColumn', { column: 'tittel / title', known: 'tittel, organisasjon, ordning, status, start, slutt, frist, valuta, budsjett, tilskudd, egenandel, medfinansiering, sektorer, bærekraftsmål, sammendrag, ekstern referanse' });
  }

  const placedNumbers = [...new Set(drafts.flatMap((d) => (d.organisation.kind === 'placed' && d.organisation.orgNumber ? [d.organisation.orgNumber] : [])))];
  const refs = [...new Set(drafts.flatMap((d) => (d.externalRef ? [d.externalRef] : [])))];
  const [tree, taken, catalogue, imported] = await Promise.all([
    treeOrganisations(db, input.root.path),
    orgNumbersTakenOutside(db, input.root.path, placedNumbers),
    cataloguePrograms(db),
    importedRefs(db, input.root.path, refs),
  ]);
  const resolver = new OrganisationResolver(input.root, tree, taken, input.mayCreateOrganisations);
  const programmeByWord = new Map<string, (typeof catalogue)[number]>();
  for (const programme of catalogue) for (const word of [programme.id, ...programme.names]) programmeByWord.set(lower(word), programme);

  const firstLineOfRef = new Map<string, number>();
  const rows: PreviewRow[] = [];
  const planned: ImportPreview['plan']['initiatives'] = [];
  const budgetLines = new Map<string, ImportDraft['budgetLines']>();
  const conversion = (currency: ImportDraft['currency']) => nokConversion(currency, {}, input.exchangeRate);

  for (const draft of drafts) {
    const problems = [...draft.problems];
    const organisation = resolver.resolve(draft.organisation);
    const organisationColumn = draft.organisation.kind === 'placed' ? 'Organisasjonsnavn' : (fieldColumns.organisation ?? 'organisasjon');
    if ('messageKey' in organisation) problems.push({ ...organisation, column: organisationColumn });
    const programme = draft.programme ? programmeByWord.get(lower(draft.programme)) : undefined;
    const rules = initiativeProblems(
      {
        programmeId: programme?.id ?? null,
        priorityCode: draft.priorityCode,
        otherProgramme: programme ? null : draft.programme,
        startDate: draft.startDate,
        endDate: draft.endDate,
        currency: draft.currency,
        budgetAmount: draft.budgetAmount,
        budgetLines: draft.budgetLines,
        sectors: draft.sectors,
        sdgGoals: draft.sdgGoals,
      },
      programme ? programme.priorityCodes : null,
    );
    for (const problem of rules) problems.push({ column: fieldColumns[problem.field.replace(/\.\d+$/, '')] ?? problem.field, messageKey: problem.messageKey, params: problem.params });
    if (draft.externalRef) {
      const earlier = firstLineOfRef.get(draft.externalRef);
      const column = fieldColumns.externalRef ?? 'ekstern referanse';
      if (imported.has(draft.externalRef)) problems.push({ column, messageKey: 'portfolioImportAlreadyImported', params: { ref: draft.externalRef, title: imported.get(draft.externalRef)! } });
      else if (earlier !== undefined) problems.push({ column, messageKey: 'portfolioImportDuplicateRef', params: { ref: draft.externalRef, row: earlier } });
      else firstLineOfRef.set(draft.externalRef, draft.line);
    }
    const organisationId = 'id' in organisation ? organisation.id : null;
    rows.push({
      row: draft.line,
      outcome: problems.length === 0 ? 'create' : 'error',
      title: draft.title,
      organisationName: organisationId ? resolver.nameOf(organisationId) : draft.organisation.kind === 'root' ? input.root.name : draft.organisation.kind === 'named' ? draft.organisation.value : draft.organisation.name,
      newOrganisation: 'created' in organisation && organisation.created,
      programme: programme ? programme.names[0] ?? programme.id : draft.programme,
      status: draft.status,
      startDate: draft.startDate,
      endDate: draft.endDate,
      currency: draft.currency,
      budgetAmount: draft.budgetAmount,
      externalRef: draft.externalRef,
      problems,
    });
    if (problems.length === 0 && organisationId) {
      const id = randomUUID();
      const rate = conversion(draft.currency);
      planned.push({
        id,
        organisationId,
        title: draft.title,
        summary: draft.summary,
        status: draft.status,
        programmeId: programme?.id ?? null,
        priorityCode: draft.priorityCode,
        otherProgramme: programme ? null : draft.programme,
        callReference: draft.callReference,
        deadline: draft.deadline,
        startDate: draft.startDate,
        endDate: draft.endDate,
        currency: draft.currency,
        budgetAmount: draft.budgetAmount,
        ...amountsByKind(draft.budgetLines),
        nokRate: rate.nokRate,
        nokRateDate: rate.nokRateDate,
        sectors: draft.sectors,
        sdgGoals: draft.sdgGoals,
        externalRef: draft.externalRef,
        createdBy: input.userId,
      });
      if (draft.budgetLines.length > 0) budgetLines.set(id, draft.budgetLines);
    }
  }
  const invalid = rows.filter((r) => r.outcome === 'error').length;
  return {
    id: randomUUID(),
    userId: input.userId,
    root: input.root,
    fileName: input.fileName,
    layout,
    rows,
    invalid,
    organisationsToCreate: resolver.planned.length,
    plan: { organisations: resolver.planned, initiatives: planned, budgetLines },
    expiresAt: Date.now() + PREVIEW_TTL_MS,
  };
}

export class ImportConflictError extends Error {}

/**
 * Writes the preview in one transaction: the organisations it plans (parents first), the import's row,
 * the initiatives, their budget lines and timeline events, in bulk, and the audit events. Any failure
 * rolls everything back. `progress` is told how many initiatives are written.
 */
export async function commitPreview(db: Db, preview: ImportPreview, actor: Actor, progress: (done: number) => void): Promise<string> {
  return db.transaction(async (tx) => {
    const rootPath = await organisationPathOf(tx, preview.root.id);
    if (rootPath === null) throw new ImportConflictError('the organisation is gone');
    const refs = preview.plan.initiatives.flatMap((i) => (i.externalRef ? [i.externalRef] : []));
    if ((await importedRefs(tx, rootPath, refs)).size > 0) throw new ImportConflictError('imported meanwhile');

    const paths = new Map<string, string>([[preview.root.id, rootPath]]);
    const organisationRows = preview.plan.organisations.map((o) => {
      const parentId = o.parentId ?? preview.root.id;
      const path = childPath(paths.get(parentId)!, o.id);
      paths.set(o.id, path);
      return { id: o.id, parentId, path, kind: 'unit', name: o.name, orgNumber: o.orgNumber, placeCode: o.placeCode, country: 'NO' };
    });
    await insertOrganisations(tx, organisationRows);
    await insertAuditRows(
      tx,
      organisationRows.map((o) => ({ actorUserId: actor.userId, actorLabel: actor.label, organisationId: o.id, organisationPath: o.path, action: 'organisation-created', entityType: 'organisation', entityId: o.id, after: { ...o, source: preview.fileName } })),
    );

    const { id: importId } = await insertImport(tx, { organisationId: preview.root.id, fileName: preview.fileName, rows: preview.plan.initiatives.length, createdBy: actor.userId });
    let done = 0;
    for (let i = 0; i < preview.plan.initiatives.length; i += BULK_CHUNK) {
      const chunk = preview.plan.initiatives.slice(i, i + BULK_CHUNK);
      await insertInitiatives(tx, chunk.map((initiative) => ({ ...initiative, importBatchId: importId })));
      await insertBudgetLines(tx, chunk.flatMap((initiative) => (preview.plan.budgetLines.get(initiative.id) ?? []).map((line, position) => ({ initiativeId: initiative.id, position, ...line }))));
      await insertEvents(tx, chunk.map((initiative) => ({ initiativeId: initiative.id, actorUserId: actor.userId, actorLabel: actor.label, kind: 'imported', toStatus: initiative.status, comment: preview.fileName })));
      done += chunk.length;
      progress(done);
    }
    await recordAudit(tx, {
      actor,
      organisationId: preview.root.id,
      action: 'initiatives-imported',
      entityType: 'initiative-import',
      entityId: importId,
      after: { fileName: preview.fileName, layout: preview.layout, initiatives: preview.plan.initiatives.length, organisationsCreated: organisationRows.length },
    });
    return importId;
  });
}

export interface ImportJob {
  id: string;
  userId: string;
  organisationId: string;
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  importId: string | null;
  /** Message key and parameters, shown in the language of whoever asks. */
  outcome: { key: 'portfolioImportDone' | 'portfolioImportFailed' | 'portfolioImportPreviewGone'; params: Record<string, string | number> } | null;
  startedAt: number;
  finishedAt: number | null;
}

/** The previews and jobs of one server process (see the module comment for why in memory). */
export class ImportWorkspace {
  private readonly previews = new Map<string, ImportPreview>();
  private readonly jobs = new Map<string, ImportJob>();

  private sweep(now = Date.now()): void {
    for (const [id, preview] of this.previews) if (preview.expiresAt < now) this.previews.delete(id);
    for (const [id, job] of this.jobs) if (job.finishedAt !== null && job.finishedAt + JOB_TTL_MS < now) this.jobs.delete(id);
  }

  keep(preview: ImportPreview): void {
    this.sweep();
    const mine = [...this.previews.values()].filter((p) => p.userId === preview.userId).sort((a, b) => a.expiresAt - b.expiresAt);
    for (const old of mine.slice(0, Math.max(0, mine.length - PREVIEWS_PER_PERSON + 1))) this.previews.delete(old.id);
    this.previews.set(preview.id, preview);
  }

  /** The person's own preview; someone else's is as good as absent. */
  preview(id: string, userId: string): ImportPreview | null {
    this.sweep();
    const preview = this.previews.get(id);
    return preview && preview.userId === userId ? preview : null;
  }

  job(id: string, userId: string): ImportJob | null {
    this.sweep();
    const job = this.jobs.get(id);
    return job && job.userId === userId ? job : null;
  }

  /** Starts the commit in the background; the preview is used up, so a second commit finds nothing. */
  start(db: Db, preview: ImportPreview, actor: Actor, onError: (error: unknown) => void): ImportJob {
    this.previews.delete(preview.id);
    const job: ImportJob = { id: randomUUID(), userId: preview.userId, organisationId: preview.root.id, state: 'running', done: 0, total: preview.plan.initiatives.length, importId: null, outcome: null, startedAt: Date.now(), finishedAt: null };
    this.jobs.set(job.id, job);
    commitPreview(db, preview, actor, (done) => {
      job.done = done;
    }).then(
      (importId) => Object.assign(job, { state: 'done', importId, finishedAt: Date.now(), outcome: { key: 'portfolioImportDone', params: { rows: job.total } } }),
      (error: unknown) => {
        Object.assign(job, { state: 'failed', done: 0, finishedAt: Date.now(), outcome: { key: error instanceof ImportConflictError ? 'portfolioImportPreviewGone' : 'portfolioImportFailed', params: {} } });
        if (!(error instanceof ImportConflictError)) onError(error);
      },
    );
    return job;
  }
}

export function describeJob(job: ImportJob, language: Language) {
  return { id: job.id, state: job.state, done: job.done, total: job.total, importId: job.importId, message: job.outcome ? message(job.outcome.key, language, job.outcome.params) : null };
}
