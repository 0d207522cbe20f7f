/**
 * The summary use case: read the round's questions, let the database count (summary-repository.ts,
 * independent queries side by side), then roll up, withhold small groups, group free text by theme and
 * name everything in the request's language (summary.ts, themes.ts).
 */
import type { Db } from '../platform/db/client.js';
import type { LocalisedText } from '../catalogue/schema.js';
import { TtlCache } from '../platform/ttl-cache.js';
import { CODE_NAMES } from '../reference/code-names.js';
import { MUNICIPAL_SECTORS, type Language, type MunicipalSector } from '../reference/codes.js';
import { norwegianMunicipality, swedishMunicipality } from '../reference/index.js';
import { inLanguage } from './questions.js';
import { TEMPLATE_KEYS } from './template.js';
import {
  answeredCells,
  benefitCells,
  benefitReasons,
  champions,
  choiceCells,
  findRound,
  freeTexts,
  interestedUnits,
  inviteeCells,
  OTHER_PROGRAMME,
  programmeNames,
  questionRevisions,
  projectCells,
  roundQuestions,
  type ProjectFields,
  type RoundRow,
} from './summary-repository.js';
import { allowsOther, analysedQuestion, catalogueChoices, currentQuestions, isChoiceQuestion, type RoundQuestion } from './summary-questions.js';
import type { SurveySummary, ThemeGroup } from './summary-schema.js';
import { summaryText } from './summary-texts.js';
import { buildSummary, type AnalysedQuestion, type QuestionRoles, type SummaryNames } from './summary.js';
import { groupByTheme, type Theme, type ThemeVocabulary } from './themes.js';

/** The template's questions (seed 001, appendix 1) the summary reads, and the fields of its project groups. */
export const QUESTION_ROLES: QuestionRoles = {
  knowledge: TEMPLATE_KEYS.knowledge,
  interest: TEMPLATE_KEYS.interest,
  cooperationAreas: TEMPLATE_KEYS.cooperationAreas,
  needs: TEMPLATE_KEYS.needs,
  earlierProjects: TEMPLATE_KEYS.earlierProjects,
  ongoingProjects: TEMPLATE_KEYS.ongoingProjects,
};
export const PROJECT_FIELDS: ProjectFields = { programme: 'programme', benefit: 'benefit', why: 'why' };

const isSector = (code: string): code is MunicipalSector => (MUNICIPAL_SECTORS as readonly string[]).includes(code);

export function summaryNames(language: Language, programmes: ReadonlyMap<string, LocalisedText>): SummaryNames {
  return {
    municipality: (code) => (code === null ? summaryText('notGiven', language) : (norwegianMunicipality(code)?.norwegianName ?? swedishMunicipality(code)?.name ?? code)),
    sector: (code) => (code === null ? summaryText('notGiven', language) : isSector(code) ? CODE_NAMES.municipalSector[code][language] : code),
    programme: (id) => {
      const name = programmes.get(id);
      return name ? inLanguage(name, language) : id === OTHER_PROGRAMME ? summaryText('otherProgramme', language) : id;
    },
  };
}

/** What every analysis of a round starts from. */
export interface RoundContext {
  round: RoundRow;
  questions: RoundQuestion[];
  programmes: Map<string, LocalisedText>;
  names: SummaryNames;
  catalogue: Array<{ key: string; label: string }>;
}

export async function roundContext(db: Db, roundId: string, language: Language): Promise<RoundContext | null> {
  const [round, questionRows, programmes] = await Promise.all([findRound(db, roundId), roundQuestions(db, roundId), programmeNames(db)]);
  if (!round) return null;
  return { round, questions: currentQuestions(questionRows, language), programmes, names: summaryNames(language, programmes), catalogue: catalogueChoices(programmes, language) };
}

/** The lowest value of the interest scale: "none". */
export function interestFloor(questions: readonly RoundQuestion[]): number | null {
  const interest = questions.find((question) => question.key === QUESTION_ROLES.interest);
  return interest?.definition.type === 'scale' ? interest.definition.scale.min : null;
}

/** The knowledge matrix's last column means "have used it". */
function usedColumn(questions: readonly RoundQuestion[]): { key: string; usedColumn: string } | null {
  const knowledge = questions.find((question) => question.key === QUESTION_ROLES.knowledge);
  if (knowledge?.definition.type !== 'matrix') return null;
  const last = knowledge.definition.columns.at(-1);
  return last ? { key: knowledge.key, usedColumn: last.value } : null;
}

export function themeLabeller(language: Language, vocabulary: ThemeVocabulary, areas: AnalysedQuestion | undefined): (theme: Theme) => string {
  const conceptLabels = new Map(vocabulary.concepts.map((compiled) => [compiled.concept.id, compiled.concept.label[language]]));
  const areaLabels = new Map((areas?.choices ?? []).map((choice) => [choice.key, choice.label]));
  return (theme) => (theme.kind === 'area' ? (areaLabels.get(theme.id) ?? theme.id) : theme.kind === 'concept' ? (conceptLabels.get(theme.id) ?? theme.id) : summaryText('otherTheme', language));
}

/**
 * Each question's counted cells, kept per revision of its answers: while a round is being answered, a
 * summary recounts only the questions answered since the last one. The revisions are read before the
 * cells, so a cell can be newer than its revision (and is counted again next time), never older.
 */
export class QuestionCellStore {
  private readonly cells = new TtlCache<unknown[]>({ ttlMs: 30 * 60_000, maxEntries: 5_000 });

