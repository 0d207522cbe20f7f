import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { PageHeading } from '../app/PageHeading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';

export default function AboutPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('about.title'));
  return (
    <div className="narrow">
      <PageHeading>{t('about.title')}</PageHeading>
      <Paragraph>{t('about.purpose')}</Paragraph>
      <Heading level={2} data-size="sm">{t('about.factsTitle')}</Heading>
      <Paragraph>{t('about.facts')}</Paragraph>
    </div>
  );
}
