import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { PageHeading } from '../app/PageHeading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';

export default function AccessibilityPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('accessibility.title'));
  return (
    <div className="narrow">
      <PageHeading>{t('accessibility.title')}</PageHeading>
      <Paragraph>{t('accessibility.statement')}</Paragraph>
      <Heading level={2} data-size="sm">{t('accessibility.testedTitle')}</Heading>
      <Paragraph>{t('accessibility.tested')}</Paragraph>
    </div>
  );
}
