/**
 * The shape of a round's summary (GET /api/surveys/rounds/:id/summary): the TypeBox schema documents
 * and serialises the answer, and its static type is what `summary.ts` builds.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { stringEnum } from '../platform/string-enum.js';

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const count = Type.Integer({ minimum: 0 });

/** Choice → number of respondents who gave it (an option key, a scale value, `earlier`/`ongoing` for experience). */
const Counts = Type.Record(Type.String(), count);

export const GroupCounts = Type.Object({
  key: nullable(Type.String({ description: 'Kommunenummer or sector code; null for respondents without one' })),
  name: Type.String(),
  size: nullable(Type.Integer({ minimum: 0, description: 'Respondents in the group; null when withheld' })),
  counts: nullable(Counts),
  suppressed: Type.Boolean({ description: 'Withheld: the group is smaller than the round\'s minimum group size, or withheld so that such a group cannot be worked out from the total' }),
});

export const Distribution = Type.Object({
  overall: Type.Object({ size: count, counts: Counts }),
  byMunicipality: Type.Array(GroupCounts),
  bySector: Type.Array(GroupCounts),
});

export const Choice = Type.Object({ key: Type.String(), label: Type.String() });

export const QuestionSummary = Type.Object({
  key: Type.String(),
  type: stringEnum(['single', 'multiple', 'scale', 'matrix'] as const),
  label: Type.String(),
  /** The choices in question order (for a scale: min…max, labelled at the ends). */
  choices: Type.Array(Choice),
  /** One item per matrix row, or a single item with `row: null`. */
  items: Type.Array(Type.Object({ row: nullable(Type.String()), rowLabel: nullable(Type.String()), distribution: Distribution })),
});

const RateCounts = { invited: count, responded: count, submitted: count, rate: Type.Number({ description: 'responded / invited, 0–1' }) };
export const GroupRate = Type.Object({
  key: nullable(Type.String()),
  name: Type.String(),
  invited: nullable(count),
  responded: nullable(count),
  submitted: nullable(count),
  rate: nullable(Type.Number()),
  suppressed: Type.Boolean(),
});

export const UnitEntry = Type.Object({
  inviteeId: Type.String(),
  name: Type.String(),
  municipalityCode: nullable(Type.String()),
  municipalityName: Type.String(),
  sector: nullable(Type.String()),
  sectorName: Type.String(),
});

export const Champion = Type.Composite([UnitEntry, Type.Object({ programmes: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) })]);
export const InterestedUnit = Type.Composite([UnitEntry, Type.Object({ interest: Type.Integer(), interestLabel: Type.String(), areas: Type.Array(Type.String()) })]);

export const SchemeSummary = Type.Object({
  programmeId: Type.String(),
  programmeName: Type.String(),
  /** none / heard / know / used, from the knowledge question's row for the scheme. */
  knowledge: nullable(Distribution),
  /** Units with an earlier (`earlier`) or ongoing (`ongoing`) project in the scheme, among all respondents. */
  experience: Distribution,
});

export const Benefit = Type.Object({
  programmeId: Type.String(),
  programmeName: Type.String(),
  projects: count,
  /** Score 1–5 → number of projects. */
  scores: Counts,
  mean: nullable(Type.Number()),
  reasons: Type.Array(Type.Object({ text: Type.String(), score: nullable(Type.Integer()), unit: nullable(Type.String()) })),
});

export const ThemeGroup = Type.Object({
  theme: Type.String({ description: 'A cooperation area key, a concept id of the navigator\'s vocabulary, or `other`' }),
  kind: stringEnum(['area', 'concept', 'other'] as const),
  label: Type.String(),
  count: Type.Integer({ minimum: 0, description: 'Answers of the theme; `answers` may hold only the first of them' }),
  answers: Type.Array(Type.Object({ questionKey: Type.String(), questionLabel: Type.String(), text: Type.String(), unit: nullable(Type.String()) })),
});

export const SurveySummary = Type.Object({
  round: Type.Object({ id: Type.String(), title: Type.String(), status: Type.String(), closesAt: Type.String({ format: 'date-time' }), minGroupSize: Type.Integer() }),
  language: Type.String(),
  namesShown: Type.Boolean({ description: 'Units\' names are shown to the round\'s coordinators only; others see counts and texts without names' }),
  responseRate: Type.Object({ overall: Type.Object(RateCounts), byMunicipality: Type.Array(GroupRate), bySector: Type.Array(GroupRate) }),
  /** The knowledge question's levels in order (none … have used it), naming the keys of `schemes[].knowledge`. */
  knowledgeLevels: Type.Array(Choice),
  schemes: Type.Array(SchemeSummary),
  interest: nullable(QuestionSummary),
  cooperationAreas: nullable(QuestionSummary),
  needs: nullable(QuestionSummary),
  /** Every other choice, scale and matrix question, in questionnaire order. */
  otherQuestions: Type.Array(QuestionSummary),
  benefits: Type.Array(Benefit),
  freeText: Type.Array(ThemeGroup),
  champions: Type.Object({ count, units: Type.Array(Champion) }),
  interestedWithoutExperience: Type.Object({ count, units: Type.Array(InterestedUnit) }),
});

export type GroupCounts = Static<typeof GroupCounts>;
export type Distribution = Static<typeof Distribution>;
export type QuestionSummary = Static<typeof QuestionSummary>;
export type GroupRate = Static<typeof GroupRate>;
export type UnitEntry = Static<typeof UnitEntry>;
export type Champion = Static<typeof Champion>;
export type InterestedUnit = Static<typeof InterestedUnit>;
export type SchemeSummary = Static<typeof SchemeSummary>;
export type Benefit = Static<typeof Benefit>;
export type ThemeGroup = Static<typeof ThemeGroup>;
export type SurveySummary = Static<typeof SurveySummary>;
