/** Invite someone by e-mail with a role, and follow the invitations: status, send again, withdraw. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Field, Heading, Label, Select, Table, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { LANGUAGES, type Language } from '../../../src/reference/codes.js';
import type { Role } from '../../../src/organisations/roles.js';
import { sendJson } from '../app/api.js';
import { LANGUAGE_NAMES } from '../app/i18n.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { DangerRowButton, ListResource, useConfirmedAction } from './confirmed-action.js';
import { useAnnouncement } from './feedback.js';
import { StatusMessage } from '../app/StatusMessage.js';
import { useAdminNames } from './names.js';
import { useAction, useResource } from './resource.js';
import { assignableRoles } from './rules.js';
import { TableRegion } from './TableRegion.js';
import type { Invitation, InvitationStatus, ItemList, OrganisationDetails } from './types.js';

const ID_PREFIX = 'invite-';
const FIELDS = ['email', 'role', 'language'];

/** The status is written out; the colour only repeats it. */
const STATUS_COLOURS: Record<InvitationStatus, 'warning' | 'success' | 'neutral' | 'danger'> = {
  pending: 'warning',
  accepted: 'success',
  expired: 'neutral',
  revoked: 'danger',
};

function InviteForm({ organisation, onInvited }: { organisation: OrganisationDetails; onInvited: (message: string) => void }) {
  const { t } = useTranslation();
  const names = useAdminNames();
  const action = useAction(ID_PREFIX);
  const roles = assignableRoles(organisation.permissions);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('reader');
  // The e-mail is written in the organisation's own written standard unless the inviter chooses otherwise.
  const [language, setLanguage] = useState<Language>(organisation.writtenStandard);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (action.pending) return;
    const ok = await action.run(() => sendJson('POST', `/api/organisations/${organisation.id}/invitations`, { email: email.trim(), role, language }), '');
    if (ok) {
      onInvited(t('admin.invitations.sent', { email: email.trim(), role: names.role(role) }));
      setEmail('');
    }
  };
  const languageError = action.fieldError('language');
  const roleError = action.fieldError('role');
  return (
    <form className="admin-form admin-invite" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="invite-heading">
      <Heading level={3} data-size="xs" id="invite-heading">{t('admin.invitations.formHeading')}</Heading>
      <div className="form-grid">
        <Textfield
          id={`${ID_PREFIX}email`}
          type="email"
          label={t('admin.invitations.email')}
          autoComplete="off"
          value={email}
          required
          onChange={(event) => setEmail(event.target.value)}
          error={action.fieldError('email')}
        />
        <Field>
          <Label htmlFor={`${ID_PREFIX}role`}>{t('admin.invitations.role')}</Label>
          <Select id={`${ID_PREFIX}role`} value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {roles.map((choice) => (
              <Select.Option key={choice} value={choice}>{names.role(choice)}</Select.Option>
            ))}
          </Select>
          {roleError && <ValidationMessage>{roleError}</ValidationMessage>}
        </Field>
        <Field>
          <Label htmlFor={`${ID_PREFIX}language`}>{t('admin.invitations.language')}</Label>
          <Select id={`${ID_PREFIX}language`} value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
            {LANGUAGES.map((choice) => (
              <Select.Option key={choice} value={choice} lang={choice}>{LANGUAGE_NAMES[choice]}</Select.Option>
            ))}
          </Select>
          {languageError && <ValidationMessage>{languageError}</ValidationMessage>}
        </Field>
      </div>
      <StatusMessage className="admin-feedback" error={action.formError(FIELDS)} />
      <div className="form-actions">
        <Button type="submit" loading={action.pending}>{t('admin.invitations.submit')}</Button>
      </div>
    </form>
  );
}

export function InvitationsSection({ organisation }: { organisation: OrganisationDetails }) {
  const { t } = useTranslation();
  const names = useAdminNames();
  const { resource, reload } = useResource<ItemList<Invitation>>(`/api/organisations/${organisation.id}/invitations`);
  const [notice, announce] = useAnnouncement();
  const resending = useAction();
  // The withdraw button is gone with the pending status: focus waits at the heading, by the confirmation.
  const revocation = useConfirmedAction<Invitation>(
    (invitation) => sendJson('DELETE', `/api/invitations/${invitation.id}`),
    (invitation) => {
      announce(t('admin.invitations.revoked', { email: invitation.email }));
      reload();
    },
  );

  const resend = async (invitation: Invitation) => {
    if (resending.pending) return;
    if (await resending.run(() => sendJson('POST', `/api/invitations/${invitation.id}/resend`), '')) {
      announce(t('admin.invitations.resent', { email: invitation.email }));
      reload();
    }
  };

  return (
    <section aria-labelledby="invitations-heading" className="admin-section">
      <Heading level={2} data-size="sm" id="invitations-heading" ref={revocation.heading} tabIndex={-1}>{t('admin.invitations.heading')}</Heading>
      <InviteForm organisation={organisation} onInvited={(message) => {
        announce(message);
        reload();
      }} />
      <StatusMessage className="admin-feedback" done={notice} error={resending.error?.message} />
      <Heading level={3} data-size="xs" id="invitations-caption">{t('admin.invitations.listHeading')}</Heading>
      <ListResource resource={resource} none={t('admin.invitations.none')}>
        {(invitations) => (
          <TableRegion labelledBy="invitations-caption">
            <Table className="admin-table" aria-labelledby="invitations-caption">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('admin.invitations.email')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('admin.invitations.role')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('admin.invitations.status')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('admin.invitations.sentAt')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('admin.invitations.expiresAt')}</Table.HeaderCell>
                  <Table.HeaderCell><span className="sr-only">{t('admin.actions')}</span></Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {invitations.map((invitation) => (
                  <Table.Row key={invitation.id}>
                    <Table.Cell>{invitation.email}</Table.Cell>
                    <Table.Cell>{names.role(invitation.role)}</Table.Cell>
                    <Table.Cell>
                      <Tag data-color={STATUS_COLOURS[invitation.status]} data-size="sm">{t(`admin.invitations.statusName.${invitation.status}`)}</Tag>
                    </Table.Cell>
                    <Table.Cell>{names.dateTime(invitation.createdAt)}</Table.Cell>
                    <Table.Cell>{invitation.acceptedAt ? t('admin.invitations.acceptedOn', { date: names.dateTime(invitation.acceptedAt) }) : names.dateTime(invitation.expiresAt)}</Table.Cell>
                    <Table.Cell>
                      <div className="admin-row-actions">
                        {(invitation.status === 'pending' || invitation.status === 'expired') && (
                          <Button variant="tertiary" data-size="sm" aria-label={t('admin.invitations.resendTo', { email: invitation.email })} onClick={() => void resend(invitation)}>
                            {t('admin.invitations.resend')}
                          </Button>
                        )}
                        {invitation.status === 'pending' && (
                          <DangerRowButton label={t('admin.invitations.revokeFor', { email: invitation.email })} onClick={() => revocation.ask(invitation)}>
                            {t('admin.invitations.revoke')}
                          </DangerRowButton>
                        )}
                      </div>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableRegion>
        )}
      </ListResource>
      <ConfirmDialog
        {...revocation.dialog}
        heading={t('admin.invitations.revokeHeading', { email: revocation.target?.email ?? '' })}
        confirmLabel={t('admin.invitations.revoke')}
      >
        {t('admin.invitations.revokeText')}
      </ConfirmDialog>
    </section>
  );
}
