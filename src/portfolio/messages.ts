/** Server messages of the portfolio capability, in the four product languages. */
import type { MessageTable } from '../platform/i18n/message-table.js';

export const PORTFOLIO_MESSAGES = {} satisfies MessageTable;
