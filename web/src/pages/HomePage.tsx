import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Button, Card, Heading, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { PageHeading } from '../app/PageHeading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';

const SHORTCUTS = [
  { key: 'education', params: 'sector=education' },
  { key: 'culture', params: 'sector=culture' },
  { key: 'climate', params: 'sector=environment' },
  { key: 'interregA', params: 'strand=A' },
  { key: 'county', params: 'kind=county-scheme' },
  { key: 'nordic', params: 'kind=nordic' },
] as const;

export default function HomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  useDocumentTitle(t('home.title'));
  return (
    <div className="home">
      <PageHeading size="xl">{t('home.title')}</PageHeading>
      <Paragraph className="lead">{t('home.intro')}</Paragraph>
      <form
        role="search"
        className="home-search"
        onSubmit={(event) => {
          event.preventDefault();
          navigate(q.trim() ? `/programmes?q=${encodeURIComponent(q.trim())}` : '/programmes');
        }}
      >
        <Textfield label={t('home.searchLabel')} description={t('catalogue.searchHelp')} type="search" value={q} onChange={(event) => setQ(event.target.value)} />
        <Button type="submit">{t('home.searchButton')}</Button>
      </form>
      <Card data-color="accent" variant="tinted" className="home-navigator">
        <Heading level={2} data-size="sm">{t('home.navigatorTitle')}</Heading>
        <Paragraph>{t('home.navigatorText')}</Paragraph>
        <Button asChild>
          <RouterLink to="/navigator">{t('home.navigatorButton')}</RouterLink>
        </Button>
      </Card>
      <section aria-labelledby="shortcuts-heading">
        <Heading level={2} data-size="sm" id="shortcuts-heading">{t('home.shortcuts')}</Heading>
        <ul className="shortcut-grid">
          {SHORTCUTS.map((shortcut) => (
            <li key={shortcut.key}>
              <Card data-color="brand1" variant="tinted">
                <Heading level={3} data-size="2xs">
                  <Link asChild>
                    <RouterLink to={`/programmes?${shortcut.params}`}>{t(`home.shortcut.${shortcut.key}.title`)}</RouterLink>
                  </Link>
                </Heading>
                <Paragraph data-size="sm">{t(`home.shortcut.${shortcut.key}.text`)}</Paragraph>
              </Card>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
