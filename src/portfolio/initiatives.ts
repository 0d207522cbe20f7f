/**
 * The portfolio's use cases: create, change, move through the life cycle, delete, and attach links and
 * documents. Each change writes its audit event and its timeline entry in the change's own transaction.
 * Errors are HttpErrors naming the field at fault.
 */
import type { Db } from '../platform/db/client.js';
import { HttpError } from '../platform/http/errors.js';
import { recordAudit, type Actor, type Queryable } from '../platform/audit/audit.js';
import type { ExchangeRate } from '../reference/exchange-rate.js';
import { allowedTransitions, mayTransition, type Status } from './life-cycle.js';
import { amountsByKind, nokConversion } from './money.js';
import { initiativeProblems } from './validation.js';
import { DOCUMENT_TYPES, documentProblem, MAX_DOCUMENT_BYTES, safeFileName } from './documents.js';
import {
  currentVersion,
  deleteDocumentRow,
  deleteInitiativeRow,
  documentPlace,
  findDocument,
  initiativePlace,
  insertDocument,
  insertEvent,
  insertInitiative,
  isMemberAround,
  loadInitiative,
  missingOrganisations,
  programmePriorityCodes,
  replaceChildren,
  touchInitiative,
  updateInitiativeAt,
  type InitiativeChildren,
  type InitiativeRecord,
  type InitiativeValues,
} from './repository.js';
import type { InitiativeInput } from './schemas.js';

/** Someone saved the initiative after the version the caller edited; nothing of theirs was written. */
export class VersionConflictError extends Error {
  constructor(
    readonly yours: number,
    readonly current: number,
  ) {
    super('version-conflict');
  }
}

/** The life cycle does not allow this step from where the initiative is. */
export class StatusNotAllowedError extends Error {
  constructor(
    readonly from: Status,
    readonly to: Status,
    readonly allowed: Status[],
  ) {
    super('status-not-allowed');
  }
}

const ENTITY = 'initiative';

/** Checks the input against the rules and the registries, and turns it into the stored row and lists. */
async function prepare(db: Queryable, input: InitiativeInput, organisationPath: string, rate: ExchangeRate): Promise<{ values: InitiativeValues; children: InitiativeChildren }> {
  const programmeId = input.programmeId?.trim() || null;
  const programme = programmeId ? await programmePriorityCodes(db, programmeId) : null;
  const [problem] = initiativeProblems({ ...input, programmeId }, programme);
  if (problem) throw new HttpError(422, 'invalid-initiative', problem.messageKey, problem.params, problem.field);

  if (input.contactUserId && !(await isMemberAround(db, input.contactUserId, organisationPath))) {
    throw new HttpError(422, 'invalid-initiative', 'portfolioUnknownContact', {}, 'contactUserId');
  }
  const partners = input.partners ?? [];
  const partnerOrganisations = partners.flatMap((p) => (p.organisationId ? [p.organisationId] : []));
  const [missing] = await missingOrganisations(db, partnerOrganisations);
  if (missing) {
    const index = partners.findIndex((p) => p.organisationId === missing);
    throw new HttpError(422, 'invalid-initiative', 'portfolioUnknownPartnerOrganisation', {}, `partners.${index}.organisationId`);
  }

  const currency = input.currency ?? 'NOK';
  const lines = input.budgetLines ?? [];
  const conversion = nokConversion(currency, input, rate);
  const values: InitiativeValues = {
    organisationId: input.organisationId,
    title: input.title.trim(),
    summary: input.summary ?? '',
    private: input.private ?? false,
    contactUserId: input.contactUserId ?? null,
    contactName: input.contactName?.trim() || null,
    programmeId,
    priorityCode: programmeId ? input.priorityCode || null : null,
    otherProgramme: programmeId ? null : input.otherProgramme?.trim() || null,
    callReference: input.callReference?.trim() || null,
    deadline: input.deadline ?? null,
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    currency,
    budgetAmount: input.budgetAmount ?? null,
    ...amountsByKind(lines),
    nokRate: conversion.nokRate,
    nokRateDate: conversion.nokRateDate,
    hoursApplication: input.hoursApplication ?? null,
    hoursProject: input.hoursProject ?? null,
    sectors: input.sectors ?? [],
    sdgGoals: [...(input.sdgGoals ?? [])].sort((a, b) => a - b),
    sdgTargets: input.sdgTargets ?? [],
    notes: input.notes ?? '',
  };
  const children: InitiativeChildren = {
    partners: partners.map((p) => ({ organisationId: p.organisationId ?? null, name: p.name.trim(), country: p.country, region: p.region?.trim() || null, lead: p.lead })),
    budgetLines: lines.map((l) => ({ kind: l.kind, label: l.label.trim(), amount: l.amount })),
    benefits: (input.benefits ?? []).map((b) => ({ benefit: b.benefit, score: b.score, comment: b.comment?.trim() ?? '' })),
  };
  return { values, children };
}

