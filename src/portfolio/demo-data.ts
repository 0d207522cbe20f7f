/**
 * Demo initiatives of the Moss region (`demo/moss-initiatives.yaml`), loaded with `serve --demo` after
 * the demo organisations, through the same use cases as the API (so each has its timeline and audit
 * events). Loading is idempotent: when the demo organisations already hold initiatives, nothing happens.
 */
import { validatorOnFirstUse } from '../platform/validator-on-first-use.js';
import { Type, type Static } from '@sinclair/typebox';
import { inArray, sql } from 'drizzle-orm';
import { readYamlFile } from '../catalogue/files.js';
import type { Db } from '../platform/db/client.js';
import { projectPath } from '../platform/paths.js';
import { stringEnum } from '../platform/string-enum.js';
import { DEFAULT_EXCHANGE_RATE, type ExchangeRate } from '../reference/exchange-rate.js';
import { DEMO_ACTOR, DEFAULT_DEMO_FILE, flattenDemoOrganisations, readDemoFile } from '../organisations/demo-data.js';
import { organisations } from '../organisations/tables.js';
import { initiatives } from './tables.js';
import { STATUSES } from './life-cycle.js';
import { InitiativeInput, Partner } from './schemas.js';
import { changeStatus, createInitiative } from './initiatives.js';

export const DEFAULT_DEMO_INITIATIVES_FILE = projectPath('demo', 'moss-initiatives.yaml');

const { organisationId: _organisationId, ...inputFields } = InitiativeInput.properties;
const { organisationId: _partnerOrganisationId, ...partnerFields } = Partner.properties;

const DemoInitiative = Type.Object(
  {
    ...inputFields,
    organisation: Type.String({ minLength: 1, description: 'Name in demo/moss-region.yaml; "Parent / Child" where a name repeats' }),
    partners: Type.Optional(Type.Array(Type.Object({ ...partnerFields, organisation: Type.Optional(Type.String()) }, { additionalProperties: false }))),
    path: Type.Optional(
      Type.Array(Type.Object({ status: stringEnum(STATUSES), date: Type.String({ format: 'date' }), comment: Type.Optional(Type.String()) }, { additionalProperties: false })),
    ),
  },
  { additionalProperties: false },
);
const DemoInitiativesFile = Type.Object({ initiatives: Type.Array(DemoInitiative, { minItems: 1 }) }, { additionalProperties: false });
type DemoInitiativesFile = Static<typeof DemoInitiativesFile>;

const demoFileSchema = validatorOnFirstUse<DemoInitiativesFile>(DemoInitiativesFile, { formats: ['date', 'uuid', 'uri'] });

export class DemoInitiativesError extends Error {}

/** `Moss kommune / Kultur` → the organisation's key in the demo organisations file; unknown or ambiguous names are errors. */
function organisationKeys(demoOrganisations: ReturnType<typeof flattenDemoOrganisations>) {
  const byKey = new Map(demoOrganisations.map((o) => [o.organisation.key, o]));
  return (reference: string): string => {
    const names = reference.split(' / ').map((n) => n.trim());
    const matches = demoOrganisations.filter((candidate) => {
      let current: (typeof demoOrganisations)[number] | undefined = candidate;
      for (const name of [...names].reverse()) {
        if (current?.organisation.name !== name) return false;
        current = current.parentKey === null ? undefined : byKey.get(current.parentKey);
      }
      return true;
    });
    if (matches.length !== 1) throw new DemoInitiativesError(`"${reference}" names ${matches.length === 0 ? 'no' : 'more than one'} organisation of the demo organisations file`);
    return matches[0]!.organisation.key;
  };
}

export type DemoInitiativesLoad = { loaded: false } | { loaded: true; initiatives: number };

export async function loadDemoInitiatives(db: Db, file = DEFAULT_DEMO_INITIATIVES_FILE, organisationsFile = DEFAULT_DEMO_FILE, rate: ExchangeRate = DEFAULT_EXCHANGE_RATE): Promise<DemoInitiativesLoad> {
  const read = await readYamlFile(file);
  if (!read) throw new DemoInitiativesError(`The demo initiatives file ${file} does not exist`);
  if (read.problems.length > 0) throw new DemoInitiativesError(`${file}: ${read.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  const validateFile = demoFileSchema();
  if (!validateFile(read.document)) {
    throw new DemoInitiativesError(`${file}: ${(validateFile.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`).join('; ')}`);
  }
  const flat = flattenDemoOrganisations((await readDemoFile(organisationsFile)).organisations);
  const keyOf = organisationKeys(flat);

  // The demo organisations in the database, by key: each found by its chain of names from the root.
  const rows = await db.select({ id: organisations.id, parentId: organisations.parentId, name: organisations.name, path: organisations.path }).from(organisations);
  const ids = new Map<string, { id: string; path: string }>();
  for (const { organisation, parentKey } of flat) {
    const parentId = parentKey === null ? null : ids.get(parentKey)?.id;
    const row = rows.find((r) => r.name === organisation.name && r.parentId === (parentId ?? null));
    if (row) ids.set(organisation.key, { id: row.id, path: row.path });
  }
  if (ids.size === 0) return { loaded: false };
  const [present] = await db.select({ n: sql<number>`count(*)::int` }).from(initiatives).where(inArray(initiatives.organisationId, [...ids.values()].map((o) => o.id)));
  if ((present?.n ?? 0) > 0) return { loaded: false };

  const place = (reference: string) => {
    const found = ids.get(keyOf(reference));
    if (!found) throw new DemoInitiativesError(`"${reference}" is not in the database (load the demo organisations first)`);
    return found;
  };
  for (const demo of read.document.initiatives) {
    const { organisation, partners, path, ...fields } = demo;
    const owner = place(organisation);
    const id = await createInitiative(db, {
      input: { ...fields, organisationId: owner.id, partners: partners?.map(({ organisation: partner, ...p }) => ({ ...p, organisationId: partner ? place(partner).id : null })) },
      organisationPath: owner.path,
      actor: DEMO_ACTOR,
      rate,
    });
    for (const [index, step] of (path ?? []).entries()) {
      await changeStatus(db, { id, version: index + 1, status: step.status, effectiveDate: step.date, comment: step.comment, actor: DEMO_ACTOR });
    }
  }
  return { loaded: true, initiatives: read.document.initiatives.length };
}
