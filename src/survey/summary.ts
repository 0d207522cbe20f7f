/**
 * The summary of a survey round, built from what the database has already aggregated (pure). The
 * database counts per municipality-and-sector cell (each respondent sits in exactly one cell, so cells
 * add up); here they are rolled up to overall, per municipality and per sector, small groups are
 * withheld (`summary-suppression.ts`), and everything is named in the request's language.
 */
import type { Language } from '../reference/codes.js';
import { suppressedGroups } from './summary-suppression.js';
import type { Benefit, Champion, Distribution, GroupCounts, GroupRate, InterestedUnit, QuestionSummary, SchemeSummary, SurveySummary, ThemeGroup } from './summary-schema.js';

/** Where a respondent belongs: the person-level attributes summaries break down by. */
export interface CellKey {
  municipality: string | null;
  sector: string | null;
}

export interface InviteeCell extends CellKey {
  invited: number;
  responded: number;
  submitted: number;
}

/** Respondents of a cell who answered a question. */
export interface AnsweredCell extends CellKey {
  questionKey: string;
  count: number;
}

/** Respondents of a cell who gave `choice` (in matrix row `row`). */
export interface ChoiceCell extends CellKey {
  questionKey: string;
  row: string | null;
  choice: string;
  count: number;
}

/** Units of a cell with at least one project in `programme` in a project question (earlier or ongoing). */
export interface ProjectCell extends CellKey {
  questionKey: string;
  programme: string;
  units: number;
}

export interface BenefitCell {
  programme: string;
  /** 1–5, or null when the project gave no score. */
  score: number | null;
  projects: number;
}

export interface BenefitReason {
  programme: string;
  score: number | null;
  text: string;
  unit: string;
}

/** A choice, scale or matrix question as the summary needs it, in the request's language. */
export interface AnalysedQuestion {
  key: string;
  type: 'single' | 'multiple' | 'scale' | 'matrix';
  label: string;
  choices: Array<{ key: string; label: string }>;
  rows: Array<{ key: string; label: string }>;
}

export interface SummaryUnit extends CellKey {
  inviteeId: string;
  name: string;
}

/** Names in the request's language. */
export interface SummaryNames {
  municipality(code: string | null): string;
  sector(code: string | null): string;
  programme(id: string): string;
}

/** Which question plays which part of the pre-study's questionnaire (template keys). */
export interface QuestionRoles {
  knowledge: string;
  interest: string;
  cooperationAreas: string;
  needs: string;
  earlierProjects: string;
  ongoingProjects: string;
}

export interface SummaryInput {
  round: SurveySummary['round'];
  language: Language;
  showNames: boolean;
  roles: QuestionRoles;
  /** Choice, scale and matrix questions in questionnaire order. */
  questions: AnalysedQuestion[];
  /** Programmes the summary reports on, in the order of the knowledge question's rows (then any other with a project). */
  programmes: string[];
  invitees: InviteeCell[];
  answered: AnsweredCell[];
  choices: ChoiceCell[];
  projects: ProjectCell[];
  benefits: BenefitCell[];
  benefitReasons: BenefitReason[];
  freeText: ThemeGroup[];
  champions: Array<SummaryUnit & { programmes: string[] }>;
  interestedWithoutExperience: Array<SummaryUnit & { interest: number; areas: string[] }>;
  names: SummaryNames;
}

const NO_GROUP = '';
const groupKeyOf = (value: string | null) => value ?? NO_GROUP;
const keyOfGroup = (key: string) => (key === NO_GROUP ? null : key);

type Dimension = 'municipality' | 'sector';

interface Tally {
  size: number;
  counts: Record<string, number>;
}

/** Respondents and choice counts overall and per group of each dimension, summed over the cells. */
export interface Rolled {
  overall: Tally;
  groups: Record<Dimension, Map<string, Tally>>;
}

const emptyRolled = (): Rolled => ({ overall: { size: 0, counts: {} }, groups: { municipality: new Map(), sector: new Map() } });

function tallyOf(groups: Map<string, Tally>, key: string | null): Tally {
  const id = groupKeyOf(key);
  let tally = groups.get(id);
  if (!tally) groups.set(id, (tally = { size: 0, counts: {} }));
  return tally;
}

/** Adds a cell's respondents (`size`) and, when `choice` is given, its count of that choice. */
function addCell(rolled: Rolled, cell: CellKey, size: number, choice: string | null, count: number): void {
  add(rolled.overall, size, choice, count);
  add(tallyOf(rolled.groups.municipality, cell.municipality), size, choice, count);
  add(tallyOf(rolled.groups.sector, cell.sector), size, choice, count);
}

function add(tally: Tally, size: number, choice: string | null, count: number): void {
  tally.size += size;
  if (choice !== null) tally.counts[choice] = (tally.counts[choice] ?? 0) + count;
}

/** Adds up cells: each contributes `size` respondents and `counts` to the overall figure and to its groups. */
export function rollUp(cells: Iterable<CellKey & { size: number; counts: Record<string, number> }>): Rolled {
  const rolled = emptyRolled();
  for (const cell of cells) {
    addCell(rolled, cell, cell.size, null, 0);
    for (const [choice, n] of Object.entries(cell.counts)) addCell(rolled, cell, 0, choice, n);
  }
  return rolled;
}

