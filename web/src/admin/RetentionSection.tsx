/** How long the audit trail and inactive accounts are kept, set by administrators of a top-level organisation. */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { RETENTION_LIMITS } from '../../../src/accounts/retention-rules.js';
import { sendJson } from '../app/api.js';
import { Loading } from './feedback.js';
import { StatusMessage } from '../app/StatusMessage.js';
import { useAction, useResource } from './resource.js';
import type { OrganisationDetails, Retention } from './types.js';

const ID_PREFIX = 'retention-';
const FIELDS = ['auditMonths', 'inactiveAccountMonths'] as const;

export function RetentionSection({ organisation }: { organisation: OrganisationDetails }) {
  const { t } = useTranslation();
  const path = `/api/organisations/${organisation.id}/retention`;
  const { resource } = useResource<Retention>(path);
  const action = useAction(ID_PREFIX);
  // Kept as typed (text), so a half-typed or refused number stays in the field.
  const [values, setValues] = useState<Record<(typeof FIELDS)[number], string> | null>(null);
  useEffect(() => {
    if (resource.status === 'ready') setValues((previous) => previous ?? { auditMonths: String(resource.data.auditMonths), inactiveAccountMonths: String(resource.data.inactiveAccountMonths) });
  }, [resource]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!values || action.pending) return;
    await action.run(
      () => sendJson('PUT', path, { auditMonths: Number(values.auditMonths), inactiveAccountMonths: Number(values.inactiveAccountMonths) }),
      t('admin.retention.saved'),
    );
  };

  return (
    <section aria-labelledby="retention-heading" className="admin-section">
      <Heading level={2} data-size="sm" id="retention-heading">{t('admin.retention.heading')}</Heading>
      <Paragraph data-size="sm">{t('admin.retention.intro', { name: organisation.name })}</Paragraph>
      {resource.status === 'loading' && <Loading />}
      {resource.status === 'error' && <StatusMessage className="admin-feedback" error={resource.error.message} />}
      {values && (
        <form className="admin-form" onSubmit={(event) => void submit(event)} noValidate>
          <div className="form-grid">
            {FIELDS.map((field) => (
              <Textfield
                key={field}
                id={ID_PREFIX + field}
                type="number"
                inputMode="numeric"
                min={RETENTION_LIMITS[field].min}
                max={RETENTION_LIMITS[field].max}
                label={t(`admin.retention.${field}`)}
                description={t(`admin.retention.${field}Help`, RETENTION_LIMITS[field])}
                suffix={t('admin.retention.months')}
                value={values[field]}
                onChange={(event) => setValues({ ...values, [field]: event.target.value })}
                error={action.fieldError(field)}
              />
            ))}
          </div>
          <StatusMessage className="admin-feedback" done={action.done} error={action.formError(FIELDS)} />
          <div className="form-actions">
            <Button type="submit" loading={action.pending}>{t('admin.retention.submit')}</Button>
          </div>
        </form>
      )}
    </section>
  );
}