/** What the audit trail and the timeline keep of an initiative: its fields and lists, not its documents. */
export function snapshot(record: Pick<InitiativeRecord, 'row' | 'partners' | 'budgetLines' | 'benefits'>): Record<string, unknown> {
  // Derived and bookkeeping columns are left out: they change with what they derive from.
  const { searchVector: _searchVector, version: _version, createdAt: _createdAt, updatedAt: _updatedAt, createdBy: _createdBy, statusChangedAt: _changedAt, importBatchId: _import, budgetNok: _budgetNok, grantNok: _grantNok, ownShareNok: _ownShareNok, coFinancingNok: _coFinancingNok, ...fields } = record.row;
  return { ...fields, partners: record.partners, budgetLines: record.budgetLines, benefits: record.benefits };
}

/** The fields that differ, each with its value before and after. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { before: before[key] ?? null, after: after[key] ?? null };
  }
  return changes;
}

export interface Creation {
  input: InitiativeInput;
  organisationPath: string;
  actor: Actor;
  rate: ExchangeRate;
  /** What the timeline says about where it came from. */
  origin?: { comment: string; changes: unknown };
}

export async function createInitiative(db: Db, creation: Creation): Promise<string> {
  const { values, children } = await prepare(db, creation.input, creation.organisationPath, creation.rate);
  return db.transaction(async (tx) => {
    const row = await insertInitiative(tx, { ...values, createdBy: creation.actor.userId });
    await replaceChildren(tx, row.id, children);
    await insertEvent(tx, {
      initiativeId: row.id,
      actorUserId: creation.actor.userId,
      actorLabel: creation.actor.label,
      kind: 'created',
      toStatus: row.status,
      comment: creation.origin?.comment ?? '',
      changes: creation.origin?.changes ?? null,
    });
    await recordAudit(tx, { actor: creation.actor, organisationId: row.organisationId, action: 'portfolio.initiative.created', entityType: ENTITY, entityId: row.id, after: snapshot({ row, ...children }) });
    return row.id;
  });
}

export interface Update {
  id: string;
  version: number;
  input: InitiativeInput;
  organisationPath: string;
  actor: Actor;
  rate: ExchangeRate;
}

export async function updateInitiative(db: Db, update: Update): Promise<void> {
  const before = await loadInitiative(db, update.id);
  if (!before) throw new HttpError(404, 'not-found', 'notFound', { what: update.id });
  // An unchanged EUR rate is kept: re-saving must not silently convert at today's rate.
  const keepRate = before.row.currency === 'EUR' && (update.input.currency ?? 'NOK') === 'EUR' && !update.input.nokRate;
  const input = keepRate ? { ...update.input, nokRate: before.row.nokRate, nokRateDate: before.row.nokRateDate } : update.input;
  const { values, children } = await prepare(db, input, update.organisationPath, update.rate);
  await db.transaction(async (tx) => {
    const row = await updateInitiativeAt(tx, update.id, update.version, values);
    if (!row) throw new VersionConflictError(update.version, (await currentVersion(tx, update.id)) ?? update.version);
    await replaceChildren(tx, update.id, children);
    const changes = changedFields(snapshot(before), snapshot({ row, ...children }));
    if (Object.keys(changes).length === 0) return;
    await insertEvent(tx, { initiativeId: update.id, actorUserId: update.actor.userId, actorLabel: update.actor.label, kind: 'edited', changes });
    await recordAudit(tx, {
      actor: update.actor,
      organisationId: row.organisationId,
      action: 'portfolio.initiative.updated',
      entityType: ENTITY,
      entityId: update.id,
      before: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.before])),
      after: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.after])),
    });
  });
}

export interface StatusUpdate {
  id: string;
  version: number;
  status: Status;
  /** The day the change took effect (e.g. the date of the grant letter); today when absent. */
  effectiveDate?: string | undefined;
  comment?: string | undefined;
  actor: Actor;
}