/** One collator for every comparison: `localeCompare` with a locale builds one per call. */
const collator = new Intl.Collator('nb');
const compareText = collator.compare;

/** Groups in display order: by name, those without a municipality or sector last. */
function orderedGroups<T>(groups: Map<string, T>, nameOf: (key: string | null) => string): Array<[string, T]> {
  return [...groups].sort(([a], [b]) => (a === NO_GROUP ? 1 : 0) - (b === NO_GROUP ? 1 : 0) || compareText(nameOf(keyOfGroup(a)), nameOf(keyOfGroup(b))));
}

function breakdown(groups: Map<string, Tally>, minGroupSize: number, nameOf: (key: string | null) => string): GroupCounts[] {
  const withheld = suppressedGroups(new Map([...groups].map(([key, group]) => [key, group.size])), minGroupSize);
  return orderedGroups(groups, nameOf).map(([key, group]) => {
    const suppressed = withheld.has(key);
    return { key: keyOfGroup(key), name: nameOf(keyOfGroup(key)), size: suppressed ? null : group.size, counts: suppressed ? null : group.counts, suppressed };
  });
}

/** Overall and per-group figures, with small groups withheld. */
function distributionOfRolled(rolled: Rolled, minGroupSize: number, names: SummaryNames): Distribution {
  return {
    overall: rolled.overall,
    byMunicipality: breakdown(rolled.groups.municipality, minGroupSize, names.municipality),
    bySector: breakdown(rolled.groups.sector, minGroupSize, names.sector),
  };
}

export function distributionOf(cells: Iterable<CellKey & { size: number; counts: Record<string, number> }>, minGroupSize: number, names: SummaryNames): Distribution {
  return distributionOfRolled(rollUp(cells), minGroupSize, names);
}

function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * Every question's items rolled up in one pass over the cells. Single-choice and scale questions and
 * matrix rows have one choice per respondent, so their respondents are the sum of the choices; a
 * multiple-choice question's respondents are counted apart (`answered`).
 */
function rollQuestions(questions: readonly AnalysedQuestion[], answered: readonly AnsweredCell[], choices: readonly ChoiceCell[]): Map<string, Rolled> {
  const multiple = new Set(questions.filter((question) => question.type === 'multiple').map((question) => question.key));
  const items = new Map<string, Rolled>();
  const itemOf = (questionKey: string, row: string | null) => {
    const id = row === null ? questionKey : `${questionKey}\u0000${row}`;
    let rolled = items.get(id);
    if (!rolled) items.set(id, (rolled = emptyRolled()));
    return rolled;
  };
  for (const cell of choices) addCell(itemOf(cell.questionKey, cell.row), cell, multiple.has(cell.questionKey) ? 0 : cell.count, cell.choice, cell.count);
  for (const cell of answered) if (multiple.has(cell.questionKey)) addCell(itemOf(cell.questionKey, null), cell, cell.count, null, 0);
  return items;
}

function questionSummary(question: AnalysedQuestion, items: Map<string, Rolled>, input: SummaryInput): QuestionSummary {
  const distribution = (id: string) => distributionOfRolled(items.get(id) ?? emptyRolled(), input.round.minGroupSize, input.names);
  return {
    key: question.key,
    type: question.type,
    label: question.label,
    choices: question.choices,
    items:
      question.type === 'matrix'
        ? question.rows.map((row) => ({ row: row.key, rowLabel: row.label, distribution: distribution(`${question.key}\u0000${row.key}`) }))
        : [{ row: null, rowLabel: null, distribution: distribution(question.key) }],
  };
}

function rateOf(responded: number, invited: number): number {
  return invited === 0 ? 0 : Math.round((responded / invited) * 1000) / 1000;
}

function responseRate(input: SummaryInput): SurveySummary['responseRate'] {
  const cells = input.invitees.map((cell) => ({ ...cell, size: cell.invited, counts: { responded: cell.responded, submitted: cell.submitted } }));
  const rolled = rollUp(cells);
  const rates = (dimension: Dimension, nameOf: (key: string | null) => string): GroupRate[] => {
    const groups = rolled.groups[dimension];
    // Invitees are the group here: a unit's participation is as personal as its answers.
    const withheld = suppressedGroups(new Map([...groups].map(([key, group]) => [key, group.size])), input.round.minGroupSize);
    return orderedGroups(groups, nameOf).map(([key, group]) => {
      const suppressed = withheld.has(key);
      const responded = group.counts.responded ?? 0;
      return suppressed
        ? { key: keyOfGroup(key), name: nameOf(keyOfGroup(key)), invited: null, responded: null, submitted: null, rate: null, suppressed }
        : { key: keyOfGroup(key), name: nameOf(keyOfGroup(key)), invited: group.size, responded, submitted: group.counts.submitted ?? 0, rate: rateOf(responded, group.size), suppressed };
    });
  };
  const responded = rolled.overall.counts.responded ?? 0;
  return {
    overall: { invited: rolled.overall.size, responded, submitted: rolled.overall.counts.submitted ?? 0, rate: rateOf(responded, rolled.overall.size) },
    byMunicipality: rates('municipality', input.names.municipality),
    bySector: rates('sector', input.names.sector),
  };
}

