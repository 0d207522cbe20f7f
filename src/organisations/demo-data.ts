/**
 * Demo data: the Moss region's organisations and a handful of people in different roles
 * (`demo/moss-region.yaml`), loaded at start-up only when the product runs with demo data. Loading is
 * idempotent: when the demo organisations or people are already there, nothing happens.
 */
import { validatorOnFirstUse } from '../platform/validator-on-first-use.js';
import { Type, type Static } from '@sinclair/typebox';
import { inArray, isNull, and, sql } from 'drizzle-orm';
import { readYamlFile } from '../catalogue/files.js';
import { createAccount } from '../accounts/create-account.js';
import { hashPassword, passwordProblem } from '../accounts/passwords.js';
import { users } from '../accounts/tables.js';
import type { Actor, Queryable } from '../platform/audit/audit.js';
import type { Db } from '../platform/db/client.js';
import { projectPath } from '../platform/paths.js';
import { stringEnum } from '../platform/string-enum.js';
import { isKnownNorwegianCounty, isKnownNorwegianMunicipality, isKnownSwedishCounty, isKnownSwedishMunicipality } from '../reference/index.js';
import { LANGUAGES } from '../reference/codes.js';
import { ORGANISATION_TYPES } from './kinds.js';
import { createOrganisation, setMembership } from './organisations.js';
import { ROLES } from './roles.js';
import { organisations } from './tables.js';

export const DEFAULT_DEMO_FILE = projectPath('demo', 'moss-region.yaml');

/** Who the audit trail names as having made the demo organisations and people. */
export const DEMO_ACTOR: Actor = { userId: null, label: 'demo-data' };

const DemoOrganisation = Type.Recursive((This) =>
  Type.Object(
    {
      key: Type.String({ pattern: '^[a-z0-9-]+$' }),
      kind: stringEnum(ORGANISATION_TYPES),
      name: Type.String({ minLength: 1 }),
      orgNumber: Type.Optional(Type.String()),
      country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
      placeCode: Type.Optional(Type.String()),
      children: Type.Optional(Type.Array(This)),
    },
    { additionalProperties: false },
  ),
);
type DemoOrganisation = Static<typeof DemoOrganisation>;

const DemoFile = Type.Object(
  {
    password: Type.String(),
    organisations: Type.Array(DemoOrganisation, { minItems: 1 }),
    users: Type.Array(
      Type.Object(
        {
          email: Type.String({ pattern: '^[^\\s@]+@[^\\s@]+\\.example$' }),
          name: Type.String({ minLength: 1 }),
          language: Type.Optional(stringEnum(LANGUAGES)),
          systemAdministrator: Type.Optional(Type.Boolean()),
          memberships: Type.Optional(Type.Array(Type.Object({ organisation: Type.String(), role: stringEnum(ROLES) }, { additionalProperties: false }))),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type DemoFile = Static<typeof DemoFile>;

const demoFileSchema = validatorOnFirstUse<DemoFile>(DemoFile);

export class DemoDataError extends Error {}

/** Every organisation of the file with its parent's key, parents first; units take their parent's place. */
export function flattenDemoOrganisations(list: readonly DemoOrganisation[], parent: { key: string; country: string; placeCode: string | undefined } | null = null) {
  const result: { organisation: DemoOrganisation; parentKey: string | null; country: string; placeCode: string | undefined }[] = [];
  for (const organisation of list) {
    const inherits = organisation.kind === 'unit' && parent !== null;
    const country = organisation.country ?? (inherits ? parent.country : 'NO');
    const placeCode = organisation.placeCode ?? (inherits ? parent.placeCode : undefined);
    result.push({ organisation, parentKey: parent?.key ?? null, country, placeCode });
    result.push(...flattenDemoOrganisations(organisation.children ?? [], { key: organisation.key, country, placeCode }));
  }
  return result;
}

function isKnownPlace(country: string, code: string): boolean {
  if (country === 'NO') return isKnownNorwegianCounty(code) || isKnownNorwegianMunicipality(code);
  if (country === 'SE') return isKnownSwedishCounty(code) || isKnownSwedishMunicipality(code);
  return false;
}

/** Problems beyond the schema: duplicate keys, unknown places and organisations, a weak password. */
export function demoDataProblems(data: DemoFile): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const { organisation, country, placeCode } of flattenDemoOrganisations(data.organisations)) {
    if (keys.has(organisation.key)) problems.push(`organisation key "${organisation.key}" is used twice`);
    keys.add(organisation.key);
    if (placeCode !== undefined && !isKnownPlace(country, placeCode)) problems.push(`${organisation.key}: "${placeCode}" is not a known place code in ${country}`);
  }
  for (const user of data.users) {
    if (passwordProblem(data.password, user.email)) problems.push(`the demo password is too weak for ${user.email}`);
    for (const membership of user.memberships ?? []) {
      if (!keys.has(membership.organisation)) problems.push(`${user.email}: no organisation with key "${membership.organisation}"`);
    }
  }
  return problems;
}

export async function readDemoFile(file: string): Promise<DemoFile> {
  const read = await readYamlFile(file);
  if (!read) throw new DemoDataError(`The demo data file ${file} does not exist`);
  if (read.problems.length > 0) throw new DemoDataError(`${file}: ${read.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  const validateDemoFile = demoFileSchema();
  if (!validateDemoFile(read.document)) {
    throw new DemoDataError(`${file}: ${(validateDemoFile.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`).join('; ')}`);
  }
  const problems = demoDataProblems(read.document);
  if (problems.length > 0) throw new DemoDataError(`${file}: ${problems.join('; ')}`);
  return read.document;
}

async function demoDataPresent(db: Queryable, data: DemoFile): Promise<boolean> {
  const [organisation] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(isNull(organisations.parentId), inArray(organisations.name, data.organisations.map((o) => o.name))))
    .limit(1);
  if (organisation) return true;
  const emails = data.users.map((u) => u.email.toLowerCase());
  const [user] = await db.select({ id: users.id }).from(users).where(inArray(sql`lower(${users.email})`, emails)).limit(1);
  return user !== undefined;
}

export type DemoLoad = { loaded: false } | { loaded: true; organisations: number; users: number };

export async function loadDemoData(db: Db, file = DEFAULT_DEMO_FILE): Promise<DemoLoad> {
  const data = await readDemoFile(file);
  if (await demoDataPresent(db, data)) return { loaded: false };
  const passwordHash = await hashPassword(data.password);
  const flat = flattenDemoOrganisations(data.organisations);
  await db.transaction(async (tx) => {
    const ids = new Map<string, string>();
    for (const { organisation, parentKey, country, placeCode } of flat) {
      const fields = { kind: organisation.kind, name: organisation.name, orgNumber: organisation.orgNumber ?? null, country, placeCode: placeCode ?? null };
      const created = await createOrganisation(tx, fields, parentKey === null ? null : ids.get(parentKey)!, DEMO_ACTOR);
      ids.set(organisation.key, created.id);
    }
    for (const person of data.users) {
      const user = await createAccount(
        tx,
        { email: person.email, name: person.name, language: person.language ?? 'nb', passwordHash, systemAdministrator: person.systemAdministrator ?? false },
        DEMO_ACTOR,
      );
      for (const membership of person.memberships ?? []) await setMembership(tx, user.id, ids.get(membership.organisation)!, membership.role, DEMO_ACTOR);
    }
  });
  return { loaded: true, organisations: flat.length, users: data.users.length };
}
