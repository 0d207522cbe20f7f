/** The people with a role directly in the organisation: change a role, remove someone (after asking). */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Field, Heading, Label, Paragraph, Select, Table, ValidationMessage } from '@digdir/designsystemet-react';
import type { Role } from '../../../src/organisations/roles.js';
import { sendJson } from '../app/api.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { DangerRowButton, ListResource, useConfirmedAction } from './confirmed-action.js';
import { useAnnouncement } from './feedback.js';
import { StatusMessage } from '../app/StatusMessage.js';
import { useAdminNames } from './names.js';
import { useAction, useResource } from './resource.js';
import { assignableRoles } from './rules.js';
import { TableRegion } from './TableRegion.js';
import type { ItemList, Member, OrganisationDetails } from './types.js';

function RoleCell({ organisation, member, onChanged }: { organisation: OrganisationDetails; member: Member; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const names = useAdminNames();
  const action = useAction();
  const [chosen, setChosen] = useState<Role>(member.role);
  const select = useRef<HTMLSelectElement>(null);
  useEffect(() => setChosen(member.role), [member.role]);
  const id = `member-role-${member.userId}`;
  // Taking the administrator role away is as strong as giving it.
  const mayChange = organisation.permissions.includes('manage-members') && (member.role !== 'administrator' || organisation.permissions.includes('administer'));
  if (!mayChange) return <>{names.role(member.role)}</>;
  // Saved with a button, not on change: arrowing through a closed list must not hand out every role on the way.
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (action.pending || chosen === member.role) return;
    const ok = await action.run(() => sendJson('PUT', `/api/organisations/${organisation.id}/members/${member.userId}`, { role: chosen }), '');
    if (ok) onChanged(t('admin.members.roleChanged', { name: member.name, role: names.role(chosen) }));
    select.current?.focus();
  };
  const error = action.error?.message;
  return (
    <form className="admin-role-form" onSubmit={(event) => void save(event)}>
      <Field data-size="sm">
        <Label htmlFor={id} className="sr-only">{t('admin.members.roleFor', { name: member.name })}</Label>
        <Select
          id={id}
          ref={select}
          value={chosen}
          onChange={(event) => {
            action.reset();
            setChosen(event.target.value as Role);
          }}
          aria-invalid={error ? true : undefined}
        >
          {assignableRoles(organisation.permissions, member.role).map((role) => (
            <Select.Option key={role} value={role}>{names.role(role)}</Select.Option>
          ))}
        </Select>
        {error && <ValidationMessage>{error}</ValidationMessage>}
      </Field>
      {chosen !== member.role && (
        <Button type="submit" data-size="sm" variant="secondary" loading={action.pending} aria-label={t('admin.members.saveRoleFor', { name: member.name })}>
          {t('admin.members.saveRole')}
        </Button>
      )}
    </form>
  );
}

export function MembersSection({ organisation }: { organisation: OrganisationDetails }) {
  const { t } = useTranslation();
  const names = useAdminNames();
  const { resource, reload } = useResource<ItemList<Member>>(`/api/organisations/${organisation.id}/members`);
  const [notice, announce] = useAnnouncement();
  const mayManage = organisation.permissions.includes('manage-members');
  // The row and its button are gone afterwards: the section's heading holds focus, next to the confirmation.
  const removal = useConfirmedAction<Member>(
    (member) => sendJson('DELETE', `/api/organisations/${organisation.id}/members/${member.userId}`),
    (member) => {
      announce(t('admin.members.removed', { name: member.name }));
      reload();
    },
  );

  return (
    <section aria-labelledby="members-heading" className="admin-section">
      <Heading level={2} data-size="sm" id="members-heading" ref={removal.heading} tabIndex={-1}>{t('admin.members.heading')}</Heading>
      <Paragraph data-size="sm">{t('admin.members.intro')}</Paragraph>
      <StatusMessage className="admin-feedback" done={notice} />
      <ListResource resource={resource} none={t('admin.members.none')}>
        {(members) => (
          <TableRegion labelledBy="members-caption">
            <Table className="admin-table">
              <caption id="members-caption" className="sr-only">{t('admin.members.caption', { name: organisation.name })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('admin.members.name')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('admin.members.email')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('admin.members.role')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('admin.members.since')}</Table.HeaderCell>
                  {mayManage && <Table.HeaderCell><span className="sr-only">{t('admin.actions')}</span></Table.HeaderCell>}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {members.map((member) => (
                  <Table.Row key={member.userId}>
                    <Table.Cell>{member.name}</Table.Cell>
                    <Table.Cell>{member.email}</Table.Cell>
                    <Table.Cell>
                      <RoleCell organisation={organisation} member={member} onChanged={(message) => {
                        announce(message);
                        reload();
                      }} />
                    </Table.Cell>
                    <Table.Cell>{names.date(member.since)}</Table.Cell>
                    {mayManage && (
                      <Table.Cell>
                        <DangerRowButton label={t('admin.members.removeNamed', { name: member.name })} onClick={() => removal.ask(member)}>
                          {t('admin.members.remove')}
                        </DangerRowButton>
                      </Table.Cell>
                    )}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableRegion>
        )}
      </ListResource>
      <ConfirmDialog
        {...removal.dialog}
        heading={t('admin.members.removeHeading', { name: removal.target?.name ?? '' })}
        confirmLabel={t('admin.members.remove')}
      >
        {t('admin.members.removeText', { name: removal.target?.name ?? '', organisation: organisation.name })}
      </ConfirmDialog>
    </section>
  );
}
