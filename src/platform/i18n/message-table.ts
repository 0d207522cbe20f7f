/** The shape of server messages: per key, a template in each of the four product languages. */
import type { Language } from '../../reference/codes.js';

export type MessageParams = Record<string, string | number>;
export type MessageTemplate = (p: MessageParams) => string;
export type MessageTable = Record<string, Record<Language, MessageTemplate>>;
