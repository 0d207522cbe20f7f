/** Shapes of the survey API as the web pages use them; the question definitions are the server's own types. */
import type { GroupField, QuestionDefinition, QuestionType } from '../../../src/survey/questions.js';
import type { Language } from '../../../src/reference/codes.js';

export type { GroupField, QuestionDefinition, QuestionType };

/** A question as asked: its stable key, the version answered, where it sits, and what it asks. */
export interface Question {
  key: string;
  version: number;
  position: number;
  section: string;
  type: QuestionType;
  required: boolean;
  definition: QuestionDefinition;
}

export interface StoredAnswer {
  value: unknown;
  questionVersion: number;
  updatedAt: string;
}

/** A programme of the catalogue, for options and matrix rows taken from it: its name per language. */
export interface CatalogueEntry {
  id: string;
  name: Partial<Record<Language, string>>;
}

/** GET /api/survey-responses/:token */
export interface Response {
  round: { title: string; introduction: string; closesAt: string; language: Language };
  respondent: { name: string };
  questions: Question[];
  answers: Record<string, StoredAnswer>;
  submittedAt: string | null;
  /** The catalogue's programmes, for questions whose options or rows come from it. */
  catalogue: CatalogueEntry[];
}

export type RoundStatus = 'draft' | 'open' | 'closed';

export interface Round {
  id: string;
  organisationId: string;
  organisationName: string;
  title: string;
  introduction: string;
  status: RoundStatus;
  opensAt: string | null;
  closesAt: string;
  reminderDays: number[];
  minGroupSize: number;
  retentionUntil: string;
  language: Language;
  version: number;
  invited: number;
  /** Invitees who answered anything. */
  responded: number;
  submitted: number;
  /** Whether the reader may run the round (and see its invitees); others only see it. */
  mayCoordinate: boolean;
}

export interface RoundQuestion extends Question {
  id: string;
  answerCount: number;
}

export interface Invitee {
  id: string;
  organisationId: string | null;
  name: string;
  email: string;
  municipalityCode: string | null;
  municipalityName: string | null;
  sector: string | null;
  lastSentAt: string | null;
  firstAnsweredAt: string | null;
  submittedAt: string | null;
}

/** PATCH …/invitees/:inviteeId: only what changes; null takes the municipality or sector away. */
export interface InviteeChanges {
  name?: string;
  email?: string;
  municipalityCode?: string | null;
  sector?: string | null;
}

/** The corrected invitee, and the new link sent to a new address (when one was due). */
export interface ChangedInvitee extends Invitee {
  delivery: { sent: number; failed: number };
}

/** GET /api/reference/places: the municipalities an invitee may be placed in. */
export interface ReferencePlaces {
  NO: { municipalities: Array<{ code: string; name: string }> };
  SE: { municipalities: Array<{ code: string; name: string }> };
}

export type SkipReason = 'already-invited' | 'no-address' | 'outside-tree' | 'invalid-email';

/** A line of an imported list that was not used: its number, the column at fault, why, and what it held. */
export interface ListProblem {
  line: number;
  column: 'name' | 'email' | 'municipality' | 'sector';
  problem: 'missing-name' | 'invalid-email' | 'unknown-municipality' | 'ambiguous-municipality' | 'unknown-sector' | 'duplicate-email';
  value: string;
}

/** POST …/invitees and …/invitees/import */
export interface AddedInvitees {
  added: number;
  /** `email` is the address, or the organisation id of a unit without one. */
  skipped: Array<{ email: string; reason: SkipReason }>;
  problems: ListProblem[];
  delivery: { sent: number; failed: number };
}

export interface ItemList<T> {
  items: T[];
}

/** A programme the navigator ranks for a unit or a joint candidate, with whom to ask for guidance. */
export interface OpportunityMatch {
  programmeId: string;
  programmeName: string;
  priorityCode: string | null;
  priorityName: string | null;
  score: number;
  verdict: 'eligible' | 'check';
  guidance: Array<{ name: string; role: string; url: string | null }>;
}

export interface UnitOpportunities {
  inviteeId: string;
  name: string;
  municipality: string | null;
  municipalityName: string;
  sector: string | null;
  sectorName: string;
  interest: number;
  interests: string[];
  matches: OpportunityMatch[];
}

export interface JointCandidate {
  key: string;
  sector: string;
  sectorName: string;
  area: string;
  areaLabel: string;
  municipalities: string[];
  municipalityNames: string[];
  units: Array<{ inviteeId: string; name: string; municipality: string }>;
  programmes: OpportunityMatch[];
}

/** GET /api/surveys/rounds/:id/opportunities */
export interface Opportunities {
  total: number;
  offset: number;
  limit: number;
  units: UnitOpportunities[];
  jointCandidates: JointCandidate[];
}