export async function changeStatus(db: Db, change: StatusUpdate): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await loadInitiative(tx, change.id);
    if (!before) throw new HttpError(404, 'not-found', 'notFound', { what: change.id });
    const from = before.row.status as Status;
    if (before.row.version !== change.version) throw new VersionConflictError(change.version, before.row.version);
    if (!mayTransition(from, change.status)) throw new StatusNotAllowedError(from, change.status, allowedTransitions(from));
    const row = await updateInitiativeAt(tx, change.id, change.version, { status: change.status, statusChangedAt: new Date() });
    if (!row) throw new VersionConflictError(change.version, (await currentVersion(tx, change.id)) ?? change.version);
    const effectiveDate = change.effectiveDate ?? new Date().toISOString().slice(0, 10);
    await insertEvent(tx, {
      initiativeId: change.id,
      actorUserId: change.actor.userId,
      actorLabel: change.actor.label,
      kind: 'status',
      fromStatus: from,
      toStatus: change.status,
      effectiveDate,
      comment: change.comment?.trim() ?? '',
    });
    await recordAudit(tx, {
      actor: change.actor,
      organisationId: row.organisationId,
      action: 'portfolio.initiative.status-changed',
      entityType: ENTITY,
      entityId: change.id,
      before: { status: from },
      after: { status: change.status, effectiveDate, comment: change.comment?.trim() ?? '' },
    });
  });
}

export async function deleteInitiative(db: Db, id: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await loadInitiative(tx, id);
    if (!before) throw new HttpError(404, 'not-found', 'notFound', { what: id });
    await deleteInitiativeRow(tx, id);
    await recordAudit(tx, { actor, organisationId: before.row.organisationId, action: 'portfolio.initiative.deleted', entityType: ENTITY, entityId: id, before: snapshot(before) });
  });
}

export interface Attachment {
  initiativeId: string;
  title: string;
  actor: Actor;
  link?: { url: string };
  file?: { fileName: string; mediaType: string; content: Buffer };
}

export async function attach(db: Db, attachment: Attachment) {
  const { file } = attachment;
  if (file) {
    const problem = documentProblem(file.mediaType, file.content);
    if (problem?.kind === 'too-large') throw new HttpError(413, 'document-too-large', 'portfolioDocumentTooLarge', { limit: MAX_DOCUMENT_BYTES / 1024 / 1024 });
    if (problem?.kind === 'empty') throw new HttpError(422, 'document-empty', 'portfolioDocumentEmpty', {}, 'body');
    if (problem?.kind === 'type') {
      throw new HttpError(415, 'document-type', 'portfolioDocumentType', { type: problem.mediaType || '—', allowed: Object.keys(DOCUMENT_TYPES).join(', ') }, 'Content-Type');
    }
  }
  return db.transaction(async (tx) => {
    const place = await initiativePlace(tx, attachment.initiativeId);
    if (!place) throw new HttpError(404, 'not-found', 'notFound', { what: attachment.initiativeId });
    const document = await insertDocument(tx, {
      initiativeId: attachment.initiativeId,
      title: attachment.title.trim(),
      url: attachment.link?.url ?? null,
      fileName: file ? safeFileName(file.fileName) : null,
      mediaType: file?.mediaType ?? null,
      size: file?.content.length ?? null,
      content: file?.content ?? null,
      addedBy: attachment.actor.userId,
    });
    await touchInitiative(tx, attachment.initiativeId);
    const described = { id: document.id, title: document.title, url: document.url, fileName: document.fileName, mediaType: document.mediaType, size: document.size };
    await insertEvent(tx, { initiativeId: attachment.initiativeId, actorUserId: attachment.actor.userId, actorLabel: attachment.actor.label, kind: 'document', changes: { added: described } });
    await recordAudit(tx, { actor: attachment.actor, organisationId: place.organisationId, action: 'portfolio.document.added', entityType: 'initiative-document', entityId: document.id, after: described });
    return document;
  });
}

export async function removeDocument(db: Db, documentId: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const place = await documentPlace(tx, documentId);
    const document = await findDocument(tx, documentId);
    if (!place || !document) throw new HttpError(404, 'not-found', 'notFound', { what: documentId });
    await deleteDocumentRow(tx, documentId);
    await touchInitiative(tx, place.initiativeId);
    const described = { id: document.id, title: document.title, url: document.url, fileName: document.fileName, mediaType: document.mediaType, size: document.size };
    await insertEvent(tx, { initiativeId: place.initiativeId, actorUserId: actor.userId, actorLabel: actor.label, kind: 'document', changes: { removed: described } });
    await recordAudit(tx, { actor, organisationId: place.organisationId, action: 'portfolio.document.removed', entityType: 'initiative-document', entityId: documentId, before: described });
  });
}

/** A title from a navigator idea: its first sentence or line, at most 120 characters. */
export function titleFromIdea(idea: string): string {
  const first = idea.trim().split(/\r?\n|(?<=[.!?])\s/)[0]!.trim();
  return first.length <= 120 ? first : `${first.slice(0, 119).trimEnd()}…`;
}
