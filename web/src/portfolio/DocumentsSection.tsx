import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Label, Link, Paragraph, Textfield, Field, Input, Table } from '@digdir/designsystemet-react';
import { sendJson } from '../app/api.js';
import { useNames } from '../app/names.js';
import { useSession } from '../app/session.js';
import { StatusMessage } from '../app/StatusMessage.js';
import { ConfirmDialog } from '../admin/ConfirmDialog.js';
import { asApiError } from '../admin/resource.js';
import { sendFile } from './api.js';
import { formatNumber } from './present.js';
import type { DocumentItem } from './types.js';

/** Documents (uploaded files) and links of an initiative: list, download, add, remove. */
export function DocumentsSection({ initiativeId, documents, mayEdit, onChanged }: { initiativeId: string; documents: readonly DocumentItem[]; mayEdit: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const { date, locales } = useNames();
  const { csrfToken } = useSession();
  const headingId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [documentTitle, setDocumentTitle] = useState('');
  const [link, setLink] = useState({ title: '', url: '' });
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [removing, setRemoving] = useState<DocumentItem | null>(null);
  const run = async (call: () => Promise<unknown>, message: string) => {
    setPending(true);
    setError(null);
    setDone(null);
    try {
      await call();
      setDone(message);
      onChanged();
      return true;
    } catch (caught) {
      setError(asApiError(caught).message);
      return false;
    } finally {
      setPending(false);
    }
  };
  const upload = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setError(t('portfolio.documents.chooseFile'));
      return;
    }
    const params = new URLSearchParams({ fileName: file.name });
    if (documentTitle.trim()) params.set('title', documentTitle.trim());
    if (await run(() => sendFile(`/api/portfolio/initiatives/${initiativeId}/documents`, params, file, csrfToken), t('portfolio.documents.uploaded', { name: file.name }))) {
      setDocumentTitle('');
      if (fileInput.current) fileInput.current.value = '';
    }
  };
  const addLink = async (event: FormEvent) => {
    event.preventDefault();
    if (await run(() => sendJson('POST', `/api/portfolio/initiatives/${initiativeId}/links`, { title: link.title.trim(), url: link.url.trim() }), t('portfolio.documents.linkAdded', { title: link.title.trim() }))) setLink({ title: '', url: '' });
  };
  const size = (bytes: number) => (bytes < 1024 * 1024 ? `${formatNumber(bytes / 1024, locales, 0)} kB` : `${formatNumber(bytes / 1024 / 1024, locales, 1)} MB`);
  return (
    <section className="portfolio-section" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('portfolio.documents.title')}
      </Heading>
      {documents.length === 0 ? (
        <Paragraph>{t('portfolio.documents.none')}</Paragraph>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
          <Table data-size="sm" zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('portfolio.documents.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('portfolio.documents.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('portfolio.documents.added')}</Table.HeaderCell>
                {mayEdit && <Table.HeaderCell><span className="sr-only">{t('portfolio.documents.actions')}</span></Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {documents.map((document) => (
                <Table.Row key={document.id}>
                  <Table.Cell>
                    {document.url ? (
                      <Link href={document.url} rel="noopener noreferrer">{document.title}</Link>
                    ) : (
                      <Link href={`/api/portfolio/documents/${document.id}`} download={document.fileName ?? true}>
                        {document.title}
                      </Link>
                    )}
                  </Table.Cell>
                  <Table.Cell>{document.url ? t('portfolio.documents.link') : `${document.fileName ?? ''}${document.size === null ? '' : ` (${size(document.size)})`}`}</Table.Cell>
                  <Table.Cell>{date(document.addedAt)}</Table.Cell>
                  {mayEdit && (
                    <Table.Cell>
                      <Button variant="tertiary" data-size="sm" data-color="danger" onClick={() => setRemoving(document)}>
                        {t('portfolio.documents.remove', { title: document.title })}
                      </Button>
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <StatusMessage done={done} error={error} />
      {mayEdit && (
        <div className="portfolio-document-forms">
          <form className="stack" onSubmit={(event) => void upload(event)}>
            <Heading level={3} data-size="2xs">{t('portfolio.documents.upload')}</Heading>
            <Field>
              <Label htmlFor={`${headingId}-file`}>{t('portfolio.documents.file')}</Label>
              <Field.Description>{t('portfolio.documents.fileHelp')}</Field.Description>
              <Input id={`${headingId}-file`} type="file" ref={fileInput} />
            </Field>
            <Textfield label={t('portfolio.documents.documentTitle')} value={documentTitle} onChange={(e) => setDocumentTitle(e.target.value)} />
            <div>
              <Button type="submit" variant="secondary" loading={pending} aria-disabled={pending || undefined}>{t('portfolio.documents.uploadButton')}</Button>
            </div>
          </form>
          <form className="stack" onSubmit={(event) => void addLink(event)}>
            <Heading level={3} data-size="2xs">{t('portfolio.documents.addLink')}</Heading>
            <Textfield label={t('portfolio.documents.linkTitle')} value={link.title} required onChange={(e) => setLink({ ...link, title: e.target.value })} />
            <Textfield label={t('portfolio.documents.linkUrl')} type="url" value={link.url} required placeholder="https://" onChange={(e) => setLink({ ...link, url: e.target.value })} />
            <div>
              <Button type="submit" variant="secondary" loading={pending} aria-disabled={pending || undefined}>{t('portfolio.documents.addLinkButton')}</Button>
            </div>
          </form>
        </div>
      )}
      <ConfirmDialog
        open={removing !== null}
        heading={t('portfolio.documents.removeHeading')}
        confirmLabel={t('portfolio.documents.removeConfirm')}
        pending={pending}
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          const document = removing!;
          void run(() => sendJson('DELETE', `/api/portfolio/documents/${document.id}`), t('portfolio.documents.removed', { title: document.title })).then(() => setRemoving(null));
        }}
      >
        {t('portfolio.documents.removeText', { title: removing?.title ?? '' })}
      </ConfirmDialog>
    </section>
  );
}