function schemes(input: SummaryInput, knowledge: QuestionSummary | undefined): SchemeSummary[] {
  // Experience counts units among all respondents of a group: a unit that did not list a project had none.
  const projectsByProgramme = groupBy(input.projects, (cell) => cell.programme);
  const knowledgeByRow = new Map((knowledge?.items ?? []).map((item) => [item.row, item.distribution]));
  const experienceKind = (questionKey: string) => (questionKey === input.roles.ongoingProjects ? 'ongoing' : 'earlier');
  return input.programmes.map((programme) => {
    const rolled = emptyRolled();
    for (const cell of input.invitees) addCell(rolled, cell, cell.responded, null, 0);
    for (const cell of projectsByProgramme.get(programme) ?? []) addCell(rolled, cell, 0, experienceKind(cell.questionKey), cell.units);
    for (const kind of ['earlier', 'ongoing']) rolled.overall.counts[kind] ??= 0;
    return { programmeId: programme, programmeName: input.names.programme(programme), knowledge: knowledgeByRow.get(programme) ?? null, experience: distributionOfRolled(rolled, input.round.minGroupSize, input.names) };
  });
}

function benefits(input: SummaryInput): Benefit[] {
  const reasons = groupBy(input.benefitReasons, (reason) => reason.programme);
  return [...groupBy(input.benefits, (cell) => cell.programme)]
    .map(([programme, cells]) => {
      const scores: Record<string, number> = {};
      let projects = 0;
      let scored = 0;
      let total = 0;
      for (const cell of cells) {
        projects += cell.projects;
        if (cell.score === null) continue;
        scores[String(cell.score)] = (scores[String(cell.score)] ?? 0) + cell.projects;
        scored += cell.projects;
        total += cell.score * cell.projects;
      }
      return {
        programmeId: programme,
        programmeName: input.names.programme(programme),
        projects,
        scores,
        mean: scored === 0 ? null : Math.round((total / scored) * 10) / 10,
        reasons: (reasons.get(programme) ?? []).map((reason) => ({ text: reason.text, score: reason.score, unit: input.showNames ? reason.unit : null })),
      };
    })
    .sort((a, b) => b.projects - a.projects || compareText(a.programmeName, b.programmeName));
}

function unitEntry(unit: SummaryUnit, names: SummaryNames) {
  return {
    inviteeId: unit.inviteeId,
    name: unit.name,
    municipalityCode: unit.municipality,
    municipalityName: names.municipality(unit.municipality),
    sector: unit.sector,
    sectorName: names.sector(unit.sector),
  };
}

export function buildSummary(input: SummaryInput): SurveySummary {
  const items = rollQuestions(input.questions, input.answered, input.choices);
  const summaries = input.questions.map((question) => questionSummary(question, items, input));
  const byKey = new Map(summaries.map((summary) => [summary.key, summary]));
  const { roles } = input;
  const featured = new Set([roles.knowledge, roles.interest, roles.cooperationAreas, roles.needs]);
  const interestChoices = input.questions.find((question) => question.key === roles.interest)?.choices ?? [];
  const interestLabel = (value: number) => interestChoices.find((choice) => choice.key === String(value))?.label ?? String(value);
  const byName = <T extends { name: string }>(a: T, b: T) => compareText(a.name, b.name);
  // Units are named to the round's coordinators only; everyone else sees how many there are.
  const champions: Champion[] = input.showNames
    ? input.champions.map((unit) => ({ ...unitEntry(unit, input.names), programmes: unit.programmes.map((id) => ({ id, name: input.names.programme(id) })) })).sort(byName)
    : [];
  const interested: InterestedUnit[] = input.showNames
    ? input.interestedWithoutExperience.map((unit) => ({ ...unitEntry(unit, input.names), interest: unit.interest, interestLabel: interestLabel(unit.interest), areas: unit.areas })).sort(byName)
    : [];
  return {
    round: input.round,
    language: input.language,
    namesShown: input.showNames,
    responseRate: responseRate(input),
    knowledgeLevels: byKey.get(roles.knowledge)?.choices ?? [],
    schemes: schemes(input, byKey.get(roles.knowledge)),
    interest: byKey.get(roles.interest) ?? null,
    cooperationAreas: byKey.get(roles.cooperationAreas) ?? null,
    needs: byKey.get(roles.needs) ?? null,
    otherQuestions: summaries.filter((summary) => !featured.has(summary.key)),
    benefits: benefits(input),
    freeText: input.showNames ? input.freeText : input.freeText.map((group) => ({ ...group, answers: group.answers.map((answer) => ({ ...answer, unit: null })) })),
    champions: { count: input.champions.length, units: champions },
    interestedWithoutExperience: { count: input.interestedWithoutExperience.length, units: interested },
  };
}
