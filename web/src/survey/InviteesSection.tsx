/**
 * Who is invited to the round: units picked from the organisation tree (with their municipality and
 * sector, which the summary groups by), or a pasted or uploaded list of names and e-mail addresses.
 * The list shows who has answered; an invitee can be corrected (the answers stay), a link sent again (the
 * old one stops working) or withdrawn.
 */
import { useEffect, useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Checkbox, Field, Heading, Label, List, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { MUNICIPAL_SECTORS } from '../../../src/reference/codes.js';
import { ApiError, sendJson } from '../app/api.js';
import { useCodeName } from '../app/code-names.js';
import { currentLanguage } from '../app/i18n.js';
import { useNames } from '../app/names.js';
import { useSession } from '../app/session.js';
import { StatusMessage } from '../app/StatusMessage.js';
import { ConfirmDialog } from '../admin/ConfirmDialog.js';
import { DangerRowButton, ListResource, useConfirmedAction } from '../admin/confirmed-action.js';
import { useAnnouncement } from '../admin/feedback.js';
import { asApiError, useAction, useResource } from '../admin/resource.js';
import { TableRegion } from '../admin/TableRegion.js';
import { matchesSearch } from '../admin/tree.js';
import type { OrganisationDetails } from '../admin/types.js';
import { InviteeEditDialog } from './InviteeEditDialog.js';
import { invitationBody, inviteeState, looksLikeEmail, problemsByLine, unitsBelow, type InviteeState } from './invitee-rules.js';
import type { AddedInvitees, Invitee, ItemList, ListProblem, Round } from './types.js';

const STATE_COLOURS: Record<InviteeState, 'neutral' | 'warning' | 'info' | 'success'> = { 'not-sent': 'neutral', waiting: 'warning', answering: 'info', submitted: 'success' };

/**
 * What an addition did, in words: how many were added, and why any were skipped. A unit skipped for want
 * of an address is named by `unitName` (the server gives its id).
 */
function useAddedMessage() {
  const { t } = useTranslation();
  return (result: AddedInvitees, unitName: (id: string) => string | undefined = () => undefined) => {
    const added = t('survey.invitees.added', { count: result.added });
    const skipped = result.skipped.map((skip) => t(`survey.invitees.skip.${skip.reason}`, { who: unitName(skip.email) ?? skip.email }));
    return [added, ...skipped].join(' ');
  };
}

function UnitPicker({ round, onAdded }: { round: Round; onAdded: (message: string) => void }) {
  const { t } = useTranslation();
  const names = useNames();
  const addedMessage = useAddedMessage();
  const tree = useResource<ItemList<OrganisationDetails>>('/api/organisations/tree');
  const units = useMemo(
    () => (tree.resource.status === 'ready' ? unitsBelow(tree.resource.data.items, round.organisationId, new Intl.Collator(names.locales)) : []),
    [tree.resource, round.organisationId, names.language],
  );
  const [search, setSearch] = useState('');
  /** Picked units by id, with the address typed for each ('' for the unit's member). */
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [checked, setChecked] = useState(false);
  const action = useAction();
  const shown = units.filter((unit) => picked[unit.organisation.id] !== undefined || matchesSearch(unit.organisation, search));
  const pickedIds = Object.keys(picked);
  const badEmail = (id: string) => checked && (picked[id] ?? '').trim() !== '' && !looksLikeEmail(picked[id]!);

  const toggle = (id: string, on: boolean) =>
    setPicked((previous) => {
      const next = { ...previous };
      if (on) next[id] = '';
      else delete next[id];
      return next;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (action.pending || pickedIds.length === 0) return;
    setChecked(true);
    const invalid = pickedIds.find((id) => picked[id]!.trim() !== '' && !looksLikeEmail(picked[id]!));
    if (invalid) {
      document.getElementById(`pick-email-${invalid}`)?.focus();
      return;
    }
    const chosen = units.filter((unit) => picked[unit.organisation.id] !== undefined).map(({ organisation }) => ({ organisation, email: picked[organisation.id]! }));
    let result: AddedInvitees | undefined;
    if (await action.run(async () => (result = await sendJson<AddedInvitees>('POST', `/api/surveys/rounds/${round.id}/invitees`, invitationBody(chosen))), '')) {
      setPicked({});
      setChecked(false);
      onAdded(addedMessage(result!, (id) => units.find((unit) => unit.organisation.id === id)?.organisation.name));
    }
  };

  if (tree.resource.status === 'loading') return null;
  if (tree.resource.status === 'error') return <StatusMessage className="admin-feedback" error={tree.resource.error.message} />;
  return (
    <form className="admin-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="pick-heading">
      <Heading level={3} data-size="xs" id="pick-heading">{t('survey.invitees.pickHeading')}</Heading>
      <Paragraph data-size="sm">{t('survey.invitees.pickIntro')}</Paragraph>
      {units.length === 0 ? (
        <Paragraph>{t('survey.invitees.noUnits')}</Paragraph>
      ) : (
        <>
          <Textfield type="search" label={t('survey.invitees.filter')} value={search} autoComplete="off" onChange={(event) => setSearch(event.target.value)} />
          <div className="survey-unit-picker" role="group" aria-labelledby="pick-heading" tabIndex={0}>
            {shown.map(({ organisation, municipality, depth }) => {
              const email = picked[organisation.id];
              return (
                <div key={organisation.id} className="survey-unit-row" style={{ paddingInlineStart: `${depth}rem` }}>
                  <Checkbox
                    label={organisation.name}
                    description={municipality && municipality.id !== organisation.id ? municipality.name : undefined}
                    checked={email !== undefined}
                    onChange={(event) => toggle(organisation.id, event.target.checked)}
                  />
                  {email !== undefined && (
                    <Textfield
                      id={`pick-email-${organisation.id}`}
                      data-size="sm"
                      type="email"
                      autoComplete="off"
                      label={t('survey.invitees.emailFor', { name: organisation.name })}
                      description={t('survey.invitees.emailOptional')}
                      value={email}
                      onChange={(event) => setPicked((previous) => ({ ...previous, [organisation.id]: event.target.value }))}
                      error={badEmail(organisation.id) ? t('survey.invitees.emailInvalid') : undefined}
                    />
                  )}
                </div>
              );
            })}
          </div>
          <StatusMessage className="admin-feedback" error={action.error?.message} />
          <div className="form-actions">
            <Button type="submit" loading={action.pending} aria-disabled={pickedIds.length === 0 || undefined}>
              {t('survey.invitees.invitePicked', { count: pickedIds.length })}
            </Button>
          </div>
        </>
      )}
    </form>
  );
}

/** POSTs a CSV text as it is, in the reader's language (the server reads the lines and says which it could not use). */
async function postCsv<T>(path: string, text: string, csrfToken: string | null): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'text/csv; charset=utf-8', accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(`${path}?lang=${currentLanguage()}`, { method: 'POST', headers, body: text });
  const body = (await response.json().catch(() => ({}))) as T & { message?: string; field?: string; error?: string };
  if (!response.ok) throw new ApiError(response.status, body.message ?? response.statusText, body.field, body.error);
  return body;
}

/** One problem of a list line in words: the column, what it held, and what to do. */
function useListProblemText() {
  const { t } = useTranslation();
  const codeName = useCodeName();
  return (problem: ListProblem) =>
    problem.problem === 'invalid-email' && problem.value === ''
      ? t('survey.invitees.listProblem.missing-email')
      : t(`survey.invitees.listProblem.${problem.problem}`, { value: problem.value, sectors: MUNICIPAL_SECTORS.map((sector) => codeName('municipalSector', sector)).join(', ') });
}

function ListImport({ round, onAdded }: { round: Round; onAdded: (message: string) => void }) {
  const { t } = useTranslation();
  const { csrfToken } = useSession();
  const addedMessage = useAddedMessage();
  const problemText = useListProblemText();
  const [text, setText] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<ListProblem[]>([]);
  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    if (text.trim() === '') {
      setError(t('survey.invitees.importEmpty'));
      document.getElementById('import-text')?.focus();
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await postCsv<AddedInvitees>(`/api/surveys/rounds/${round.id}/invitees/import`, text, csrfToken);
      setProblems(result.problems);
      if (result.problems.length === 0) setText('');
      onAdded(addedMessage(result));
    } catch (caught) {
      const failure = asApiError(caught);
      setError(failure.status === 0 ? t('session.unreachable') : failure.message);
    } finally {
      setPending(false);
    }
  };
  return (
    <form className="admin-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="import-heading">
      <Heading level={3} data-size="xs" id="import-heading">{t('survey.invitees.importHeading')}</Heading>
      <Paragraph data-size="sm">{t('survey.invitees.importIntro')}</Paragraph>
      <Field>
        <Label htmlFor="import-file">{t('survey.invitees.importFile')}</Label>
        <input id="import-file" type="file" accept=".csv,text/csv,text/plain" onChange={(event) => void readFile(event)} />
      </Field>
      <Textfield id="import-text" label={t('survey.invitees.importText')} description={t('survey.invitees.importFormat')} multiline rows={5} value={text} onChange={(event) => setText(event.target.value)} />
      {error && (
        <Alert data-color="danger" data-size="sm" role="alert">
          {error}
        </Alert>
      )}
      {problems.length > 0 && (
        <Alert data-color="warning" data-size="sm" className="survey-list-problems">
          <Heading level={4} data-size="2xs">{t('survey.invitees.rowProblems', { count: problemsByLine(problems).length })}</Heading>
          <List.Unordered>
            {problemsByLine(problems).map(({ line, problems: found }) => (
              <List.Item key={line}>{t('survey.invitees.rowProblem', { line, message: found.map(problemText).join(' ') })}</List.Item>
            ))}
          </List.Unordered>
          <Paragraph data-size="sm">{t('survey.invitees.rowProblemsNext')}</Paragraph>
        </Alert>
      )}
      <div className="form-actions">
        <Button type="submit" loading={pending}>{t('survey.invitees.import')}</Button>
      </div>
    </form>
  );
}

