/** Shapes of the portfolio API, as the server declares them (src/portfolio/schemas.ts). */
import type { Static } from '@sinclair/typebox';
import type { Dashboard, InitiativeInput, InitiativePage, TimelineItem } from '../../../src/portfolio/schemas.js';

export type { Initiative, InitiativeInput, InitiativeSummary, DocumentItem } from '../../../src/portfolio/schemas.js';
export type InitiativeList = Static<typeof InitiativePage>;
export type TimelineEntry = Static<typeof TimelineItem>;
export type DashboardFigures = Static<typeof Dashboard>;
export type InitiativeBody = InitiativeInput;

/** The import preview (POST /api/portfolio/imports/preview). */
export interface ImportPreview {
  previewId: string;
  fileName: string;
  total: number;
  valid: number;
  invalid: number;
  rows: { row: number; outcome: 'create' | 'error'; title: string; errors: { column: string; message: string }[] }[];
}

export interface ImportJob {
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  importId: string | null;
  message: string | null;
}

/** A calendar feed as listed (GET /api/portfolio/calendar-feeds); its secret address is shown only once. */
export interface CalendarFeed {
  id: string;
  organisationId: string;
  organisationName: string;
  createdAt: string;
  lastUsedAt: string | null;
}