  async cellsOf<C extends { questionKey: string }>(kind: string, roundId: string, revisions: ReadonlyMap<string, string>, keys: readonly string[], count: (keys: string[]) => Promise<C[]>): Promise<C[]> {
    const id = (key: string) => `${roundId}|${kind}|${key}|${revisions.get(key) ?? 'none'}`;
    const found = new Map<string, C[]>();
    for (const key of keys) {
      const cells = this.cells.get(id(key)) as C[] | undefined;
      if (cells) found.set(key, cells);
    }
    const stale = keys.filter((key) => !found.has(key));
    if (stale.length > 0) {
      for (const key of stale) found.set(key, []);
      for (const cell of await count(stale)) found.get(cell.questionKey)!.push(cell);
      for (const key of stale) this.cells.set(id(key), found.get(key)!);
    }
    return keys.flatMap((key) => found.get(key)!);
  }
}

/** Free-text answers shown per theme in the live summary; the XLSX export and the PDF report hold them all. */
export const FREE_TEXT_PER_THEME = 25;

const byName = new Intl.Collator('nb').compare;

export async function roundSummary(
  db: Db,
  context: RoundContext,
  vocabulary: ThemeVocabulary,
  language: Language,
  showNames: boolean,
  freeTextPerTheme: number = FREE_TEXT_PER_THEME,
  store: QuestionCellStore = new QuestionCellStore(),
): Promise<SurveySummary> {
  const { round, questions, names } = context;
  const roles = QUESTION_ROLES;
  const analysed = questions.filter(isChoiceQuestion).map((question) => analysedQuestion(question, language, context.catalogue));
  const keysOf = (type: AnalysedQuestion['type']) => analysed.filter((question) => question.type === type).map((question) => question.key);
  const projectKeys = questions.filter((question) => question.type === 'group' && (question.key === roles.earlierProjects || question.key === roles.ongoingProjects)).map((question) => question.key);
  const textKeys = questions.filter((question) => question.type === 'text').map((question) => question.key);
  const otherKeys = questions.filter(allowsOther).map((question) => question.key);
  const floor = interestFloor(questions);
  const knowledge = usedColumn(questions);

  const revisions = await questionRevisions(db, round.id);
  const counted = <C extends { questionKey: string }>(kind: string, keys: readonly string[], count: (keys: string[]) => Promise<C[]>) => store.cellsOf(kind, round.id, revisions, keys, count);
  const [invitees, answered, one, multiple, matrix, projects, benefits, reasons, texts, experienced, interested] = await Promise.all([
    inviteeCells(db, round.id),
    // Respondents of multiple-choice questions; those of the others are the sum of their choices.
    counted('answered', keysOf('multiple'), (keys) => answeredCells(db, round.id, keys)),
    counted('one', [...keysOf('single'), ...keysOf('scale')], (keys) => choiceCells(db, round.id, 'one', keys)),
    counted('multiple', keysOf('multiple'), (keys) => choiceCells(db, round.id, 'multiple', keys)),
    counted('matrix', keysOf('matrix'), (keys) => choiceCells(db, round.id, 'matrix', keys)),
    projectCells(db, round.id, projectKeys, PROJECT_FIELDS),
    benefitCells(db, round.id, projectKeys, PROJECT_FIELDS),
    benefitReasons(db, round.id, projectKeys, PROJECT_FIELDS),
    freeTexts(db, round.id, textKeys, otherKeys),
    champions(db, round.id, { keys: projectKeys, fields: PROJECT_FIELDS }, knowledge),
    floor === null ? Promise.resolve([]) : interestedUnits(db, round.id, { interest: roles.interest, interestMin: floor, areas: roles.cooperationAreas, texts: [] }),
  ]);

  const choices = [...one, ...multiple, ...matrix];
  const areasQuestion = analysed.find((question) => question.key === roles.cooperationAreas);
  const areaLabel = new Map((areasQuestion?.choices ?? []).map((choice) => [choice.key, choice.label]));
  const position = new Map(questions.map((question, index) => [question.key, index]));
  const label = new Map(questions.map((question) => [question.key, question.label]));
  const ordered = [...texts].sort((a, b) => position.get(a.questionKey)! - position.get(b.questionKey)! || byName(a.unit, b.unit) || (a.inviteeId < b.inviteeId ? -1 : 1));
  const freeText: ThemeGroup[] = groupByTheme(
    ordered.map((row) => ({ questionKey: row.questionKey, questionLabel: label.get(row.questionKey) ?? row.questionKey, text: row.text, unit: row.unit })),
    vocabulary,
    themeLabeller(language, vocabulary, areasQuestion),
  ).map((group) => ({ ...group, count: group.answers.length, answers: group.answers.slice(0, freeTextPerTheme) }));

  // The schemes reported on: the knowledge question's rows, then any other programme a project named.
  const knowledgeRows = analysed.find((question) => question.key === roles.knowledge)?.rows.map((row) => row.key) ?? [];
  const named = [...new Set(projects.map((cell) => cell.programme))].filter((id) => id !== OTHER_PROGRAMME && !knowledgeRows.includes(id)).sort();
  const experiencedIds = new Set(experienced.map((unit) => unit.inviteeId));

  return buildSummary({
    round: { id: round.id, title: round.title, status: round.status, closesAt: round.closesAt, minGroupSize: round.minGroupSize },
    language,
    showNames,
    roles,
    questions: analysed,
    programmes: [...knowledgeRows, ...named],
    invitees,
    answered,
    choices,
    projects,
    benefits,
    benefitReasons: reasons,
    freeText,
    champions: experienced,
    interestedWithoutExperience: interested
      .filter((unit) => !experiencedIds.has(unit.inviteeId))
      .map((unit) => ({ ...unit, areas: unit.areas.map((area) => areaLabel.get(area) ?? area) })),
    names,
  });
}
