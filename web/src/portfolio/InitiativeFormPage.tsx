import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Checkbox, Field, Fieldset, Heading, Label, Paragraph, Radio, Select, Spinner, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { MUNICIPAL_SECTORS } from '../../../src/reference/codes.js';
import { ApiError, getJson, sendJson } from '../app/api.js';
import { useCodeName } from '../app/code-names.js';
import { useDraft } from '../app/drafts.js';
import { FormErrorSummary } from '../app/FormErrorSummary.js';
import { problemOf, problemsFromError, type FormProblem } from '../app/form-problems.js';
import { currentLanguage } from '../app/i18n.js';
import { withNotice } from '../app/notice.js';
import { PageHeading } from '../app/PageHeading.js';
import { useSession } from '../app/session.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { useResource } from '../admin/resource.js';
import type { ProgrammeDetailResponse } from '../catalogue/types.js';
import { useOrganisations, useProgrammes } from './api.js';
import { indented } from './FilterPanel.js';
import { BenefitsEditor, BudgetEditor, fieldId, PartnersEditor, SdgPicker } from './FormEditors.js';
import { OTHER_PROGRAMME } from './filters.js';
import { emptyForm, FORM_FIELDS, formFromInitiative, formRuleProblems, inputFromForm, sameForm, type InitiativeForm } from './form-state.js';
import type { Initiative } from './types.js';
import { useLeaveWarning } from './useLeaveWarning.js';
import './portfolio.css';

interface Draft {
  form: InitiativeForm;
  /** The version the changes were made to (editing only). */
  version: number | null;
}

const FIELD_IDS = Object.fromEntries(FORM_FIELDS.map((field) => [field, fieldId(field)]));

/** A server error on `partners.2.organisationId` belongs to the partners editor. */
function atFormField(error: unknown): unknown {
  if (error instanceof ApiError && error.field?.includes('.')) return new ApiError(error.status, error.message, error.field.split('.')[0], error.code);
  return error;
}

/** The fields where the saved version and what was typed differ, as text to compare. */
function differences(saved: InitiativeForm, typed: InitiativeForm): { field: string; saved: string; typed: string }[] {
  const a = inputFromForm(saved) as Record<string, unknown>;
  const b = inputFromForm(typed) as Record<string, unknown>;
  const text = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));
  return Object.keys(b)
    .filter((field) => JSON.stringify(a[field]) !== JSON.stringify(b[field]))
    .map((field) => ({ field, saved: text(a[field]), typed: text(b[field]) }));
}

