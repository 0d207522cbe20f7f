/** An organisation's details: a form for those who manage organisations here, a plain list for the rest. */
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading } from '@digdir/designsystemet-react';
import { mayBeChildOf } from '../../../src/organisations/kinds.js';
import { sendJson } from '../app/api.js';
import { useSession } from '../app/session.js';
import { StatusMessage } from '../app/StatusMessage.js';
import { useAdminNames } from './names.js';
import { OrganisationFields, ParentField } from './OrganisationFields.js';
import { TOP_LEVEL, changedValues, formValuesOf } from './rules.js';
import { useAction } from './resource.js';
import { buildTree, placements, subtreeIds } from './tree.js';
import type { OrganisationDetails } from './types.js';

const ID_PREFIX = 'details-';
const FIELDS = ['parentId', 'name', 'orgNumber', 'country', 'writtenStandard', 'themeColour'];

function DetailsList({ organisation, parentName }: { organisation: OrganisationDetails; parentName: string | undefined }) {
  const { t } = useTranslation();
  const names = useAdminNames();
  const country = new Intl.DisplayNames(names.locales, { type: 'region' }).of(organisation.country) ?? organisation.country;
  const rows: Array<[string, ReactNode]> = [
    [t('admin.form.kind'), names.kind(organisation.kind)],
    [t('admin.form.parent'), parentName ?? t('admin.form.topLevel')],
    [t('admin.form.orgNumber'), organisation.orgNumber ?? '—'],
    [t('admin.form.country'), country],
    [t('admin.form.writtenStandard'), t(`admin.writtenStandard.${organisation.writtenStandard}`)],
    [
      t('admin.form.themeColour'),
      <span className="admin-swatch-row">
        <span className="admin-swatch" style={{ background: organisation.themeColour }} aria-hidden="true" />
        {organisation.themeColour}
      </span>,
    ],
  ];
  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div key={term} className="admin-facts-row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function DetailsSection({ organisation, items, onSaved }: { organisation: OrganisationDetails; items: OrganisationDetails[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const names = useAdminNames();
  const { user } = useSession();
  const action = useAction(ID_PREFIX);
  const [saved, setSaved] = useState(() => formValuesOf(organisation));
  const [values, setValues] = useState(saved);
  const choices = useMemo(() => placements(buildTree(items), organisation.kind, subtreeIds(items, organisation.id)), [items, organisation.kind, organisation.id]);
  const parentName = items.find((item) => item.id === organisation.parentId)?.name;

  if (!organisation.permissions.includes('manage-organisations')) {
    return (
      <section aria-labelledby="details-heading" className="admin-section">
        <Heading level={2} data-size="sm" id="details-heading">{t('admin.details.heading')}</Heading>
        <DetailsList organisation={organisation} parentName={parentName} />
      </section>
    );
  }

  const topLevel = (user?.systemAdministrator ?? false) && mayBeChildOf(organisation.kind, null);
  // The present place is always a choice, even where the person may not place organisations.
  const currentIsChoice = organisation.parentId === null ? topLevel : choices.some((c) => c.organisation.id === organisation.parentId);
  const current = currentIsChoice ? undefined : { value: organisation.parentId ?? TOP_LEVEL, label: t('admin.form.currentParent', { name: parentName ?? t('admin.form.topLevel') }) };
  const movable = choices.length + (topLevel ? 1 : 0) + (current ? 1 : 0) > 1;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const changes = changedValues(saved, values);
    if (action.pending) return;
    const ok = await action.run(
      () => (Object.keys(changes).length > 0 ? sendJson('PATCH', `/api/organisations/${organisation.id}`, changes) : Promise.resolve()),
      'parentId' in changes ? t('admin.details.moved', { name: values.name.trim() }) : t('admin.details.saved'),
    );
    if (ok && Object.keys(changes).length > 0) {
      setSaved(values);
      onSaved();
    }
  };

  return (
    <section aria-labelledby="details-heading" className="admin-section">
      <Heading level={2} data-size="sm" id="details-heading">{t('admin.details.heading')}</Heading>
      <form className="admin-form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="admin-kind">
          <strong>{t('admin.form.kind')}:</strong> {names.kind(organisation.kind)}
        </p>
        {movable && (
          <ParentField
            idPrefix={ID_PREFIX}
            label={t('admin.details.parent')}
            value={values.parentId}
            choices={choices}
            topLevel={topLevel}
            current={current}
            fieldError={action.fieldError}
            onChange={(parentId) => setValues({ ...values, parentId })}
          />
        )}
        <OrganisationFields idPrefix={ID_PREFIX} values={values} savedOrgNumber={saved.orgNumber} onChange={(change) => setValues((previous) => ({ ...previous, ...change }))} fieldError={action.fieldError} />
        <StatusMessage className="admin-feedback" done={action.done} error={action.formError(FIELDS)} />
        <div className="form-actions">
          <Button type="submit" loading={action.pending}>{t('admin.details.submit')}</Button>
        </div>
      </form>
    </section>
  );
}
