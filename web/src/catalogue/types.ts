/** Shapes of the catalogue API, as the server declares them. */
import type { Static } from '@sinclair/typebox';
import type { ProgrammeDetail, ProgrammeList } from '../../../src/catalogue/routes.js';

export type ProgrammeListResponse = Static<typeof ProgrammeList>;
export type ProgrammeSummary = ProgrammeListResponse['items'][number];
export type ProgrammeDetailResponse = Static<typeof ProgrammeDetail>;
