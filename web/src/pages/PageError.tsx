import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { PageHeading } from '../app/PageHeading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';

/**
 * Shown inside the layout when a page cannot be rendered — most often because its chunk is gone after
 * an update — in the user's language, with the way out. Part of the main bundle, since it is what
 * shows when a chunk fails to load.
 */
export function PageError() {
  const { t } = useTranslation();
  useDocumentTitle(t('pageError.title'));
  return (
    <div className="narrow" role="alert">
      <PageHeading>{t('pageError.title')}</PageHeading>
      <Paragraph>{t('pageError.text')}</Paragraph>
      <Button onClick={() => window.location.reload()}>{t('pageError.reload')}</Button>
    </div>
  );
}
