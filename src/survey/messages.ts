/** Server messages of the survey capability, in the four product languages. */
import type { MessageTable } from '../platform/i18n/message-table.js';

export const SURVEY_MESSAGES = {} satisfies MessageTable;
