/** The fields of a round's details, for the new-round page and the set-up page's details form. */
import { useTranslation } from 'react-i18next';
import { Field, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { LANGUAGES, type Language } from '../../../src/reference/codes.js';
import { LANGUAGE_NAMES } from '../app/i18n.js';
import type { RoundForm } from './round-form.js';

export function RoundFields({ idPrefix, form, onChange, problem }: { idPrefix: string; form: RoundForm; onChange: (form: RoundForm) => void; problem: (field: keyof RoundForm) => string | undefined }) {
  const { t } = useTranslation();
  const set = <K extends keyof RoundForm>(field: K) => (value: RoundForm[K]) => onChange({ ...form, [field]: value });
  const languageProblem = problem('language');
  return (
    <>
      <Textfield id={`${idPrefix}title`} label={t('survey.form.title')} value={form.title} required onChange={(event) => set('title')(event.target.value)} error={problem('title')} />
      <Textfield
        id={`${idPrefix}introduction`}
        label={t('survey.form.introduction')}
        description={t('survey.form.introductionHelp')}
        multiline
        rows={5}
        value={form.introduction}
        onChange={(event) => set('introduction')(event.target.value)}
        error={problem('introduction')}
      />
      <div className="form-grid">
        <Textfield id={`${idPrefix}opensOn`} type="date" label={t('survey.form.opensOn')} description={t('survey.form.opensOnHelp')} value={form.opensOn} onChange={(event) => set('opensOn')(event.target.value)} error={problem('opensOn')} />
        <Textfield id={`${idPrefix}closesOn`} type="date" label={t('survey.form.closesOn')} value={form.closesOn} required onChange={(event) => set('closesOn')(event.target.value)} error={problem('closesOn')} />
        <Textfield
          id={`${idPrefix}reminderDays`}
          label={t('survey.form.reminderDays')}
          description={t('survey.form.reminderDaysHelp')}
          value={form.reminderDays}
          onChange={(event) => set('reminderDays')(event.target.value)}
          error={problem('reminderDays')}
        />
        <Textfield
          id={`${idPrefix}minGroupSize`}
          label={t('survey.form.minGroupSize')}
          description={t('survey.form.minGroupSizeHelp')}
          inputMode="numeric"
          value={form.minGroupSize}
          onChange={(event) => set('minGroupSize')(event.target.value)}
          error={problem('minGroupSize')}
        />
        <Textfield
          id={`${idPrefix}retentionOn`}
          type="date"
          label={t('survey.form.retentionOn')}
          description={t('survey.form.retentionOnHelp')}
          value={form.retentionOn}
          required
          onChange={(event) => set('retentionOn')(event.target.value)}
          error={problem('retentionOn')}
        />
        <Field>
          <Label htmlFor={`${idPrefix}language`}>{t('survey.form.language')}</Label>
          <Select id={`${idPrefix}language`} value={form.language} onChange={(event) => set('language')(event.target.value as Language)}>
            {LANGUAGES.map((language) => (
              <Select.Option key={language} value={language} lang={language}>{LANGUAGE_NAMES[language]}</Select.Option>
            ))}
          </Select>
          {languageProblem && <ValidationMessage>{languageProblem}</ValidationMessage>}
        </Field>
      </div>
    </>
  );
}
