import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { PageHeading } from '../app/PageHeading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';

/** A page of plain text from the translations: a title, an opening paragraph, then titled sections. */
export function TextPage({ titleKey, introKey, sections }: { titleKey: string; introKey: string; sections: Array<{ titleKey: string; textKey: string }> }) {
  const { t } = useTranslation();
  useDocumentTitle(t(titleKey));
  return (
    <div className="narrow">
      <PageHeading>{t(titleKey)}</PageHeading>
      <Paragraph>{t(introKey)}</Paragraph>
      {sections.map((section) => (
        <section key={section.titleKey}>
          <Heading level={2} data-size="sm">{t(section.titleKey)}</Heading>
          <Paragraph>{t(section.textKey)}</Paragraph>
        </section>
      ))}
    </div>
  );
}
