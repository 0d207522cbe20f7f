/**
 * The portfolio's HTTP shapes (TypeBox → JSON Schema and TypeScript types): what the list, an
 * initiative, its timeline and the dashboard look like, and what a client sends.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { stringEnum } from '../platform/string-enum.js';
import { MUNICIPAL_SECTORS } from '../reference/codes.js';
import { BENEFITS, MAX_BENEFIT_SCORE, MIN_BENEFIT_SCORE } from './benefits.js';
import { STATUSES } from './life-cycle.js';
import { AMOUNT_PATTERN, BUDGET_LINE_KINDS, CURRENCIES, RATE_PATTERN } from './money.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Amount = Type.String({ pattern: AMOUNT_PATTERN, description: 'Exact decimal amount, at most two decimals, e.g. "125000.50"' });
const Hours = Type.String({ pattern: '^[0-9]{1,9}([.][0-9])?$', description: 'Hours, at most one decimal' });
const SdgGoal = Type.Integer({ minimum: 1, maximum: 17 });
const SdgTarget = Type.String({ pattern: '^[0-9]{1,2}[.]([0-9]{1,2}|[a-z])$', description: 'SDG target, e.g. "4.7" or "17.b"' });

export const Partner = Type.Object(
  {
    organisationId: Type.Optional(Nullable(Uuid)),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' }),
    region: Type.Optional(Nullable(Type.String({ maxLength: 40, description: 'NUTS code, county or municipality number' }))),
    lead: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const BudgetLine = Type.Object(
  { kind: stringEnum(BUDGET_LINE_KINDS), label: Type.String({ maxLength: 200 }), amount: Amount },
  { additionalProperties: false },
);

export const BenefitScore = Type.Object(
  {
    benefit: stringEnum(BENEFITS),
    score: Type.Integer({ minimum: MIN_BENEFIT_SCORE, maximum: MAX_BENEFIT_SCORE }),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

const INPUT_FIELDS = {
  organisationId: Type.String({ format: 'uuid', description: 'The owning organisation (unit or municipality)' }),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  summary: Type.Optional(Type.String({ maxLength: 10_000 })),
  private: Type.Optional(Type.Boolean({ description: "Hidden from all but those who may edit the owning organisation's content" })),
  contactUserId: Type.Optional(Nullable(Uuid)),
  contactName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  programmeId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100, description: 'Catalogue programme id' }))),
  priorityCode: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 50, description: 'Focus area of the programme' }))),
  otherProgramme: Type.Optional(Nullable(Type.String({ maxLength: 200, description: 'A scheme outside the catalogue, by name' }))),
  callReference: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  deadline: Type.Optional(Nullable(Day)),
  startDate: Type.Optional(Nullable(Day)),
  endDate: Type.Optional(Nullable(Day)),
  currency: Type.Optional(stringEnum(CURRENCIES)),
  budgetAmount: Type.Optional(Nullable(Amount)),
  nokRate: Type.Optional(Nullable(Type.String({ pattern: RATE_PATTERN, description: 'NOK per EUR (with nokRateDate); default: the current rate' }))),
  nokRateDate: Type.Optional(Nullable(Day)),
  budgetLines: Type.Optional(Type.Array(BudgetLine, { maxItems: 50, description: 'Grant, own share and co-financing lines; they sum to the budget' })),
  hoursApplication: Type.Optional(Nullable(Hours)),
  hoursProject: Type.Optional(Nullable(Hours)),
  sectors: Type.Optional(Type.Array(stringEnum(MUNICIPAL_SECTORS), { maxItems: MUNICIPAL_SECTORS.length, uniqueItems: true })),
  sdgGoals: Type.Optional(Type.Array(SdgGoal, { maxItems: 17, uniqueItems: true })),
  sdgTargets: Type.Optional(Type.Array(SdgTarget, { maxItems: 169, uniqueItems: true })),
  notes: Type.Optional(Type.String({ maxLength: 20_000 })),
  partners: Type.Optional(Type.Array(Partner, { maxItems: 100 })),
  benefits: Type.Optional(Type.Array(BenefitScore, { maxItems: BENEFITS.length })),
};

export const InitiativeInput = Type.Object(INPUT_FIELDS, { additionalProperties: false, title: 'InitiativeInput' });
export type InitiativeInput = Static<typeof InitiativeInput>;

export const InitiativeUpdate = Type.Object(
  { ...INPUT_FIELDS, version: Type.Integer({ minimum: 1, description: 'The version the changes were made to (optimistic locking)' }) },
  { additionalProperties: false, title: 'InitiativeUpdate' },
);
export type InitiativeUpdate = Static<typeof InitiativeUpdate>;

export const StatusChange = Type.Object(
  {
    status: stringEnum(STATUSES),
    date: Type.Optional(Day),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false, title: 'StatusChange' },
);

export const FromNavigator = Type.Object(
  {
    organisationId: Uuid,
    idea: Type.String({ minLength: 1, maxLength: 10_000 }),
    programmeId: Type.String({ minLength: 1, maxLength: 100 }),
    priorityCode: Nullable(Type.String({ minLength: 1, maxLength: 50 })),
    navigatorQuery: Type.Optional(Type.Object({}, { additionalProperties: true, description: 'The navigator question the result came from, kept in the timeline' })),
  },
  { additionalProperties: false, title: 'FromNavigator' },
);

export const NewLink = Type.Object(
  { title: Type.String({ minLength: 1, maxLength: 200 }), url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 }) },
  { additionalProperties: false },
);

export const InitiativeSummary = Type.Object(
  {
    id: Uuid,
    title: Type.String(),
    status: stringEnum(STATUSES),
    organisationId: Uuid,
    organisationName: Type.String(),
    programmeId: Nullable(Type.String()),
    programmeName: Nullable(Type.String()),
    priorityCode: Nullable(Type.String()),
    otherProgramme: Nullable(Type.String()),
    deadline: Nullable(Day),
    startDate: Nullable(Day),
    endDate: Nullable(Day),
    currency: stringEnum(CURRENCIES),
    budgetAmount: Nullable(Type.String()),
    grantAmount: Nullable(Type.String()),
    budgetNok: Nullable(Type.String({ description: "In NOK at the initiative's stored rate" })),
    grantNok: Nullable(Type.String()),
    sectors: Type.Array(Type.String()),
    sdgGoals: Type.Array(Type.Integer()),
    private: Type.Boolean(),
    updatedAt: Type.String({ format: 'date-time' }),
    version: Type.Integer(),
  },
  { title: 'InitiativeSummary' },
);
export type InitiativeSummary = Static<typeof InitiativeSummary>;

export const InitiativePage = Type.Object(
  { items: Type.Array(InitiativeSummary), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() },
  { title: 'InitiativePage' },
);

export const DocumentItem = Type.Object({
  id: Uuid,
  title: Type.String(),
  url: Nullable(Type.String()),
  fileName: Nullable(Type.String()),
  mediaType: Nullable(Type.String()),
  size: Nullable(Type.Integer()),
  addedAt: Type.String({ format: 'date-time' }),
});
export type DocumentItem = Static<typeof DocumentItem>;

export const InitiativePermissions = ['read', 'edit'] as const;

export const Initiative = Type.Object(
  {
    ...InitiativeSummary.properties,
    summary: Type.String(),
    contactUserId: Nullable(Uuid),
    contactName: Nullable(Type.String()),
    callReference: Nullable(Type.String()),
    ownShareAmount: Nullable(Type.String()),
    coFinancingAmount: Nullable(Type.String()),
    nokRate: Type.String({ description: 'NOK per unit of the currency' }),
    nokRateDate: Nullable(Day),
    hoursApplication: Nullable(Type.String()),
    hoursProject: Nullable(Type.String()),
    sdgTargets: Type.Array(Type.String()),
    notes: Type.String(),
    partners: Type.Array(
      Type.Object({ organisationId: Nullable(Uuid), name: Type.String(), country: Type.String(), region: Nullable(Type.String()), lead: Type.Boolean() }),
    ),
    budgetLines: Type.Array(Type.Object({ kind: stringEnum(BUDGET_LINE_KINDS), label: Type.String(), amount: Type.String() })),
    benefits: Type.Array(Type.Object({ benefit: stringEnum(BENEFITS), score: Type.Integer(), comment: Type.String() })),
    documents: Type.Array(DocumentItem),
    allowedTransitions: Type.Array(stringEnum(STATUSES), { description: 'The statuses it may move to next' }),
    permissions: Type.Array(stringEnum(InitiativePermissions), { description: 'What the caller may do with it' }),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { title: 'Initiative' },
);
export type Initiative = Static<typeof Initiative>;

export const TimelineItem = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  kind: stringEnum(['created', 'status', 'edited', 'imported', 'document'] as const),
  fromStatus: Nullable(stringEnum(STATUSES)),
  toStatus: Nullable(stringEnum(STATUSES)),
  effectiveDate: Nullable(Day),
  comment: Type.String(),
  changes: Type.Unknown({ description: 'Edits: each changed field with its value before and after; documents: what was added or removed' }),
});

/** A refusal because someone saved in between (409): the version now stored, so the client can reload. */
export const VersionConflict = Type.Object(
  { statusCode: Type.Literal(409), error: Type.Literal('version-conflict'), message: Type.String(), field: Type.Optional(Type.String()), currentVersion: Type.Integer() },
  { title: 'VersionConflict' },
);

