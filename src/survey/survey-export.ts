/**
 * Every answer of a round as an XLSX workbook, for the round's coordinators: one sheet per section of
 * the questionnaire (a row per invited unit, a column per question — per row of a matrix), and one
 * sheet per repeatable group (a row per entry, e.g. per project). Choices are written as their labels
 * in the request's language, free-text alternatives beside them.
 */
import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import type { ExportColumn } from '../platform/export/columns.js';
import { xlsxStream, type XlsxSheet } from '../platform/export/xlsx.js';
import type { Language } from '../reference/codes.js';
import { inLanguage, type GroupField, type QuestionDefinition } from './questions.js';
import type { RoundContext } from './summary-query.js';
import type { RoundQuestion } from './summary-questions.js';
import { summaryText } from './summary-texts.js';
import { SECTION_TITLES, type Section } from './template.js';

interface Respondent {
  id: string;
  name: string;
  email: string;
  municipality: string | null;
  sector: string | null;
  submittedAt: Date | string | null;
  answers: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every invitee with their answers, one row each, by name. */
async function respondents(db: Db, roundId: string): Promise<Respondent[]> {
  const result = await db.execute(sql`
    select i.id, i.name, i.email, i.municipality_code as municipality, i.sector, i.submitted_at as "submittedAt",
           coalesce(jsonb_object_agg(a.question_key, a.value) filter (where a.question_key is not null), '{}'::jsonb) as answers
      from survey_invitees i
      left join survey_answers a on a.invitee_id = i.id
     where i.round_id = ${roundId}
     group by i.id
     order by i.name, i.id`);
  return (result as unknown as { rows: Respondent[] }).rows;
}

type Choices = (value: string) => string;

/** Labels of a choice question's (or field's) options, and of the catalogue's programmes. */
function choiceLabels(definition: { options?: Array<{ value: string; labels: Partial<Record<Language, string>> }>; optionsFrom?: 'catalogue' }, context: RoundContext, language: Language): Choices {
  const labels = new Map((definition.options ?? []).map((option) => [option.value, inLanguage(option.labels, language)]));
  const catalogue = new Map(context.catalogue.map((choice) => [choice.key, choice.label]));
  return (value) => labels.get(value) ?? catalogue.get(value) ?? (value === 'other' ? summaryText('other', language) : value);
}

/** A choice, several choices, a number or a text, written out. */
function answerText(definition: QuestionDefinition | GroupField, value: unknown, context: RoundContext, language: Language): string | number | null {
  if (value === undefined || value === null) return null;
  switch (definition.type) {
    case 'single': {
      if (!isRecord(value)) return null;
      const label = choiceLabels(definition, context, language);
      return value.choice === 'other' && typeof value.other === 'string' ? value.other : label(String(value.choice));
    }
    case 'multiple': {
      if (!isRecord(value) || !Array.isArray(value.choices)) return null;
      const label = choiceLabels(definition, context, language);
      const parts = value.choices.map((choice) => label(String(choice)));
      if (typeof value.other === 'string' && value.other !== '') parts.push(`${summaryText('other', language)}: ${value.other}`);
      return parts.join('; ');
    }
    case 'scale':
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'text':
      return typeof value === 'string' ? value : null;
    default:
      return null;
  }
}

function unitColumns(context: RoundContext, language: Language): Array<ExportColumn<Respondent>> {
  return [
    { header: summaryText('unit', language), type: 'text', value: (r) => r.name, width: 32 },
    { header: summaryText('email', language), type: 'text', value: (r) => r.email, width: 30 },
    { header: summaryText('municipality', language), type: 'text', value: (r) => context.names.municipality(r.municipality), width: 16 },
    { header: summaryText('sector', language), type: 'text', value: (r) => context.names.sector(r.sector), width: 20 },
  ];
}

function questionColumns(question: RoundQuestion, context: RoundContext, language: Language): Array<ExportColumn<Respondent>> {
  const definition = question.definition;
  if (definition.type === 'matrix') {
    const columns = choiceLabels({ options: definition.columns }, context, language);
    const rows = [
      ...(definition.rows ?? []).map((row) => ({ key: row.value, label: inLanguage(row.labels, language) })),
      ...(definition.rowsFrom === 'catalogue' ? context.catalogue : []),
    ];
    return rows.map((row) => ({
      header: `${question.label} – ${row.label}`,
      type: 'text',
      value: (r) => {
        const answer = r.answers[question.key];
        return isRecord(answer) && typeof answer[row.key] === 'string' ? columns(answer[row.key] as string) : null;
      },
    }));
  }
  return [{ header: question.label, type: definition.type === 'scale' ? 'integer' : 'text', value: (r) => answerText(definition, r.answers[question.key], context, language), width: definition.type === 'text' ? 50 : 24 }];
}

/** The sheet of a repeatable group: a row per entry. */
function groupSheet(question: RoundQuestion, people: readonly Respondent[], context: RoundContext, language: Language): XlsxSheet<{ respondent: Respondent; entry: Record<string, unknown>; index: number }> {
  const definition = question.definition as Extract<QuestionDefinition, { type: 'group' }>;
  const rows = people.flatMap((respondent) => {
    const entries = respondent.answers[question.key];
    return Array.isArray(entries) ? entries.filter(isRecord).map((entry, index) => ({ respondent, entry, index })) : [];
  });
  const units = unitColumns(context, language);
  return {
    name: question.label,
    columns: [
      ...units.map((column) => ({ ...column, value: (row: { respondent: Respondent }) => column.value(row.respondent) })),
      { header: summaryText('entry', language), type: 'integer', value: (row) => row.index + 1, width: 6 },
      ...definition.fields.map(
        (field): ExportColumn<{ entry: Record<string, unknown> }> => ({
          header: inLanguage(field.labels, language),
          type: field.type === 'number' || field.type === 'scale' ? 'integer' : 'text',
          value: (row) => answerText(field, row.entry[field.key], context, language),
        }),
      ),
    ],
    rows,
  };
}

export async function answersWorkbook(db: Db, context: RoundContext, language: Language): Promise<Readable> {
  const people = await respondents(db, context.round.id);
  const sections = new Map<string, RoundQuestion[]>();
  const groups: RoundQuestion[] = [];
  for (const question of context.questions) {
    if (question.definition.type === 'group') groups.push(question);
    else sections.set(question.section, [...(sections.get(question.section) ?? []), question]);
  }
  const sectionName = (section: string) => (section in SECTION_TITLES ? SECTION_TITLES[section as Section][language] : section || summaryText('answers', language));
  const sheets: Array<XlsxSheet<any>> = [
    ...[...sections].map(([section, questions]) => ({
      name: sectionName(section),
      columns: [
        ...unitColumns(context, language),
        { header: summaryText('submitted', language), type: 'datetime', value: (r: Respondent) => (r.submittedAt ? new Date(r.submittedAt) : null) } as ExportColumn<Respondent>,
        ...questions.flatMap((question) => questionColumns(question, context, language)),
      ],
      rows: people,
    })),
    ...groups.map((question) => groupSheet(question, people, context, language)),
  ];
  return xlsxStream(sheets, { title: context.round.title, creator: 'Mulighetsrom' });
}
