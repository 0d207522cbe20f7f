/** Names of kinds, audit actions and fields in the reader's language, beside the shared role names and dates. */
import { useTranslation } from 'react-i18next';
import type { OrganisationType } from '../../../src/organisations/kinds.js';
import { useNames, type Names } from '../app/names.js';

export interface AdminNames extends Names {
  kind(kind: OrganisationType): string;
  /** An audit action's name; an action this version does not know is shown as its code. */
  action(action: string): string;
  /** A changed field's name in the audit trail; unknown fields are shown as their key. */
  field(field: string): string;
}

export function useAdminNames(): AdminNames {
  const { t } = useTranslation();
  return {
    ...useNames(),
    kind: (kind) => t(`admin.kind.${kind}`),
    action: (action) => t(`admin.action.${action}`, { defaultValue: action }),
    field: (field) => t(`admin.field.${field}`, { defaultValue: field }),
  };
}
