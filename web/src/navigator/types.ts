import type { Static } from '@sinclair/typebox';
import type { MatchResponse } from '../../../src/navigator/routes.js';

export type MatchResult = Static<typeof MatchResponse>['results'][number];
