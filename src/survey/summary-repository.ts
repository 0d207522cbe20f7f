/**
 * The SQL of a round's summary. Every figure is counted in the database (GROUP BY over the answers
 * joined to their invitees, unnesting choices, matrix rows and project entries with jsonb functions),
 * per municipality-and-sector cell; `summary.ts` rolls the cells up. Only texts and the lists of named
 * units are read row by row.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import type { LocalisedText } from '../catalogue/schema.js';
import type { AnsweredCell, BenefitCell, BenefitReason, ChoiceCell, InviteeCell, ProjectCell } from './summary.js';

export interface RoundRow {
  id: string;
  organisationId: string;
  title: string;
  status: string;
  closesAt: string;
  minGroupSize: number;
  /** Raised by the database whenever answers, invitees or questions change (decimal string: a bigint). */
  answersRevision: string;
}

export interface QuestionRow {
  key: string;
  version: number;
  type: string;
  position: number;
  section: string;
  definition: unknown;
  retired: boolean;
}

/** The fields of a project entry (the template's `earlier-projects` and `ongoing-projects` groups). */
export interface ProjectFields {
  programme: string;
  benefit: string;
  why: string;
}

/** A programme named in a project entry: its catalogue id, or `other` for a scheme outside the catalogue. */
export const OTHER_PROGRAMME = 'other';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

async function query<T>(db: Db, statement: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(statement));
}

/**
 * A counting query over a whole round, aggregated in a hash table: sorting a hundred thousand rows on
 * text keys (compared by collation) costs several times more, and the planner cannot know how many of
 * the unnested choices there are. Memory enough for that (PostgreSQL's default of 4 MB is sized for many
 * small queries), and no JIT, whose compilation costs more than it saves on queries of this size.
 */
async function aggregate<T>(db: Db, statement: SQL): Promise<T[]> {
  return db.transaction(async (tx) => {
    // `set local` for this transaction alone, in one round trip.
    await tx.execute(sql`select set_config('work_mem', '64MB', true), set_config('enable_sort', 'off', true), set_config('jit', 'off', true)`);
    // The cells come back as one JSON document: parsed natively at once, rather than row by row.
    const [result] = rowsOf<{ cells: T[] | string }>(await tx.execute(sql`select coalesce(json_agg(t), '[]'::json) as cells from (${statement}) t`));
    const cells = result?.cells ?? [];
    return typeof cells === 'string' ? (JSON.parse(cells) as T[]) : cells;
  });
}

/** `IN (…)` over a list that may be empty. */
const anyOf = (keys: readonly string[]) => sql`any(${sql.param([...keys])}::text[])`;

export async function findRound(db: Db, roundId: string): Promise<RoundRow | null> {
  const [row] = await query<RoundRow & { closesAt: Date | string }>(
    db,
    sql`select id, organisation_id as "organisationId", title, status, closes_at as "closesAt", min_group_size as "minGroupSize",
               answers_revision::text as "answersRevision"
          from survey_rounds where id = ${roundId}`,
  );
  return row ? { ...row, closesAt: new Date(row.closesAt).toISOString() } : null;
}

/** Every version of every question: answers keep the version they were given to. */
export async function roundQuestions(db: Db, roundId: string): Promise<QuestionRow[]> {
  return query<QuestionRow>(
    db,
    sql`select key, version, type, position, section, definition, retired_at is not null as retired
          from survey_questions where round_id = ${roundId} order by position, key, version`,
  );
}

/** Each question's revision in the round (questions never answered have none). */
export async function questionRevisions(db: Db, roundId: string): Promise<Map<string, string>> {
  const rows = await query<{ key: string; revision: string }>(db, sql`select question_key as key, revision::text as revision from survey_question_revisions where round_id = ${roundId}`);
  return new Map(rows.map((row) => [row.key, row.revision]));
}

