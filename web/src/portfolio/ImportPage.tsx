import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Field, Heading, Input, Label, Paragraph, Select, Spinner, Table } from '@digdir/designsystemet-react';
import { getJson, sendJson } from '../app/api.js';
import { FormErrorSummary } from '../app/FormErrorSummary.js';
import { problemsFromError, type FormProblem } from '../app/form-problems.js';
import { PageHeading } from '../app/PageHeading.js';
import { useSession } from '../app/session.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { sendFile, useOrganisations } from './api.js';
import { indented } from './FilterPanel.js';
import { PortfolioNavigation } from './PortfolioNavigation.js';
import type { ImportJob, ImportPreview } from './types.js';
import './portfolio.css';

const POLL_MS = 700;
/** The preview lists the rows with problems first; a long file's valid rows are summed up, not all shown. */
const VALID_ROWS_SHOWN = 50;

/** CSV/XLSX import: choose organisation and file → preview per row → all-or-nothing commit with progress. */
export default function ImportPage() {
  const { t } = useTranslation();
  const { csrfToken } = useSession();
  const { choices } = useOrganisations();
  const editable = choices.filter((c) => c.mayEdit);
  const ids = { organisation: useId(), file: useId(), preview: useId() };
  const fileInput = useRef<HTMLInputElement>(null);
  const [organisationId, setOrganisationId] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const chosen = organisationId || editable[0]?.id || '';
  useDocumentTitle(t('portfolio.import.title'));

  const check = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setProblems([{ field: 'file', message: t('portfolio.import.chooseFile') }]);
      return;
    }
    setProblems([]);
    setPreview(null);
    setJob(null);
    setBusy(true);
    try {
      const type = file.type || (file.name.toLowerCase().endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv');
      const body = new File([file], file.name, { type });
      setPreview(await sendFile<ImportPreview>('/api/portfolio/imports/preview', new URLSearchParams({ organisation: chosen, fileName: file.name }), body, csrfToken));
    } catch (error) {
      setProblems(problemsFromError(error, ['organisation', 'file'], t('session.unreachable')));
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    setProblems([]);
    try {
      const started = await sendJson<{ jobId: string }>('POST', `/api/portfolio/imports/${preview.previewId}/commit`);
      setJob({ state: 'running', done: 0, total: preview.valid, importId: null, message: null });
      setJobId(started!.jobId);
    } catch (error) {
      setProblems(problemsFromError(error, [], t('session.unreachable')));
      setBusy(false);
    }
  };

  // Follow the job until it is done or has failed.
  const [jobId, setJobId] = useState<string | null>(null);
  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    const poll = async () => {
      try {
        const state = await getJson<ImportJob>(`/api/portfolio/imports/jobs/${jobId}`);
        if (stopped) return;
        setJob(state);
        if (state.state === 'running') setTimeout(() => void poll(), POLL_MS);
        else setBusy(false);
      } catch (error) {
        if (!stopped) {
          setProblems(problemsFromError(error, [], t('session.unreachable')));
          setBusy(false);
        }
      }
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [jobId]);

  const shownRows = preview ? [...preview.rows.filter((r) => r.outcome === 'error'), ...preview.rows.filter((r) => r.outcome === 'create').slice(0, VALID_ROWS_SHOWN)] : [];
  const finished = job?.state === 'done';

  return (
    <div className="portfolio">
      <PortfolioNavigation />
      <PageHeading>{t('portfolio.import.title')}</PageHeading>
      <Paragraph className="lead">{t('portfolio.import.intro')}</Paragraph>
      <FormErrorSummary problems={problems} fieldIds={{ organisation: ids.organisation, file: ids.file }} attempt={attempt} />
      {editable.length === 0 && choices.length > 0 && <Alert data-color="info">{t('portfolio.form.noEditableOrganisation')}</Alert>}
      {editable.length > 0 && (
        <form className="portfolio-section narrow" onSubmit={(event) => void check(event)}>
          <Field>
            <Label htmlFor={ids.organisation}>{t('portfolio.import.organisation')}</Label>
            <Select id={ids.organisation} value={chosen} onChange={(e) => setOrganisationId(e.target.value)}>
              {editable.map((choice) => (
                <Select.Option key={choice.id} value={choice.id}>{indented(choice)}</Select.Option>
              ))}
            </Select>
          </Field>
          <Field>
            <Label htmlFor={ids.file}>{t('portfolio.import.file')}</Label>
            <Field.Description>{t('portfolio.import.fileHelp')}</Field.Description>
            <Input id={ids.file} type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" ref={fileInput} onChange={() => setPreview(null)} />
          </Field>
          <div>
            <Button type="submit" loading={busy && !job} aria-disabled={busy || undefined}>
              {t('portfolio.import.check')}
            </Button>
          </div>
        </form>
      )}
      {preview && (
        <section className="portfolio-section" aria-labelledby={ids.preview}>
          <Heading level={2} data-size="sm" id={ids.preview}>
            {t('portfolio.import.previewTitle', { file: preview.fileName })}
          </Heading>
          <p role="status">{t('portfolio.import.summary', { total: preview.total, valid: preview.valid, invalid: preview.invalid })}</p>
          {preview.invalid > 0 && <Alert data-color="warning">{t('portfolio.import.fixFirst', { count: preview.invalid })}</Alert>}
          <div className="table-scroll" role="region" aria-labelledby={`${ids.preview}-caption`} tabIndex={0}>
            <Table data-size="sm" zebra>
              <caption id={`${ids.preview}-caption`}>{t('portfolio.import.rowsCaption', { shown: shownRows.length, total: preview.total })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('portfolio.import.row')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('portfolio.import.outcome')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('portfolio.field.title')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('portfolio.import.problems')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {shownRows.map((row) => (
                  <Table.Row key={row.row}>
                    <Table.HeaderCell scope="row">{row.row}</Table.HeaderCell>
                    <Table.Cell>{t(`portfolio.import.outcome_${row.outcome}`)}</Table.Cell>
                    <Table.Cell>{row.title}</Table.Cell>
                    <Table.Cell>
                      {row.errors.length > 0 && (
                        <ul className="import-errors">
                          {row.errors.map((error, index) => (
                            <li key={index}>
                              <strong>{error.column}</strong>: {error.message}
                            </li>
                          ))}
                        </ul>
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          {preview.invalid === 0 && preview.valid > 0 && !job && (
            <div>
              <Button onClick={() => void commit()} loading={busy} aria-disabled={busy || undefined}>
                {t('portfolio.import.commit', { count: preview.valid })}
              </Button>
            </div>
          )}
        </section>
      )}
      {job && (
        <section className="portfolio-section" aria-labelledby="import-progress-heading">
          <Heading level={2} data-size="sm" id="import-progress-heading">{t('portfolio.import.progressTitle')}</Heading>
          <progress className="import-progress" max={Math.max(job.total, 1)} value={job.done} aria-labelledby="import-progress-heading" />
          <p role="status">
            {job.state === 'running' && t('portfolio.import.running', { done: job.done, total: job.total })}
            {finished && t('portfolio.import.done', { count: job.total })}
            {job.state === 'failed' && (job.message ?? t('portfolio.import.failed'))}
          </p>
          {job.state === 'running' && <Spinner aria-hidden data-size="sm" />}
          {finished && (
            <Button asChild variant="secondary">
              <RouterLink to={`/portefolje?organisation=${chosen}`}>{t('portfolio.import.seeResult')}</RouterLink>
            </Button>
          )}
        </section>
      )}
    </div>
  );
}
