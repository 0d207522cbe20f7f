import { useState, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { PageHeading } from '../app/PageHeading.js';
import { currentLanguage } from '../app/i18n.js';
import type { Notice } from '../app/notice.js';
import { useSession, type Me } from '../app/session.js';
import { StatusMessage } from '../app/StatusMessage.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { useNames } from '../app/names.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';
import { DeleteAccount } from './DeleteAccount.js';
import { MySessions } from './MySessions.js';
import { ProfileForm } from './ProfileForm.js';

/** "Min side": profile and language, memberships, password, devices, one's data and account. Needs a signed-in person. */
export default function MyPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  // A key, not a text: saving a new language must confirm in that language.
  const [message, setMessage] = useState<Notice | undefined>();
  // Changing the password signs out the other devices: the list must show it.
  const [sessionsVersion, setSessionsVersion] = useState(0);
  useDocumentTitle(t('me.title'));
  if (!user) return null;

  return (
    <div className="my-page stack">
      <PageHeading>{t('me.title')}</PageHeading>
      <Paragraph className="lead">{t('me.intro', { name: user.name, email: user.email })}</Paragraph>
      <StatusMessage done={message && t(message.key, message.params)} />

      <MySection id="me-profile" heading={t('me.profileHeading')}>
        <ProfileForm key={`${user.name}|${user.language}`} user={user} onSaved={setMessage} />
      </MySection>

      <MySection id="me-memberships" heading={t('me.membershipsHeading')}>
        <Memberships user={user} />
      </MySection>

      <MySection id="me-password" heading={t('me.passwordHeading')}>
        <ChangePasswordForm
          email={user.email}
          onChanged={(notice) => {
            setMessage(notice);
            setSessionsVersion((n) => n + 1);
          }}
        />
      </MySection>

      <section className="page-section stack">
        <MySessions version={sessionsVersion} onSignedOut={setMessage} />
      </section>

      <MySection id="me-data" heading={t('me.dataHeading')}>
        <Paragraph>{t('me.dataIntro')}</Paragraph>
        <div>
          <Button asChild variant="secondary">
            <a href={`/api/me/export?lang=${currentLanguage()}`} download>
              {t('me.downloadData')}
            </a>
          </Button>
        </div>
      </MySection>

      <MySection id="me-delete" heading={t('me.deleteHeading')}>
        <DeleteAccount user={user} />
      </MySection>
    </div>
  );
}

function MySection({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section className="page-section stack" aria-labelledby={id}>
      <Heading level={2} data-size="sm" id={id}>
        {heading}
      </Heading>
      {children}
    </section>
  );
}

function Memberships({ user }: { user: Me }) {
  const { t } = useTranslation();
  const names = useNames();
  if (user.memberships.length === 0) return <Paragraph>{t('me.noMemberships')}</Paragraph>;
  return (
    <ul className="membership-list">
      {user.memberships.map((membership) => (
        <li key={membership.organisationId}>
          {membership.role === 'coordinator' || membership.role === 'administrator' ? (
            <Link asChild>
              <RouterLink to={`/admin/organisasjoner/${membership.organisationId}`}>{membership.organisationName}</RouterLink>
            </Link>
          ) : (
            <strong>{membership.organisationName}</strong>
          )}
          {' – '}
          {names.role(membership.role)}
        </li>
      ))}
    </ul>
  );
}
