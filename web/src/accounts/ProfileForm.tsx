import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Fieldset, Radio, Textfield } from '@digdir/designsystemet-react';
import { LANGUAGES, type Language } from '../../../src/reference/codes.js';
import { sendJson } from '../app/api.js';
import { FormErrorSummary } from '../app/FormErrorSummary.js';
import { problemOf, problemsFromError, type FormProblem } from '../app/form-problems.js';
import { changeLanguage, LANGUAGE_NAMES } from '../app/i18n.js';
import type { Notice } from '../app/notice.js';
import { useSession, type Me } from '../app/session.js';

/** Name and language. The page gives it a key of the saved values, so a change elsewhere shows here. */
export function ProfileForm({ user, onSaved }: { user: Me; onSaved: (notice: Notice) => void }) {
  const { t } = useTranslation();
  const { refresh } = useSession();
  const ids = { name: useId(), language: useId() };
  const [name, setName] = useState(user.name);
  const [language, setLanguage] = useState<Language>(user.language);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    if (!name.trim()) {
      setProblems([{ field: 'name', message: t('auth.nameRequired') }]);
      return;
    }
    setProblems([]);
    setBusy(true);
    try {
      await sendJson('PATCH', '/api/me', { name: name.trim(), language });
      await changeLanguage(language);
      onSaved({ key: 'me.profileSaved' });
      await refresh();
    } catch (error) {
      setProblems(problemsFromError(error, ['name', 'language'], t('session.unreachable')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="stack">
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