/** Creating (/portefolje/ny) and editing (/portefolje/:id/rediger) an initiative. */
export default function InitiativeFormPage() {
  const { id } = useParams();
  const editing = id !== undefined;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const { user } = useSession();
  const codeName = useCodeName();
  const { choices, loading: organisationsLoading } = useOrganisations();
  const programmes = useProgrammes();
  const { resource } = useResource<Initiative>(editing ? `/api/portfolio/initiatives/${id}` : null);
  const draftKey = `portfolio.initiative.${id ?? 'new'}`;
  const [draft, setDraft, discardDraft] = useDraft<Draft | null>(draftKey, null);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<Initiative | null>(null);
  const [restored] = useState(draft !== null);
  useDocumentTitle(editing ? t('portfolio.form.editTitle') : t('portfolio.form.newTitle'));

  const editable = choices.filter((choice) => choice.mayEdit);
  const initiative = resource.status === 'ready' ? resource.data : undefined;
  // What the form started from: the stored initiative, or an empty one in my (first) organisation.
  const baseline = useMemo(() => {
    if (editing) return initiative ? formFromInitiative(initiative) : null;
    const wanted = search.get('organisation');
    const organisationId = editable.find((c) => c.id === wanted)?.id ?? editable[0]?.id ?? '';
    return { ...emptyForm(organisationId), contactUserId: user?.id ?? null };
  }, [editing, initiative, editable.map((c) => c.id).join(), user?.id]);
  const form = draft?.form ?? baseline;
  const version = draft?.version ?? initiative?.version ?? null;
  const unsaved = form !== null && baseline !== null && !sameForm(form, baseline);
  const leaveWarning = useLeaveWarning({ unsaved: unsaved && !busy, draftKey, discard: discardDraft });

  const programmeId = form && form.programme && form.programme !== OTHER_PROGRAMME ? form.programme : null;
  const { resource: programme } = useResource<ProgrammeDetailResponse>(programmeId ? `/api/programmes/${programmeId}` : null);
  const priorities = programme.status === 'ready' && programme.data.programme.id === programmeId ? programme.data.programme.priorities : [];

  // A restored draft of an edit made to an older version is a conflict waiting to happen: say so now.
  useEffect(() => {
    if (initiative && draft?.version !== null && draft?.version !== undefined && draft.version !== initiative.version) setConflict(initiative);
  }, [initiative?.version]);

  if (editing && resource.status === 'error') return <Alert data-color="danger">{resource.error.message}</Alert>;
  if (!form || (editing && !initiative) || (organisationsLoading && choices.length === 0)) return <Spinner aria-label={t('portfolio.loading')} />;
  if (!editing && editable.length === 0) {
    return (
      <div className="portfolio narrow">
        <PageHeading>{t('portfolio.form.newTitle')}</PageHeading>
        <Alert data-color="info">{t('portfolio.form.noEditableOrganisation')}</Alert>
      </div>
    );
  }

  const change = (partial: Partial<InitiativeForm>) => setDraft({ form: { ...form, ...partial }, version });
  const problem = (field: string) => problemOf(problems, field);
  const ruleMessage = (p: ReturnType<typeof formRuleProblems>[number]) => t(`portfolio.form.problems.${p.key}`, p.params);
  const keepMine = (current: Initiative) => {
    setDraft({ form, version: current.version });
    setConflict(null);
  };
  const takeTheirs = (current: Initiative) => {
    discardDraft();
    setConflict(null);
    setDraft({ form: formFromInitiative(current), version: current.version });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    const found = formRuleProblems(form).map((p) => ({ field: p.field, message: ruleMessage(p) }));
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const body = inputFromForm(form);
      const saved = editing ? await sendJson<Initiative>('PUT', `/api/portfolio/initiatives/${id}`, { ...body, version }) : await sendJson<Initiative>('POST', '/api/portfolio/initiatives', body);
      discardDraft();
      navigate(`/portefolje/${saved!.id}`, withNotice(editing ? 'portfolio.form.saved' : 'portfolio.form.created', { title: saved!.title }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && editing) {
        setProblems([{ message: error.message }]);
        setConflict(await getJson<Initiative>(`/api/portfolio/initiatives/${id}`).catch(() => null));
      } else {
        setProblems(problemsFromError(atFormField(error), FORM_FIELDS, t('session.unreachable')));
      }
    } finally {
      setBusy(false);
    }
  };

  const title = editing ? t('portfolio.form.editTitle') : t('portfolio.form.newTitle');
  const contactChoice = form.contactUserId ? 'user' : 'name';
  const storedContact = initiative?.contactUserId && initiative.contactUserId !== user?.id ? initiative : null;

  return (
    <div className="portfolio">
      <PageHeading>{editing ? `${title}: ${initiative!.title}` : title}</PageHeading>
      {restored && unsaved && (
        <Alert data-color="info" className="portfolio-notice">
          <Paragraph>{t('portfolio.form.draftRestored')}</Paragraph>
          <Button variant="secondary" data-size="sm" onClick={() => discardDraft()}>
            {t('portfolio.form.discardDraft')}
          </Button>
        </Alert>
      )}
      {conflict && (
        <Alert data-color="warning" className="portfolio-notice" role="alert">
          <Heading level={2} data-size="xs">{t('portfolio.form.conflictTitle')}</Heading>
          <Paragraph>{t('portfolio.form.conflictText', { version: conflict.version })}</Paragraph>
          <div className="table-scroll" role="region" aria-labelledby="conflict-caption" tabIndex={0}>
            <Table data-size="sm" zebra>
              <caption id="conflict-caption">{t('portfolio.form.conflictCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('portfolio.form.conflictField')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('portfolio.form.conflictSaved')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('portfolio.form.conflictYours')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {differences(formFromInitiative(conflict), form).map((row) => (
                  <Table.Row key={row.field}>
                    <Table.HeaderCell scope="row">{t(`portfolio.field.${row.field}`)}</Table.HeaderCell>
                    <Table.Cell>{row.saved}</Table.Cell>
                    <Table.Cell>{row.typed}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <div className="form-actions">
            <Button onClick={() => keepMine(conflict)}>{t('portfolio.form.keepMine')}</Button>
            <Button variant="secondary" onClick={() => takeTheirs(conflict)}>{t('portfolio.form.takeTheirs')}</Button>
          </div>
        </Alert>
      )}
      <FormErrorSummary problems={problems} fieldIds={FIELD_IDS} attempt={attempt} />
      <form className="portfolio-form" onSubmit={(event) => void submit(event)} noValidate>
        <Fieldset>
          <Fieldset.Legend>{t('portfolio.form.about')}</Fieldset.Legend>
          <Textfield id={fieldId('title')} label={t('portfolio.field.title')} value={form.title} required error={problem('title')} maxLength={200} onChange={(e) => change({ title: e.target.value })} />
          <Textfield id={fieldId('summary')} label={t('portfolio.field.summary')} multiline rows={4} value={form.summary} error={problem('summary')} onChange={(e) => change({ summary: e.target.value })} />
          <Field>
            <Label htmlFor={fieldId('organisationId')}>{t('portfolio.field.organisationId')}</Label>
            <Field.Description>{t('portfolio.form.organisationHelp')}</Field.Description>
            <Select id={fieldId('organisationId')} value={form.organisationId} aria-invalid={problem('organisationId') ? true : undefined} onChange={(e) => change({ organisationId: e.target.value })}>
              {editable.map((choice) => (
                <Select.Option key={choice.id} value={choice.id}>{indented(choice)}</Select.Option>
              ))}
              {editing && !editable.some((c) => c.id === form.organisationId) && <Select.Option value={form.organisationId}>{initiative!.organisationName}</Select.Option>}
            </Select>
            {problem('organisationId') && <ValidationMessage>{problem('organisationId')}</ValidationMessage>}
          </Field>
          <Fieldset>
            <Fieldset.Legend>{t('portfolio.field.contactName')}</Fieldset.Legend>
            <Radio name="contact" value="me" label={t('portfolio.form.contactMe', { name: user?.name ?? '' })} checked={form.contactUserId !== null && form.contactUserId === user?.id} onChange={() => change({ contactUserId: user?.id ?? null })} />
            {storedContact && (
              <Radio name="contact" value="stored" label={storedContact.contactName ?? t('portfolio.form.contactStored')} checked={form.contactUserId === storedContact.contactUserId} onChange={() => change({ contactUserId: storedContact.contactUserId })} />
            )}
            <Radio name="contact" value="name" label={t('portfolio.form.contactOther')} checked={contactChoice === 'name'} onChange={() => change({ contactUserId: null })} />
            {contactChoice === 'name' && <Textfield id={fieldId('contactName')} label={t('portfolio.form.contactNameLabel')} value={form.contactName} error={problem('contactName')} onChange={(e) => change({ contactName: e.target.value })} />}
          </Fieldset>
          <Checkbox label={t('portfolio.field.private')} description={t('portfolio.form.privateHelp')} checked={form.private} onChange={(e) => change({ private: e.target.checked })} />
        </Fieldset>

        <Fieldset>
          <Fieldset.Legend>{t('portfolio.form.funding')}</Fieldset.Legend>
          <Field>
            <Label htmlFor={fieldId('programmeId')}>{t('portfolio.field.programmeId')}</Label>
            <Select id={fieldId('programmeId')} value={form.programme} aria-invalid={problem('programmeId') ? true : undefined} onChange={(e) => change({ programme: e.target.value, priorityCode: '' })}>
              <Select.Option value="">{t('portfolio.form.noProgramme')}</Select.Option>
              {programmes.map((p) => (
                <Select.Option key={p.id} value={p.id}>{p.name}</Select.Option>
              ))}
              <Select.Option value={OTHER_PROGRAMME}>{t('portfolio.form.otherProgramme')}</Select.Option>
            </Select>
            {problem('programmeId') && <ValidationMessage>{problem('programmeId')}</ValidationMessage>}
          </Field>
          {programmeId && (
            <Field>
              <Label htmlFor={fieldId('priorityCode')}>{t('portfolio.field.priorityCode')}</Label>
              <Select id={fieldId('priorityCode')} value={form.priorityCode} aria-invalid={problem('priorityCode') ? true : undefined} onChange={(e) => change({ priorityCode: e.target.value })}>
                <Select.Option value="">{t('portfolio.form.noPriority')}</Select.Option>
                {priorities.map((p) => (
                  <Select.Option key={p.code} value={p.code}>{`${p.code}. ${p.name[currentLanguage()]}`}</Select.Option>
                ))}
                {form.priorityCode && !priorities.some((p) => p.code === form.priorityCode) && <Select.Option value={form.priorityCode}>{form.priorityCode}</Select.Option>}
              </Select>
              {problem('priorityCode') && <ValidationMessage>{problem('priorityCode')}</ValidationMessage>}
            </Field>
          )}
          {form.programme === OTHER_PROGRAMME && (
            <Textfield id={fieldId('otherProgramme')} label={t('portfolio.field.otherProgramme')} value={form.otherProgramme} error={problem('otherProgramme')} onChange={(e) => change({ otherProgramme: e.target.value })} />
          )}
          <div className="form-grid">
            <Textfield id={fieldId('callReference')} label={t('portfolio.field.callReference')} value={form.callReference} error={problem('callReference')} onChange={(e) => change({ callReference: e.target.value })} />
            <Textfield id={fieldId('deadline')} type="date" label={t('portfolio.field.deadline')} value={form.deadline} error={problem('deadline')} onChange={(e) => change({ deadline: e.target.value })} />
          </div>
        </Fieldset>

        <Fieldset>
          <Fieldset.Legend>{t('portfolio.form.periodAndBudget')}</Fieldset.Legend>
          <div className="form-grid">
            <Textfield id={fieldId('startDate')} type="date" label={t('portfolio.field.startDate')} value={form.startDate} error={problem('startDate')} onChange={(e) => change({ startDate: e.target.value })} />
            <Textfield id={fieldId('endDate')} type="date" label={t('portfolio.field.endDate')} value={form.endDate} error={problem('endDate')} onChange={(e) => change({ endDate: e.target.value })} />
          </div>
          <Fieldset id={fieldId('currency')}>
            <Fieldset.Legend>{t('portfolio.field.currency')}</Fieldset.Legend>
            <div className="score-options">
              {(['NOK', 'EUR'] as const).map((currency) => (
                <Radio key={currency} name="currency" value={currency} label={currency} checked={form.currency === currency} onChange={() => change({ currency })} />
              ))}
            </div>
          </Fieldset>
          <div className="form-grid">
            <Textfield id={fieldId('budgetAmount')} label={t('portfolio.field.budgetAmount')} description={t('portfolio.form.amountHelp')} suffix={form.currency} inputMode="decimal" value={form.budgetAmount} error={problem('budgetAmount')} onChange={(e) => change({ budgetAmount: e.target.value })} />
            {form.currency === 'EUR' && (
              <>
                <Textfield id={fieldId('nokRate')} label={t('portfolio.field.nokRate')} description={t('portfolio.form.rateHelp')} inputMode="decimal" value={form.nokRate} error={problem('nokRate')} onChange={(e) => change({ nokRate: e.target.value })} />
                <Textfield id={fieldId('nokRateDate')} type="date" label={t('portfolio.field.nokRateDate')} value={form.nokRateDate} error={problem('nokRateDate')} onChange={(e) => change({ nokRateDate: e.target.value })} />
              </>
            )}
          </div>
          <BudgetEditor form={form} error={problem('budgetLines')} onChange={change} />
          <div className="form-grid">
            <Textfield id={fieldId('hoursApplication')} label={t('portfolio.field.hoursApplication')} inputMode="decimal" value={form.hoursApplication} error={problem('hoursApplication')} onChange={(e) => change({ hoursApplication: e.target.value })} />
            <Textfield id={fieldId('hoursProject')} label={t('portfolio.field.hoursProject')} inputMode="decimal" value={form.hoursProject} error={problem('hoursProject')} onChange={(e) => change({ hoursProject: e.target.value })} />
          </div>
        </Fieldset>

        <Fieldset>
          <Fieldset.Legend>{t('portfolio.form.partnersAndTopics')}</Fieldset.Legend>
          <PartnersEditor partners={form.partners} organisations={choices} error={problem('partners')} onChange={change} />
          <Fieldset id={fieldId('sectors')} tabIndex={-1}>
            <Fieldset.Legend>{t('portfolio.field.sectors')}</Fieldset.Legend>
            <div className="sdg-goals">
              {MUNICIPAL_SECTORS.map((sector) => (
                <Checkbox key={sector} data-size="sm" value={sector} label={codeName('municipalSector', sector)} checked={form.sectors.includes(sector)} onChange={(e) => change({ sectors: e.target.checked ? [...form.sectors, sector] : form.sectors.filter((s) => s !== sector) })} />
              ))}
            </div>
            {problem('sectors') && <ValidationMessage>{problem('sectors')}</ValidationMessage>}
          </Fieldset>
          <SdgPicker goals={form.sdgGoals} targets={form.sdgTargets} error={problem('sdgGoals') ?? problem('sdgTargets')} onChange={change} />
        </Fieldset>

        <Fieldset>
          <Fieldset.Legend>{t('portfolio.form.results')}</Fieldset.Legend>
          <BenefitsEditor benefits={form.benefits} error={problem('benefits')} onChange={change} />
          <Textfield id={fieldId('notes')} label={t('portfolio.field.notes')} multiline rows={4} value={form.notes} error={problem('notes')} onChange={(e) => change({ notes: e.target.value })} />
        </Fieldset>

        <div className="portfolio-form-actions">
          <Button type="submit" loading={busy} aria-disabled={busy || undefined}>
            {editing ? t('portfolio.form.save') : t('portfolio.form.create')}
          </Button>
          <Button variant="secondary" onClick={() => leaveWarning.cancel(editing ? `/portefolje/${id}` : '/portefolje')}>
            {t('portfolio.form.cancel')}
          </Button>
          <span role="status" className="portfolio-draft-status">
            {unsaved ? t('portfolio.form.draftKept') : ''}
          </span>
        </div>
      </form>
      {leaveWarning.dialog}
    </div>
  );
}