export function InviteesSection({ round }: { round: Round }) {
  const { t } = useTranslation();
  const names = useNames();
  const codeName = useCodeName();
  const { resource, reload } = useResource<ItemList<Invitee>>(`/api/surveys/rounds/${round.id}/invitees`);
  const [notice, announce] = useAnnouncement();
  const resending = useAction();
  const removal = useConfirmedAction<Invitee>(
    (invitee) => sendJson('DELETE', `/api/surveys/rounds/${round.id}/invitees/${invitee.id}`),
    (invitee) => {
      announce(t('survey.invitees.removed', { name: invitee.name }));
      reload();
    },
  );
  const resend = async (invitee: Invitee) => {
    if (resending.pending) return;
    if (await resending.run(() => sendJson('POST', `/api/surveys/rounds/${round.id}/invitees/${invitee.id}/resend`), '')) {
      announce(t('survey.invitees.resent', { email: invitee.email }));
      reload();
    }
  };
  /** After a change to the list: say what happened, and show the list as it is now. */
  const reloadWith = (message: string) => {
    announce(message);
    reload();
  };
  const [editing, setEditing] = useState<Invitee | null>(null);
  /** The row's Edit button that opened the dialog: it has focus again once the dialog is gone. */
  const [returnFocusTo, setReturnFocusTo] = useState<string | null>(null);
  useEffect(() => {
    if (returnFocusTo === null) return;
    document.getElementById(returnFocusTo)?.focus();
    setReturnFocusTo(null);
  }, [returnFocusTo]);
  const editButtonId = (invitee: Invitee) => `edit-invitee-${invitee.id}`;
  const closeEditing = () => {
    if (editing) setReturnFocusTo(editButtonId(editing));
    setEditing(null);
  };
  const edited = (message: string) => {
    closeEditing();
    reloadWith(message);
  };
  const mayChange = round.status !== 'closed';
  return (
    <section aria-labelledby="invitees-heading" className="admin-section">
      <Heading level={2} data-size="sm" id="invitees-heading" ref={removal.heading} tabIndex={-1}>{t('survey.invitees.heading')}</Heading>
      <Paragraph data-size="sm">{t(round.status === 'draft' ? 'survey.invitees.introDraft' : 'survey.invitees.introOpen')}</Paragraph>
      {mayChange && <UnitPicker round={round} onAdded={reloadWith} />}
      {mayChange && <ListImport round={round} onAdded={reloadWith} />}
      <StatusMessage className="admin-feedback" done={notice} error={resending.error?.message} />
      <Heading level={3} data-size="xs" id="invitees-caption">{t('survey.invitees.listHeading')}</Heading>
      <ListResource resource={resource} none={t('survey.invitees.none')}>
        {(invitees) => (
          <TableRegion labelledBy="invitees-caption">
            <Table className="admin-table" aria-labelledby="invitees-caption">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('survey.invitees.name')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('survey.invitees.email')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('survey.invitees.municipality')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('survey.invitees.sector')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('survey.invitees.state')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('survey.invitees.lastSent')}</Table.HeaderCell>
                  <Table.HeaderCell><span className="sr-only">{t('survey.invitees.actions')}</span></Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {invitees.map((invitee) => {
                  const state = inviteeState(invitee);
                  return (
                    <Table.Row key={invitee.id}>
                      <Table.Cell className="admin-table__wrap">{invitee.name}</Table.Cell>
                      <Table.Cell>{invitee.email}</Table.Cell>
                      <Table.Cell>{invitee.municipalityName ?? invitee.municipalityCode ?? '—'}</Table.Cell>
                      <Table.Cell>{invitee.sector ? codeName('municipalSector', invitee.sector) : '—'}</Table.Cell>
                      <Table.Cell>
                        <Tag data-size="sm" data-color={STATE_COLOURS[state]}>{t(`survey.invitees.stateName.${state}`)}</Tag>
                      </Table.Cell>
                      <Table.Cell>{invitee.lastSentAt ? names.dateTime(invitee.lastSentAt) : '—'}</Table.Cell>
                      <Table.Cell>
                        <div className="admin-row-actions">
                          {mayChange && (
                            <Button id={editButtonId(invitee)} variant="tertiary" data-size="sm" aria-label={t('survey.invitees.editNamed', { name: invitee.name })} onClick={() => setEditing(invitee)}>
                              {t('survey.invitees.edit')}
                            </Button>
                          )}
                          {round.status === 'open' && (
                            <Button variant="tertiary" data-size="sm" aria-label={t('survey.invitees.resendTo', { name: invitee.name })} onClick={() => void resend(invitee)}>
                              {t('survey.invitees.resend')}
                            </Button>
                          )}
                          {mayChange && (
                            <DangerRowButton label={t('survey.invitees.removeNamed', { name: invitee.name })} onClick={() => removal.ask(invitee)}>
                              {t('survey.invitees.remove')}
                            </DangerRowButton>
                          )}
                        </div>
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </TableRegion>
        )}
      </ListResource>
      <InviteeEditDialog round={round} invitee={editing} onClose={closeEditing} onSaved={edited} />
      <ConfirmDialog {...removal.dialog} heading={t('survey.invitees.removeHeading', { name: removal.target?.name ?? '' })} confirmLabel={t('survey.invitees.remove')}>
        {t('survey.invitees.removeText')}
      </ConfirmDialog>
    </section>
  );
}
