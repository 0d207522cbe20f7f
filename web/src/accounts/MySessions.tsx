import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Heading, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { getJson, sendJson } from '../app/api.js';
import type { Notice } from '../app/notice.js';
import { useSession } from '../app/session.js';
import { useNames } from '../app/names.js';
import { describeUserAgent } from './user-agent.js';

interface SessionInfo {
  id: string;
  current: boolean;
  method: string;
  userAgent: string | null;
  createdAt: string;
  lastSeenAt: string;
}

/** Where the person is signed in; any other device can be signed out (e.g. a lost phone). */
export function MySessions({ version, onSignedOut }: { version: number; onSignedOut: (notice: Notice) => void }) {
  const { t } = useTranslation();
  const names = useNames();
  const { methods } = useSession();
  const [sessions, setSessions] = useState<SessionInfo[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  // The pressed button leaves with its session; focus goes back to the list's heading, not to the page's start.
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(() => {
    getJson<{ items: SessionInfo[] }>('/api/me/sessions').then(
      (answer) => setSessions(answer.items),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }, []);
  useEffect(load, [load, version]);

  const signOut = async (session: SessionInfo, device: string) => {
    setError(undefined);
    try {
      await sendJson('DELETE', `/api/me/sessions/${session.id}`);
      onSignedOut({ key: 'me.sessionSignedOut', params: { device } });
      heading.current?.focus();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
    load();
  };

  const deviceName = (session: SessionInfo) => {
    const { browser, system } = describeUserAgent(session.userAgent);
    if (browser && system) return t('me.browserOnSystem', { browser, system });
    return browser ?? system ?? t('me.unknownDevice');
  };
  const methodName = (method: string) =>
    method === 'password' ? t('me.methodPassword') : method === 'oidc' ? (methods.oidcName ?? t('me.methodOidc')) : method;

  return (
    <>
      <Heading level={2} data-size="sm" ref={heading} tabIndex={-1}>
        {t('me.sessionsHeading')}
      </Heading>
      <Paragraph>{t('me.sessionsIntro')}</Paragraph>
      {!sessions && !error && <Spinner aria-label={t('session.loading')} />}
      {error && <Alert data-color="danger" data-size="sm">{error}</Alert>}
      <ul className="card-list">
        {sessions?.map((session) => (
          <SessionCard key={session.id} session={session} device={deviceName(session)} method={methodName(session.method)} lastSeen={names.dateTime(session.lastSeenAt)} onSignOut={signOut} />
        ))}
      </ul>
    </>
  );
}

function SessionCard({ session, device, method, lastSeen, onSignOut }: { session: SessionInfo; device: string; method: string; lastSeen: string; onSignOut: (session: SessionInfo, device: string) => void }) {
  const { t } = useTranslation();
  const deviceId = useId();
  return (
    <li>
      <Card data-color="neutral" className="session-card">
        <div className="session-card__text">
          <Paragraph>
            <strong id={deviceId}>{device}</strong> {session.current && <Tag data-color="success" data-size="sm">{t('me.thisDevice')}</Tag>}
          </Paragraph>
          <Paragraph data-size="sm">
            {t('me.signedInWith', { method })} · {t('me.lastSeen', { time: lastSeen })}
          </Paragraph>
        </div>
        {!session.current && (
          <Button variant="secondary" data-size="sm" aria-describedby={deviceId} onClick={() => onSignOut(session, device)}>
            {t('me.signOutDevice')}
          </Button>
        )}
      </Card>
    </li>
  );
}
