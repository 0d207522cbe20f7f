/**
 * /kartlegging/ny: a new survey round for an organisation the person coordinates.
 * The pre-study's questionnaire is copied in as the round's questions, to be adjusted on the next page.
 */
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Button, Field, Label, Paragraph, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { sendJson } from '../app/api.js';
import { FormErrorSummary } from '../app/FormErrorSummary.js';
import { currentLanguage } from '../app/i18n.js';
import { PageHeading } from '../app/PageHeading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import type { NavigationNotice } from '../admin/feedback.js';
import { Loading } from '../admin/feedback.js';
import { useAdminNames } from '../admin/names.js';
import { useResource } from '../admin/resource.js';
import { buildTree } from '../admin/tree.js';
import type { ItemList, OrganisationDetails } from '../admin/types.js';
import { newRoundForm, roundBody, type RoundForm } from './round-form.js';
import { RoundFields } from './RoundFields.js';
import { SurveyProblem } from './shared.js';
import { useRoundFormSubmit } from './useRoundFormSubmit.js';
import type { Round } from './types.js';
import '../admin/admin.css';

const ID_PREFIX = 'round-';

/** Organisations where the person may run a survey, in tree order, indented by depth. */
function coordinated(items: readonly OrganisationDetails[], locales: string[]): Array<{ organisation: OrganisationDetails; depth: number }> {
  const result: Array<{ organisation: OrganisationDetails; depth: number }> = [];
  const visit = (node: ReturnType<typeof buildTree>[number], depth: number) => {
    // As the server decides (src/survey/routes.ts): coordinating is managing organisations and editing content.
    if (node.organisation.permissions.includes('manage-organisations') && node.organisation.permissions.includes('edit')) result.push({ organisation: node.organisation, depth });
    for (const child of node.children) visit(child, depth + 1);
  };
  for (const root of buildTree(items, new Intl.Collator(locales))) visit(root, 0);
  return result;
}

function NewRoundForm({ organisations }: { organisations: Array<{ organisation: OrganisationDetails; depth: number }> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form, setForm] = useState<RoundForm>(() => newRoundForm(new Date(), organisations[0]?.organisation.id ?? '', currentLanguage()));
  const { problems, attempt, busy, fieldIds, problem, submitRound } = useRoundFormSubmit(ID_PREFIX);
  const organisationProblem = problem('organisationId');
  const send = async () => {
    const round = await sendJson<Round>('POST', '/api/surveys/rounds', { organisationId: form.organisationId, ...roundBody(form) });
    if (round) navigate(`/kartlegging/${round.id}`, { state: { notice: t('survey.new.created', { title: round.title }) } satisfies NavigationNotice });
  };
  return (
    <form className="admin-form" noValidate onSubmit={(event) => void submitRound(event, form, send)}>
      <FormErrorSummary problems={problems} fieldIds={fieldIds} attempt={attempt} />
      <Field>
        <Label htmlFor={`${ID_PREFIX}organisationId`}>{t('survey.form.organisationId')}</Label>
        <Paragraph data-size="sm" className="admin-lookup">{t('survey.form.organisationHelp')}</Paragraph>
        <Select id={`${ID_PREFIX}organisationId`} value={form.organisationId} onChange={(event) => setForm({ ...form, organisationId: event.target.value })} aria-invalid={organisationProblem ? true : undefined}>
          {organisations.map(({ organisation, depth }) => (
            <Select.Option key={organisation.id} value={organisation.id}>{`${'\u2003'.repeat(depth)}${organisation.name}`}</Select.Option>
          ))}
        </Select>
        {organisationProblem && <ValidationMessage>{organisationProblem}</ValidationMessage>}
      </Field>
      <RoundFields idPrefix={ID_PREFIX} form={form} onChange={setForm} problem={problem} />
      <Paragraph data-size="sm">{t('survey.new.templateNote')}</Paragraph>
      <div className="form-actions">
        <Button type="submit" loading={busy}>{t('survey.new.submit')}</Button>
      </div>
    </form>
  );
}

export default function NewRoundPage() {
  const { t } = useTranslation();
  const names = useAdminNames();
  const { resource } = useResource<ItemList<OrganisationDetails>>('/api/organisations/tree');
  const organisations = useMemo(() => (resource.status === 'ready' ? coordinated(resource.data.items, names.locales) : []), [resource, names.language]);
  useDocumentTitle(t('survey.new.title'));
  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') return <SurveyProblem error={resource.error} />;
  return (
    <div className="survey-page narrow">
      <PageHeading>{t('survey.new.title')}</PageHeading>
      <Paragraph className="lead">{t('survey.new.intro')}</Paragraph>
      {organisations.length === 0 ? <Paragraph>{t('survey.new.noOrganisations')}</Paragraph> : <NewRoundForm organisations={organisations} />}
    </div>
  );
}