/** A status change the life cycle does not allow (409), with the steps that are allowed. */
export const StatusConflict = Type.Object(
  { statusCode: Type.Literal(409), error: Type.Literal('status-not-allowed'), message: Type.String(), field: Type.Optional(Type.String()), allowed: Type.Array(stringEnum(STATUSES)) },
  { title: 'StatusConflict' },
);

const Money = Type.String({ description: 'NOK, exact decimal' });
export const Dashboard = Type.Object(
  {
    rate: Type.Object({ nokPerEur: Type.String(), date: Day, source: Type.Object({ title: Type.String(), url: Type.String() }) }, { description: 'The current rate new EUR budgets are converted with; each initiative keeps its own stored rate' }),
    totals: Type.Object({ count: Type.Integer(), budgetNok: Money, grantNok: Money, ownShareNok: Money, coFinancingNok: Money, hoursApplication: Type.String(), hoursProject: Type.String() }),
    byStatus: Type.Array(Type.Object({ status: stringEnum(STATUSES), count: Type.Integer(), budgetNok: Money, grantNok: Money })),
    byProgramme: Type.Array(Type.Object({ programmeId: Nullable(Type.String()), name: Type.String({ description: 'Catalogue name; for schemes outside the catalogue the name given, or empty' }), count: Type.Integer(), grantNok: Money })),
    bySector: Type.Array(Type.Object({ sector: Type.String(), count: Type.Integer(), grantNok: Money })),
    byYear: Type.Array(Type.Object({ year: Type.Integer(), count: Type.Integer(), grantNok: Money, ownShareNok: Money }, { description: 'By the year the initiative starts (else its deadline, else when registered)' })),
    successRate: Type.Object({ decided: Type.Integer(), granted: Type.Integer(), rate: Nullable(Type.Number({ description: 'granted / decided, 0–1' })) }),
    grantPerOwnShare: Nullable(Type.String({ description: 'NOK of grant won per NOK of own share, over the initiatives that won (two decimals)' })),
    benefits: Type.Array(Type.Object({ benefit: stringEnum(BENEFITS), count: Type.Integer(), average: Type.Number() })),
    running: Type.Array(Type.Object({ id: Uuid, title: Type.String(), startDate: Nullable(Day), endDate: Nullable(Day), programmeName: Nullable(Type.String()) })),
    nextDeadlines: Type.Array(Type.Object({ id: Uuid, title: Type.String(), deadline: Day, programmeName: Nullable(Type.String()) })),
  },
  { title: 'PortfolioDashboard' },
);
export type Dashboard = Static<typeof Dashboard>;
