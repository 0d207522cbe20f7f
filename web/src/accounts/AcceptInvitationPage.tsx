import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Heading, Link, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { ApiError, getJson, sendJson } from '../app/api.js';
import { useDraft } from '../app/drafts.js';
import { FormErrorSummary } from '../app/FormErrorSummary.js';
import { problemOf, problemsFromError, type FormProblem } from '../app/form-problems.js';
import { withNotice } from '../app/notice.js';
import { PageHeading } from '../app/PageHeading.js';
import { signInPath, useSession, type Role } from '../app/session.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { useNames } from '../app/names.js';
import { useFragmentToken } from './fragment-token.js';
import { NewPasswordFields, useNewPasswordCheck, type NewPassword } from './NewPasswordFields.js';

interface InvitationPreview {
  organisationName: string;
  role: Role;
  email: string;
  inviterName: string | null;
  expiresAt: string;
  accountExists: boolean;
}

type Load = { status: 'loading' } | { status: 'invalid' } | { status: 'failed'; message: string } | { status: 'ready'; preview: InvitationPreview };

const MANAGING_ROLES: readonly Role[] = ['coordinator', 'administrator'];

/**
 * Accepting an invitation (`/invitasjon#<token>`): a signed-in person joins; someone new creates an
 * account on the spot; someone with an account signs in first and comes back (the token waits in
 * sessionStorage).
 */
export default function AcceptInvitationPage() {
  const { t } = useTranslation();
  const names = useNames();
  const navigate = useNavigate();
  const { user, ended, refresh } = useSession();
  const { token, forget } = useFragmentToken('mulighetsrom.invitation-token');
  const [load, setLoad] = useState<Load>(token ? { status: 'loading' } : { status: 'invalid' });
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [name, setName, discardName] = useDraft('invitation.name', '');
  const [password, setPassword] = useState<NewPassword>({ password: '', repeatPassword: '' });
  const ids = { name: useId(), password: useId(), repeatPassword: useId() };
  const checkPassword = useNewPasswordCheck();
  useDocumentTitle(t(load.status === 'invalid' ? 'auth.invitationInvalidTitle' : 'auth.invitationTitle'));

  useEffect(() => {
    if (!token) return;
    getJson<InvitationPreview>('/api/invitations/preview', new URLSearchParams({ token })).then(
      (preview) => setLoad({ status: 'ready', preview }),
      (error: unknown) => setLoad(error instanceof ApiError && error.status === 410 ? { status: 'invalid' } : { status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  }, [token]);

  if (load.status === 'loading') return <Spinner aria-label={t('session.loading')} data-size="lg" />;
  if (load.status === 'invalid') {
    return (
      <div className="narrow stack">
        <PageHeading>{t('auth.invitationInvalidTitle')}</PageHeading>
        <Paragraph>{t('auth.invitationInvalid')}</Paragraph>
        <Paragraph>
          <Link asChild>
            <RouterLink to="/">{t('auth.toFrontPage')}</RouterLink>
          </Link>
        </Paragraph>
      </div>
    );
  }
  if (load.status === 'failed') {
    return (
      <div className="narrow stack">
        <PageHeading>{t('auth.invitationTitle')}</PageHeading>
        <Alert data-color="danger">{load.message}</Alert>
      </div>
    );
  }

  const { preview } = load;
  const signedIn = !!user && !ended;
  const accept = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    const found = signedIn ? [] : [...(name.trim() ? [] : [{ field: 'name', message: t('auth.nameRequired') }]), ...checkPassword(password)];
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const body = signedIn ? { token } : { token, name: name.trim(), password: password.password };
      const answer = await sendJson<{ organisationId: string }>('POST', '/api/invitations/accept', body);
      forget();
      discardName();
      await refresh();
      const mayManage = MANAGING_ROLES.includes(preview.role) || !!user?.systemAdministrator;
      const notice = withNotice('auth.invitationAccepted', { organisation: preview.organisationName, role: names.role(preview.role).toLocaleLowerCase() });
      navigate(mayManage && answer ? `/admin/organisasjoner/${answer.organisationId}` : '/min-side', notice);
    } catch (error) {
      if (error instanceof ApiError && error.status === 410) setLoad({ status: 'invalid' });
      else if (error instanceof ApiError && error.code === 'sign-in-first') setLoad({ status: 'ready', preview: { ...preview, accountExists: true } });
      else setProblems(problemsFromError(error, ['name', 'password'], t('session.unreachable')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow stack">
      <PageHeading>{t('auth.invitationHeading', { organisation: preview.organisationName })}</PageHeading>
      <Card data-color="neutral">
        <dl className="facts">
          <dt>{t('auth.invitationOrganisation')}</dt>
          <dd>{preview.organisationName}</dd>
          <dt>{t('auth.invitationRole')}</dt>
          <dd>{names.role(preview.role)}</dd>
          {preview.inviterName && (
            <>
              <dt>{t('auth.invitationInviter')}</dt>
              <dd>{preview.inviterName}</dd>
            </>
          )}
          <dt>{t('auth.invitationEmail')}</dt>
          <dd>{preview.email}</dd>
          <dt>{t('auth.invitationExpires')}</dt>
          <dd>{names.dateTime(preview.expiresAt)}</dd>
        </dl>
      </Card>

      {signedIn ? (
        <form onSubmit={accept} noValidate className="stack">
          <FormErrorSummary problems={problems} fieldIds={{}} attempt={attempt} />
          {user.email.toLowerCase() !== preview.email.toLowerCase() && <Paragraph>{t('auth.invitationOtherAccount', { invited: preview.email, email: user.email })}</Paragraph>}
          <div>
            <Button type="submit" loading={busy}>
              {t('auth.join', { organisation: preview.organisationName })}
            </Button>
          </div>
        </form>
      ) : preview.accountExists ? (
        <div className="stack">
          <Paragraph>{t('auth.invitationSignInFirst', { email: preview.email })}</Paragraph>
          <div>
            <Button asChild>
              <RouterLink to={signInPath('/invitasjon')}>{t('auth.signInToAccept')}</RouterLink>
            </Button>
          </div>
        </div>
      ) : (
        <form onSubmit={accept} noValidate className="stack">
          <Heading level={2} data-size="sm">
            {t('auth.createAccount')}
          </Heading>
          <Paragraph>{t('auth.createAccountIntro', { email: preview.email })}</Paragraph>
          <FormErrorSummary problems={problems} fieldIds={ids} attempt={attempt} />
          <Textfield id={ids.name} label={t('auth.name')} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} error={problemOf(problems, 'name')} />
          <NewPasswordFields ids={ids} value={password} onChange={setPassword} problems={problems} />
          <div>
            <Button type="submit" loading={busy}>
              {t('auth.createAndJoin')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
