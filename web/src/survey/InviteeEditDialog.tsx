/**
 * Corrects one invitee in a dialog: name, e-mail address, municipality and sector; the answers are kept.
 * Only what changed is sent. When the server refuses a field, that field shows why and takes focus, and
 * nothing typed is lost. A new address in an open round gets a new link, which the confirmation says.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Dialog, Field, Heading, Label, Paragraph, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { MUNICIPAL_SECTORS } from '../../../src/reference/codes.js';
import { sendJson } from '../app/api.js';
import { useCodeName } from '../app/code-names.js';
import { useNames } from '../app/names.js';
import { useAction, useResource } from '../admin/resource.js';
import { inviteeChanges, inviteeForm, type InviteeForm } from './invitee-rules.js';
import type { ChangedInvitee, Invitee, ReferencePlaces, Round } from './types.js';

/** The fields' ids are this prefix and the API's field names, so the field the server names takes focus. */
const FIELD_ID = 'invitee-edit-';
const FIELDS = ['name', 'email', 'municipalityCode', 'sector'] as const;
const COUNTRIES = ['NO', 'SE'] as const;

interface InviteeEditDialogProps {
  round: Round;
  /** The invitee being corrected; null while the dialog is closed. */
  invitee: Invitee | null;
  onClose(): void;
  /** Saved (or nothing to save): `message` is the confirmation to announce. */
  onSaved(message: string): void;
}

export function InviteeEditDialog({ round, invitee, onClose, onSaved }: InviteeEditDialogProps) {
  const { t } = useTranslation();
  const codeName = useCodeName();
  const names = useNames();
  const headingId = useId();
  const [form, setForm] = useState<InviteeForm>({ name: '', email: '', municipalityCode: '', sector: '' });
  const action = useAction(FIELD_ID);
  const places = useResource<ReferencePlaces>(invitee ? '/api/reference/places' : null).resource;
  const countryNames = new Intl.DisplayNames(names.locales, { type: 'region' });

  useEffect(() => {
    if (!invitee) return;
    setForm(inviteeForm(invitee));
    action.reset();
  }, [invitee]); // A fresh form each time the dialog opens for an invitee.

  const update = (change: Partial<InviteeForm>) => setForm((previous) => ({ ...previous, ...change }));

  const savedMessage = (saved: ChangedInvitee) => {
    if (saved.delivery.sent > 0) return t('survey.invitees.changedNewLink', { name: saved.name, email: saved.email });
    if (saved.delivery.failed > 0) return t('survey.invitees.changedLinkFailed', { name: saved.name, email: saved.email });
    return t('survey.invitees.changed', { name: saved.name });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!invitee || action.pending) return;
    const changes = inviteeChanges(invitee, form);
    if (Object.keys(changes).length === 0) return onSaved(t('survey.invitees.unchanged', { name: invitee.name }));
    let saved: ChangedInvitee | undefined;
    if (await action.run(async () => (saved = await sendJson<ChangedInvitee>('PATCH', `/api/surveys/rounds/${round.id}/invitees/${invitee.id}`, changes)), '')) onSaved(savedMessage(saved!));
  };

  const municipalityError = action.fieldError('municipalityCode');
  const sectorError = action.fieldError('sector');
  // A link already sent goes to the old address: the new address gets a new one, and the old stops working.
  const linkSent = round.status === 'open' && invitee?.lastSentAt != null;
  return (
    <Dialog open={invitee !== null} onClose={onClose} closeButton={t('admin.dialog.close')} aria-labelledby={headingId} className="admin-dialog">
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={headingId}>{t('survey.invitees.editNamed', { name: invitee?.name ?? '' })}</Heading>
      </Dialog.Block>
      <Dialog.Block>
        <form className="stack" noValidate onSubmit={(event) => void submit(event)}>
          <Paragraph data-size="sm">{t('survey.invitees.editIntro')}</Paragraph>
          <Textfield
            id={`${FIELD_ID}name`}
            label={t('survey.invitees.name')}
            value={form.name}
            required
            maxLength={200}
            autoComplete="off"
            onChange={(event) => update({ name: event.target.value })}
            error={action.fieldError('name')}
          />
          <Textfield
            id={`${FIELD_ID}email`}
            type="email"
            label={t('survey.invitees.email')}
            description={linkSent ? t('survey.invitees.emailNewLink') : undefined}
            value={form.email}
            required
            maxLength={254}
            autoComplete="off"
            onChange={(event) => update({ email: event.target.value })}
            error={action.fieldError('email')}
          />
          <Field>
            <Label htmlFor={`${FIELD_ID}municipalityCode`}>{t('survey.invitees.municipality')}</Label>
            <Select id={`${FIELD_ID}municipalityCode`} value={form.municipalityCode} onChange={(event) => update({ municipalityCode: event.target.value })} aria-invalid={municipalityError ? true : undefined}>
              <Select.Option value="">{t('survey.invitees.noMunicipality')}</Select.Option>
              {places.status === 'ready'
                ? COUNTRIES.map((country) => (
                    <Select.Optgroup key={country} label={countryNames.of(country) ?? country}>
                      {places.data[country].municipalities.map((municipality) => (
                        <Select.Option key={municipality.code} value={municipality.code}>{municipality.name}</Select.Option>
                      ))}
                    </Select.Optgroup>
                  ))
                : // Until the list arrives (or if it cannot), the present municipality can still be kept.
                  invitee?.municipalityCode && <Select.Option value={invitee.municipalityCode}>{invitee.municipalityName ?? invitee.municipalityCode}</Select.Option>}
            </Select>
            {municipalityError && <ValidationMessage>{municipalityError}</ValidationMessage>}
          </Field>
          <Field>
            <Label htmlFor={`${FIELD_ID}sector`}>{t('survey.invitees.sector')}</Label>
            <Select id={`${FIELD_ID}sector`} value={form.sector} onChange={(event) => update({ sector: event.target.value })} aria-invalid={sectorError ? true : undefined}>
              <Select.Option value="">{t('survey.invitees.noSector')}</Select.Option>
              {MUNICIPAL_SECTORS.map((sector) => (
                <Select.Option key={sector} value={sector}>{codeName('municipalSector', sector)}</Select.Option>
              ))}
            </Select>
            {sectorError && <ValidationMessage>{sectorError}</ValidationMessage>}
          </Field>
          {action.formError(FIELDS) && (
            <Alert data-color="danger" data-size="sm" role="alert">
              {action.formError(FIELDS)}
            </Alert>
          )}
          <div className="form-actions admin-dialog__actions">
            <Button type="submit" loading={action.pending} aria-disabled={action.pending || undefined}>
              {t('survey.invitees.saveChanges')}
            </Button>
            <Button type="button" variant="secondary" onClick={onClose}>
              {t('admin.dialog.cancel')}
            </Button>
          </div>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}
