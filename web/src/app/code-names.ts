/** Names of code-list values (sectors, applicant types, …) in the reader's language. */
import { useTranslation } from 'react-i18next';
import { CODE_NAMES } from '../../../src/reference/code-names.js';
import { currentLanguage } from './i18n.js';

export type CodeList = keyof typeof CODE_NAMES;

export function codeName(list: CodeList, code: string, language = currentLanguage()): string {
  const names = (CODE_NAMES[list] as Record<string, Record<string, string>>)[code];
  return names?.[language] ?? code;
}

/** Re-renders with the language, like `t`. */
export function useCodeName(): (list: CodeList, code: string) => string {
  const { i18n } = useTranslation();
  return (list, code) => codeName(list, code, i18n.language as ReturnType<typeof currentLanguage>);
}
