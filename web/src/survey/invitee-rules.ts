/**
 * Choosing whom to invite (pure): the units below the round's organisation with their municipality, what
 * to send for the units picked, the problems of an imported list line by line, an invitee's state, and
 * what a correction of an invitee changes.
 */
import type { OrganisationDetails } from '../admin/types.js';
import type { Invitee, InviteeChanges, ListProblem } from './types.js';

export interface UnitChoice {
  organisation: OrganisationDetails;
  /** The municipality the unit belongs to (itself or the nearest above it), if any. */
  municipality: OrganisationDetails | undefined;
  depth: number;
}

/**
 * The organisations below `rootId` (not itself) in tree order, each with its municipality. Units come
 * first under their municipality; municipalities themselves can be invited too (e.g. a sector office).
 */
export function unitsBelow(items: readonly OrganisationDetails[], rootId: string, collator = new Intl.Collator('nb')): UnitChoice[] {
  const children = new Map<string, OrganisationDetails[]>();
  for (const item of items) if (item.parentId) children.set(item.parentId, [...(children.get(item.parentId) ?? []), item]);
  const result: UnitChoice[] = [];
  const visit = (id: string, depth: number, municipality: OrganisationDetails | undefined) => {
    const below = [...(children.get(id) ?? [])].sort((a, b) => collator.compare(a.name, b.name));
    for (const organisation of below) {
      const own = organisation.kind === 'municipality' ? organisation : municipality;
      result.push({ organisation, municipality: own, depth });
      visit(organisation.id, depth + 1, own);
    }
  };
  const root = items.find((item) => item.id === rootId);
  visit(rootId, 0, root?.kind === 'municipality' ? root : undefined);
  return result;
}

export type InviteeState = 'not-sent' | 'waiting' | 'answering' | 'submitted';

export function inviteeState(invitee: Pick<Invitee, 'lastSentAt' | 'firstAnsweredAt' | 'submittedAt'>): InviteeState {
  if (invitee.submittedAt) return 'submitted';
  if (invitee.firstAnsweredAt) return 'answering';
  return invitee.lastSentAt ? 'waiting' : 'not-sent';
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function looksLikeEmail(text: string): boolean {
  return EMAIL.test(text.trim());
}

/** A unit picked from the tree, with the address typed for it ('' leaves it to the unit's member). */
export interface PickedUnit {
  organisation: Pick<OrganisationDetails, 'id' | 'name'>;
  email: string;
}

/**
 * The body of POST …/invitees: units with an address typed go as people of that unit (the server places
 * them by the tree), the others by id (the server addresses their member with the largest role).
 */
export function invitationBody(picked: readonly PickedUnit[]): { organisationIds: string[]; people: Array<{ organisationId: string; name: string; email: string }> } {
  const organisationIds: string[] = [];
  const people: Array<{ organisationId: string; name: string; email: string }> = [];
  for (const { organisation, email } of picked) {
    if (email.trim() === '') organisationIds.push(organisation.id);
    else people.push({ organisationId: organisation.id, name: organisation.name, email: email.trim() });
  }
  return { organisationIds, people };
}

/** An imported list's problems, one entry per line in line order, each with its problems in column order. */
export function problemsByLine(problems: readonly ListProblem[]): Array<{ line: number; problems: ListProblem[] }> {
  const lines = new Map<number, ListProblem[]>();
  for (const problem of problems) lines.set(problem.line, [...(lines.get(problem.line) ?? []), problem]);
  return [...lines].sort(([a], [b]) => a - b).map(([line, found]) => ({ line, problems: found }));
}

/** The correction form of an invitee, as typed: '' for no municipality or sector. */
export interface InviteeForm {
  name: string;
  email: string;
  municipalityCode: string;
  sector: string;
}

export function inviteeForm(invitee: Pick<Invitee, 'name' | 'email' | 'municipalityCode' | 'sector'>): InviteeForm {
  return { name: invitee.name, email: invitee.email, municipalityCode: invitee.municipalityCode ?? '', sector: invitee.sector ?? '' };
}

/** The body of PATCH …/invitees/:inviteeId: only the fields the form changed, texts trimmed; empty when nothing changed. */
export function inviteeChanges(invitee: Pick<Invitee, 'name' | 'email' | 'municipalityCode' | 'sector'>, form: InviteeForm): InviteeChanges {
  const changes: InviteeChanges = {};
  if (form.name.trim() !== invitee.name) changes.name = form.name.trim();
  if (form.email.trim() !== invitee.email) changes.email = form.email.trim();
  if ((form.municipalityCode || null) !== invitee.municipalityCode) changes.municipalityCode = form.municipalityCode || null;
  if ((form.sector || null) !== invitee.sector) changes.sector = form.sector || null;
  return changes;
}
