import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Fieldset, Radio, Textfield } from '@digdir/designsystemet-react';
import { LANGUAGES, type Language } from '../../../src/reference/codes.js';
import { sendJson } from '../app/api.js';
import { FormErrorSummary } from '../app/FormErrorSummary.js';
import { problemOf } from '../app/form-problems.js';
import { changeLanguage, LANGUAGE_NAMES } from '../app/i18n.js';
import type { Notice } from '../app/notice.js';
import { useSession, type Me } from '../app/session.js';
import { useFormSubmit } from '../app/useFormSubmit.js';

const FIELDS = ['name', 'language'] as const;

/** Name and language. The page gives it a key of the saved values, so a change elsewhere shows here. */
export function ProfileForm({ user, onSaved }: { user: Me; onSaved: (notice: Notice) => void }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const ids = { name: useId(), language: useId() };
  const [name, setName] = useState(user.name);
  const [language, setLanguage] = useState<Language>(user.language);
  const { problems, attempt, busy, submit } = useFormSubmit(FIELDS);

  const save = (event: FormEvent) =>
    submit(
      event,
      () => (name.trim() ? [] : [{ field: 'name', message: t('auth.nameRequired') }]),
      async () => {
        await sendJson('PATCH', '/api/me', { name: name.trim(), language });
        await changeLanguage(language);
        onSaved({ key: 'me.profileSaved' });
        await refresh();
      },
    );

  return (
    <form onSubmit={save} noValidate className="stack">
      <FormErrorSummary problems={problems} fieldIds={ids} attempt={attempt} />
      <Textfield id={ids.name} label={t('auth.name')} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} error={problemOf(problems, 'name')} />
      <Fieldset id={ids.language}>
        <Fieldset.Legend>{t('me.language')}</Fieldset.Legend>
        {LANGUAGES.map((code) => (
          <Radio key={code} name="language" value={code} label={<span lang={code}>{LANGUAGE_NAMES[code]}</span>} checked={language === code} onChange={() => setLanguage(code)} />
        ))}
      </Fieldset>
      <div>
        <Button type="submit" loading={busy}>
          {t('me.saveProfile')}
        </Button>
      </div>
    </form>
  );
}
