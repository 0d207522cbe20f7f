/** /admin/organisasjoner/ny?over=<parent id>: create an organisation below one the person manages (or at the top). */
import { useMemo, useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Button, Field, Label, Link, Paragraph, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { ORGANISATION_TYPES, mayBeChildOf, type OrganisationType } from '../../../src/organisations/kinds.js';
import { ApiError, sendJson } from '../app/api.js';
import { PageHeading } from '../app/PageHeading.js';
import { useSession } from '../app/session.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { Loading, ProblemPage, type NavigationNotice } from './feedback.js';
import { StatusMessage } from '../app/StatusMessage.js';
import { useAdminNames } from './names.js';
import { OrganisationFields, ParentField } from './OrganisationFields.js';
import { TOP_LEVEL, type OrganisationFormValues } from './rules.js';
import { useAction, useResource } from './resource.js';
import { buildTree, placements } from './tree.js';
import type { ItemList, OrganisationDetails } from './types.js';
import './admin.css';

const ID_PREFIX = 'new-organisation-';
const FIELDS = ['parentId', 'kind', 'name', 'orgNumber', 'country', 'writtenStandard', 'themeColour'];

export default function NewOrganisationPage() {
  const { t } = useTranslation();
  const names = useAdminNames();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { user } = useSession();
  const { resource } = useResource<ItemList<OrganisationDetails>>('/api/organisations/tree');
  const action = useAction(ID_PREFIX);
  const systemAdministrator = user?.systemAdministrator ?? false;
  useDocumentTitle(t('admin.new.title'));

  const items = resource.status === 'ready' ? resource.data.items : [];
  const choices = useMemo(() => placements(buildTree(items), null), [items]);
  const [values, setValues] = useState<OrganisationFormValues & { kind: OrganisationType | '' }>({
    parentId: params.get('over') ?? '',
    kind: '',
    name: '',
    orgNumber: '',
    country: 'NO',
    writtenStandard: 'nb',
    themeColour: '#0062BA',
  });

  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') return <ProblemPage error={resource.error} />;
  if (choices.length === 0 && !systemAdministrator) return <ProblemPage error={new ApiError(403, '')} />;

  // Until a parent is chosen the form holds the first allowed place; a stale ?over= falls back the same way.
  const parentId = choices.some((c) => c.organisation.id === values.parentId) || (systemAdministrator && values.parentId === TOP_LEVEL) ? values.parentId : (choices[0]?.organisation.id ?? TOP_LEVEL);
  const parentKind = choices.find((c) => c.organisation.id === parentId)?.organisation.kind ?? null;
  const kinds = ORGANISATION_TYPES.filter((kind) => mayBeChildOf(kind, parentKind));
  const kind = values.kind !== '' && kinds.includes(values.kind) ? values.kind : kinds[0]!;
  const change = (patch: Partial<typeof values>) => setValues((previous) => ({ ...previous, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (action.pending) return;
    let created: OrganisationDetails | undefined;
    const ok = await action.run(async () => {
      created = await sendJson<OrganisationDetails>('POST', '/api/organisations', {
        parentId: parentId === TOP_LEVEL ? null : parentId,
        kind,
        name: values.name.trim(),
        ...(values.orgNumber.trim() ? { orgNumber: values.orgNumber.trim() } : {}),
        country: values.country,
        writtenStandard: values.writtenStandard,
        themeColour: values.themeColour,
      });
    }, '');
    if (ok && created) navigate(`/admin/organisasjoner/${created.id}`, { state: { notice: t('admin.new.created', { name: created.name }) } satisfies NavigationNotice });
  };

  const kindError = action.fieldError('kind');
  return (
    <div className="narrow admin-page">
      <nav aria-label={t('admin.breadcrumbs')} className="breadcrumbs">
        <Link asChild>
          <RouterLink to="/admin">{t('admin.title')}</RouterLink>
        </Link>
      </nav>
      <PageHeading>{t('admin.new.title')}</PageHeading>
      <Paragraph>{t('admin.new.intro')}</Paragraph>
      <form className="admin-form" onSubmit={(event) => void submit(event)} noValidate>
        <ParentField
          idPrefix={ID_PREFIX}
          label={t('admin.form.parent')}
          value={parentId}
          choices={choices}
          topLevel={systemAdministrator}
          fieldError={action.fieldError}
          onChange={(next) => change({ parentId: next })}
        />
        <Field>
          <Label htmlFor={`${ID_PREFIX}kind`}>{t('admin.form.kind')}</Label>
          <Field.Description>{t('admin.form.kindHelp')}</Field.Description>
          <Select id={`${ID_PREFIX}kind`} value={kind} onChange={(event) => change({ kind: event.target.value as OrganisationType })}>
            {kinds.map((choice) => (
              <Select.Option key={choice} value={choice}>{names.kind(choice)}</Select.Option>
            ))}
          </Select>
          {kindError && <ValidationMessage>{kindError}</ValidationMessage>}
        </Field>
        <OrganisationFields idPrefix={ID_PREFIX} values={{ ...values, parentId }} onChange={change} fieldError={action.fieldError} />
        <StatusMessage className="admin-feedback" error={action.formError(FIELDS)} />
        <div className="form-actions">
          <Button type="submit" loading={action.pending}>{t('admin.new.submit')}</Button>
          <Button variant="secondary" asChild>
            <RouterLink to="/admin">{t('admin.dialog.cancel')}</RouterLink>
          </Button>
        </div>
      </form>
    </div>
  );
}