export async function programmeNames(db: Db): Promise<Map<string, LocalisedText>> {
  const rows = await query<{ id: string; name: LocalisedText }>(db, sql`select id, name from programmes`);
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function inviteeCells(db: Db, roundId: string): Promise<InviteeCell[]> {
  return aggregate<InviteeCell>(
    db,
    sql`select municipality_code as municipality, sector,
               count(*)::int as invited,
               count(*) filter (where responded)::int as responded,
               count(*) filter (where submitted_at is not null)::int as submitted
          from (select i.municipality_code, i.sector, i.submitted_at,
                       exists (select 1 from survey_answers a where a.invitee_id = i.id) as responded
                  from survey_invitees i where i.round_id = ${roundId}) invitees
         group by municipality_code, sector`,
  );
}

/** An answer saved while typing may still be empty: it answers nothing. */
const answerGiven = sql`a.value not in ('{}'::jsonb, '[]'::jsonb, '""'::jsonb, '{"choices": []}'::jsonb)`;

export async function answeredCells(db: Db, roundId: string, keys: readonly string[]): Promise<AnsweredCell[]> {
  if (keys.length === 0) return [];
  return aggregate<AnsweredCell>(
    db,
    sql`select a.question_key as "questionKey", i.municipality_code as municipality, i.sector, count(*)::int as count
          from survey_answers a join survey_invitees i on i.id = a.invitee_id
         where a.round_id = ${roundId} and a.question_key = ${anyOf(keys)} and ${answerGiven}
         group by a.question_key, i.municipality_code, i.sector`,
  );
}

/** `one`: single-choice and scale questions, one choice per answer; `multiple`; `matrix`: one choice per row. */
export type ChoiceType = 'one' | 'multiple' | 'matrix';

/**
 * How many respondents of each cell gave each choice (each matrix row's column), for the questions of
 * one type: one query per type, so that each unnests only its own answers and they run side by side.
 */
export async function choiceCells(db: Db, roundId: string, type: ChoiceType, keys: readonly string[]): Promise<ChoiceCell[]> {
  if (keys.length === 0) return [];
  switch (type) {
    case 'one': {
      // A single choice is `{ choice }`, a scale value a number.
      const choice = sql`case jsonb_typeof(a.value) when 'number' then a.value #>> '{}' when 'object' then a.value ->> 'choice' end`;
      return aggregate<ChoiceCell>(
        db,
        sql`select a.question_key as "questionKey", null::text as row, ${choice} as choice, i.municipality_code as municipality, i.sector, count(*)::int as count
              from survey_answers a
              join survey_invitees i on i.id = a.invitee_id
             where a.round_id = ${roundId} and a.question_key = ${anyOf(keys)} and ${choice} is not null
             group by a.question_key, ${choice}, i.municipality_code, i.sector`,
      );
    }
    case 'multiple':
      return aggregate<ChoiceCell>(
        db,
        sql`select a.question_key as "questionKey", null::text as row, chosen.value as choice, i.municipality_code as municipality, i.sector, count(*)::int as count
              from survey_answers a
              join survey_invitees i on i.id = a.invitee_id
              cross join lateral jsonb_array_elements_text(case when jsonb_typeof(a.value -> 'choices') = 'array' then a.value -> 'choices' else '[]'::jsonb end) chosen
             where a.round_id = ${roundId} and a.question_key = ${anyOf(keys)}
             group by a.question_key, chosen.value, i.municipality_code, i.sector`,
      );
    case 'matrix':
      // Each answer's object is read once, all its rows at a time.
      return aggregate<ChoiceCell>(
        db,
        sql`select a.question_key as "questionKey", cell.key as row, cell.value as choice, i.municipality_code as municipality, i.sector, count(*)::int as count
              from survey_answers a
              join survey_invitees i on i.id = a.invitee_id
              cross join lateral jsonb_each_text(case when jsonb_typeof(a.value) = 'object' then a.value else '{}'::jsonb end) cell
             where a.round_id = ${roundId} and a.question_key = ${anyOf(keys)} and cell.value is not null
             group by a.question_key, cell.key, cell.value, i.municipality_code, i.sector`,
      );
  }
}

/** The project entries of the given group questions: programme (id or `other`), score and reason. */
function projectEntries(roundId: string, keys: readonly string[], fields: ProjectFields): SQL {
  return sql`select a.invitee_id, a.question_key,
                    case when e.value -> ${fields.programme}::text ->> 'choice' = 'other' then ${OTHER_PROGRAMME}::text else e.value -> ${fields.programme}::text ->> 'choice' end as programme,
                    case when jsonb_typeof(e.value -> ${fields.benefit}::text) = 'number' then (e.value ->> ${fields.benefit}::text)::int end as score,
                    nullif(btrim(coalesce(e.value ->> ${fields.why}::text, '')), '') as why
               from survey_answers a
               cross join lateral jsonb_array_elements(case when jsonb_typeof(a.value) = 'array' then a.value else '[]'::jsonb end) e
              where a.round_id = ${roundId} and a.question_key = ${anyOf(keys)}`;
}

/** Units per cell with at least one project in a programme, per project question. */
export async function projectCells(db: Db, roundId: string, keys: readonly string[], fields: ProjectFields): Promise<ProjectCell[]> {
  if (keys.length === 0) return [];
  return aggregate<ProjectCell>(
    db,
    sql`select p.question_key as "questionKey", p.programme, i.municipality_code as municipality, i.sector, count(distinct p.invitee_id)::int as units
          from (${projectEntries(roundId, keys, fields)}) p
          join survey_invitees i on i.id = p.invitee_id
         where p.programme is not null
         group by p.question_key, p.programme, i.municipality_code, i.sector`,
  );
}

export async function benefitCells(db: Db, roundId: string, keys: readonly string[], fields: ProjectFields): Promise<BenefitCell[]> {
  if (keys.length === 0) return [];
  return aggregate<BenefitCell>(
    db,
    sql`select p.programme, p.score, count(*)::int as projects
          from (${projectEntries(roundId, keys, fields)}) p
         where p.programme is not null
         group by p.programme, p.score`,
  );
}

export async function benefitReasons(db: Db, roundId: string, keys: readonly string[], fields: ProjectFields): Promise<BenefitReason[]> {
  if (keys.length === 0) return [];
  return query<BenefitReason>(
    db,
    sql`select p.programme, p.score, p.why as text, i.name as unit
          from (${projectEntries(roundId, keys, fields)}) p
          join survey_invitees i on i.id = p.invitee_id
         where p.programme is not null and p.why is not null
         order by p.programme, p.score desc nulls last, i.name`,
  );
}

export interface FreeTextRow {
  questionKey: string;
  inviteeId: string;
  unit: string;
  text: string;
}

/** Text answers, and the free-text `other` of choice questions (in no particular order). */
export async function freeTexts(db: Db, roundId: string, textKeys: readonly string[], otherKeys: readonly string[]): Promise<FreeTextRow[]> {
  const keys = [...textKeys, ...otherKeys];
  if (keys.length === 0) return [];
  return query<FreeTextRow>(
    db,
    sql`select t."questionKey", t."inviteeId", t.unit, t.text
          from (select a.question_key as "questionKey", i.id as "inviteeId", i.name as unit,
                       btrim(case when jsonb_typeof(a.value) = 'string' then a.value #>> '{}'
                                  when jsonb_typeof(a.value) = 'object' and a.question_key = ${anyOf(otherKeys)} then a.value ->> 'other' end) as text
                  from survey_answers a
                  join survey_invitees i on i.id = a.invitee_id
                 where a.round_id = ${roundId} and a.question_key = ${anyOf(keys)}) t
         where t.text <> ''
`,
  );
}

export interface UnitRow {
  inviteeId: string;
  name: string;
  municipality: string | null;
  sector: string | null;
}

/**
 * Units with experience: a project in a project question, or the knowledge question's `usedColumn`
 * for a scheme. Their programmes are catalogue ids (schemes outside the catalogue are `other`).
 */
export async function champions(
  db: Db,
  roundId: string,
  projects: { keys: readonly string[]; fields: ProjectFields },
  knowledge: { key: string; usedColumn: string } | null,
): Promise<Array<UnitRow & { programmes: string[] }>> {
  const fromKnowledge = knowledge
    ? sql`union all
          select a.invitee_id, cell.key
            from survey_answers a
            cross join lateral jsonb_each_text(case when jsonb_typeof(a.value) = 'object' then a.value else '{}'::jsonb end) cell
           where a.round_id = ${roundId} and a.question_key = ${knowledge.key} and cell.value = ${knowledge.usedColumn}
             -- Only the answers that have used a scheme at all are taken apart.
             and jsonb_path_exists(a.value, '$.* ? (@ == $used)', jsonb_build_object('used', ${knowledge.usedColumn}::text))`
    : sql``;
  return query<UnitRow & { programmes: string[] }>(
    db,
    sql`select i.id as "inviteeId", i.name, i.municipality_code as municipality, i.sector, array_agg(distinct e.programme order by e.programme) as programmes
          from (select p.invitee_id, p.programme from (${projectEntries(roundId, projects.keys, projects.fields)}) p where p.programme is not null ${fromKnowledge}) e
          join survey_invitees i on i.id = e.invitee_id
         group by i.id, i.name, i.municipality_code, i.sector`,
  );
}

export interface InterestRow extends UnitRow {
  interest: number;
  /** The cooperation areas chosen (option keys). */
  areas: string[];
  /** The free-text `other` area and the texts of `textKeys`. */
  texts: string[];
}

/** Units whose interest is above the scale's lowest value, with their areas and texts (in no particular order). */
export async function interestedUnits(db: Db, roundId: string, keys: { interest: string; interestMin: number; areas: string; texts: readonly string[] }): Promise<InterestRow[]> {
  const rows = await query<InterestRow & { areas: string[] | null; texts: string[] | null }>(
    db,
    sql`select i.id as "inviteeId", i.name, i.municipality_code as municipality, i.sector,
               max((a.value #>> '{}')::int) filter (where a.question_key = ${keys.interest} and jsonb_typeof(a.value) = 'number') as interest,
               (array_agg(a.value -> 'choices') filter (where a.question_key = ${keys.areas} and jsonb_typeof(a.value -> 'choices') = 'array'))[1] as areas,
               array_remove(array_agg(case when a.question_key = ${keys.areas} then btrim(a.value ->> 'other')
                                           when a.question_key = ${anyOf(keys.texts)} and jsonb_typeof(a.value) = 'string' then btrim(a.value #>> '{}') end), null) as texts
          from survey_invitees i
          join survey_answers a on a.invitee_id = i.id
         where i.round_id = ${roundId} and a.question_key = ${anyOf([keys.interest, keys.areas, ...keys.texts])}
         group by i.id, i.name, i.municipality_code, i.sector
        having max((a.value #>> '{}')::int) filter (where a.question_key = ${keys.interest} and jsonb_typeof(a.value) = 'number') > ${keys.interestMin}`,
  );
  return rows.map((row) => ({ ...row, areas: (row.areas as unknown as string[] | null) ?? [], texts: (row.texts ?? []).filter((text) => text !== '') }));
}

/** Every unit's chosen cooperation areas (for joint candidates): units that chose none are absent. */
export async function unitAreas(db: Db, roundId: string, areasKey: string): Promise<Array<UnitRow & { areas: string[] }>> {
  return query<UnitRow & { areas: string[] }>(
    db,
    sql`select i.id as "inviteeId", i.name, i.municipality_code as municipality, i.sector, array_agg(chosen.value order by chosen.value) as areas
          from survey_answers a
          join survey_invitees i on i.id = a.invitee_id
          cross join lateral jsonb_array_elements_text(case when jsonb_typeof(a.value -> 'choices') = 'array' then a.value -> 'choices' else '[]'::jsonb end) chosen
         where a.round_id = ${roundId} and a.question_key = ${areasKey}
         group by i.id, i.name, i.municipality_code, i.sector`,
  );
}

/** The organisations in the tree the given invitees were invited as (null when imported from a list). */
export async function inviteeOrganisations(db: Db, roundId: string, inviteeIds: readonly string[]): Promise<Map<string, string | null>> {
  const rows = await query<{ id: string; organisationId: string | null }>(
    db,
    sql`select id, organisation_id as "organisationId" from survey_invitees where round_id = ${roundId} and id = any(${sql.param([...inviteeIds])}::uuid[])`,
  );
  return new Map(rows.map((row) => [row.id, row.organisationId]));
}
