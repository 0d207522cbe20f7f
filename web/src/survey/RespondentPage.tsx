/**
 * /svar/:token — the questionnaire behind a personal link, for a respondent without an account. Answers
 * save as they are typed (per question, after a short pause) and a copy of what the server has not yet
 * confirmed stays in this browser, so closing the browser or losing the connection loses nothing. The
 * respondent submits when done and may change answers until the round closes.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import type { Language } from '../../../src/reference/codes.js';
import { ApiError, getJson, sendJson, toLocalTime } from '../app/api.js';
import { FormErrorSummary } from '../app/FormErrorSummary.js';
import type { FormProblem } from '../app/form-problems.js';
import { useNames } from '../app/names.js';
import { PageHeading } from '../app/PageHeading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { mergeAnswers, progressOf, type ServerAnswer } from './answers.js';
import { createSaveQueue, type SaveQueue, type SaveStatus, type SendResult } from './autosave.js';
import { openLocalCopy, type LocalCopy } from './local-copy.js';
import { problemTarget, questionId, questionLabel, readableProblem, sectionTitle, sectionsOf } from './question-view.js';
import { QuestionView } from './QuestionView.js';
import type { Response } from './types.js';
import './survey.css';

/** A pause this long after the last keystroke or click sends the answer. */
const SAVE_DELAY_MS = 800;
const IDLE: SaveStatus = { state: 'idle' };

type Loaded = { status: 'loading' } | { status: 'ready'; response: Response } | { status: 'error'; error: ApiError };

/** A wrong, expired or withdrawn link: one page for all, which does not say whether the survey exists. */
function LinkProblem() {
  const { t } = useTranslation();
  useDocumentTitle(t('survey.respond.linkProblem.title'));
  return (
    <div className="narrow">
      <PageHeading>{t('survey.respond.linkProblem.title')}</PageHeading>
      <Paragraph>{t('survey.respond.linkProblem.text')}</Paragraph>
      <Paragraph>{t('survey.respond.linkProblem.next')}</Paragraph>
    </div>
  );
}

function LoadFailed({ error, retry }: { error: ApiError; retry: () => void }) {
  const { t } = useTranslation();
  useDocumentTitle(t('survey.respond.failed'));
  return (
    <div className="narrow">
      <PageHeading>{t('survey.respond.failed')}</PageHeading>
      <Alert data-color="danger">{error.status === 0 ? t('session.unreachable') : error.message}</Alert>
      <Button className="survey-retry" onClick={retry}>{t('survey.respond.retry')}</Button>
    </div>
  );
}

async function sendAnswer(token: string, key: string, value: unknown, questionVersion: number): Promise<SendResult> {
  try {
    await sendJson('PUT', `/api/survey-responses/${encodeURIComponent(token)}/answers/${encodeURIComponent(key)}`, { value, questionVersion });
    return { ok: true };
  } catch (error) {
    // The server's verdict on the answer itself: not tried again until it is changed.
    if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429) {
      return { ok: false, refused: true, message: error.message, field: error.field };
    }
    return { ok: false, refused: false };
  }
}

function Questionnaire({ token, response }: { token: string; response: Response }) {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const language = i18n.language as Language;
  const { round, questions } = response;
  const ordered = useMemo(() => [...questions].sort((a, b) => a.position - b.position), [questions]);
  const versions = useMemo(() => Object.fromEntries(questions.map((q) => [q.key, q.version])), [questions]);
  const context = useMemo(() => ({ language, catalogue: response.catalogue }), [language, response.catalogue]);

  const localCopy = useRef<LocalCopy>(null);
  localCopy.current ??= openLocalCopy(token);
  const [restored] = useState(() => {
    const server: Record<string, ServerAnswer> = Object.fromEntries(
      Object.entries(response.answers).map(([key, answer]) => [key, { value: answer.value, questionVersion: answer.questionVersion, updatedAt: toLocalTime(new Date(answer.updatedAt)) }]),
    );
    return mergeAnswers(server, localCopy.current!.read(), versions);
  });
  const [values, setValues] = useState<Record<string, unknown>>(restored.values);
  const [statuses, setStatuses] = useState<Record<string, SaveStatus>>({});
  // The submission reads the statuses after waiting for the last saves, past this render's copy.
  const latestStatuses = useRef<Record<string, SaveStatus>>({});
  const [submittedAt, setSubmittedAt] = useState<string | null>(response.submittedAt);
  /** Submissions made on this page; each moves focus to the receipt, so it is read out. */
  const [receipts, setReceipts] = useState(0);
  const receipt = receipts > 0;
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const receiptHeading = useRef<HTMLHeadingElement>(null);

  /** A refusal of the server with the part it names as the form shows it ("Project 2: Year"). */
  const readable = (key: string, message: string, field: string | undefined) => {
    const question = ordered.find((q) => q.key === key);
    return question ? readableProblem(message, field, question, language, response.catalogue, t('survey.respond.entry')) : message;
  };
  const queue = useRef<SaveQueue>(null);
  queue.current ??= createSaveQueue({
    delayMs: SAVE_DELAY_MS,
    send: async (key, value) => {
      const result = await sendAnswer(token, key, value, versions[key] ?? 1);
      return result.ok || !result.refused ? result : { ...result, message: readable(key, result.message, result.field) };
    },
    onStatus: (key, status) => {
      latestStatuses.current = { ...latestStatuses.current, [key]: status };
      setStatuses(latestStatuses.current);
    },
    onSaved: (key, value) => localCopy.current?.saved(key, value),
  });

  useEffect(() => {
    const saves = queue.current!;
    localCopy.current!.forget(restored.outdated);
    // Edits this browser kept from last time go to the server now.
    for (const key of restored.unsaved) saves.edit(key, restored.values[key]);
    const online = () => void saves.flush();
    window.addEventListener('online', online);
    window.addEventListener('pagehide', online);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('pagehide', online);
    };
  }, [restored]);
  useEffect(() => () => queue.current?.dispose(), []);
  useEffect(() => {
    if (receipts > 0) receiptHeading.current?.focus();
  }, [receipts]);

  const change = useCallback(
    (key: string, value: unknown) => {
      setValues((previous) => ({ ...previous, [key]: value }));
      localCopy.current?.put(key, { value, questionVersion: versions[key] ?? 1, editedAt: Date.now() });
      queue.current?.edit(key, value);
    },
    [versions],
  );

  const progress = progressOf(ordered, values);
  const sections = sectionsOf(ordered);
  const fieldIds = Object.fromEntries(ordered.map((q) => [q.key, questionId(q.key, 'first')]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    setBusy(true);
    try {
      await queue.current!.flush();
      const found: FormProblem[] = [];
      for (const question of ordered) {
        const status = latestStatuses.current[question.key];
        if (status?.state === 'invalid') found.push({ field: question.key, message: `${questionLabel(question.definition, language)}: ${status.message}` });
        else if (progress.missingRequired.includes(question.key)) found.push({ field: question.key, message: t('survey.respond.missing', { question: questionLabel(question.definition, language) }) });
      }
      if (queue.current!.hasUnsaved()) found.push({ message: t('survey.respond.notAllSaved') });
      setProblems(found);
      if (found.length > 0) return;
      const answer = await sendJson<{ submittedAt: string }>('POST', `/api/survey-responses/${encodeURIComponent(token)}/submit`);
      setSubmittedAt(answer!.submittedAt);
      setReceipts((n) => n + 1);
    } catch (error) {
      const field = error instanceof ApiError ? error.field : undefined;
      const question = ordered.find((q) => q.key === field || (field ?? '').startsWith(`${q.key}.`));
      const message = error instanceof ApiError && error.status !== 0 ? (question ? readable(question.key, error.message, field) : error.message) : t('session.unreachable');
      setProblems([{ field: question?.key, message }]);
      if (question) setTimeout(() => (document.getElementById(problemTarget(question, field?.slice(question.key.length + 1))) ?? document.getElementById(questionId(question.key, 'first')))?.focus());
    } finally {
      setBusy(false);
    }
  };

  const paragraphs = round.introduction.split(/\n\s*\n/).filter((p) => p.trim() !== '');

  return (
    <div className="survey-respond">
      <PageHeading>{round.title}</PageHeading>
      <Paragraph className="survey-respond__for">{t('survey.respond.answeringFor', { name: response.respondent.name })}</Paragraph>
      {paragraphs.map((text, index) => (
        <Paragraph key={index} className="survey-respond__intro">{text}</Paragraph>
      ))}
      <Paragraph data-size="sm">{t('survey.respond.deadline', { date: names.dateTime(round.closesAt) })}</Paragraph>
      <Paragraph data-size="sm" className="survey-respond__autosave">{t('survey.respond.autosaveNote')}</Paragraph>
      {restored.unsaved.length > 0 && <Alert data-color="info" data-size="sm">{t('survey.respond.restored', { count: restored.unsaved.length })}</Alert>}
      {submittedAt && !receipt && <Alert data-color="success" data-size="sm">{t('survey.respond.alreadySubmitted', { date: names.dateTime(submittedAt), closes: names.dateTime(round.closesAt) })}</Alert>}
      <ProgressLine id="survey-progress-top" answered={progress.answered} total={progress.total} />

      <form className="survey-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="survey-form-title">
        <h2 id="survey-form-title" className="sr-only">{t('survey.respond.formTitle')}</h2>
        {sections.map((section, index) => {
          const title = sectionTitle(section.key, language);
          const headingId = `section-${index}`;
          return (
            <section key={`${section.key}-${index}`} className="survey-section" aria-labelledby={title ? headingId : undefined}>
              {title && <Heading level={2} data-size="sm" id={headingId}>{title}</Heading>}
              {section.questions.map((question) => (
                <QuestionView key={question.key} question={question} value={values[question.key]} status={statuses[question.key] ?? IDLE} context={context} onChange={change} />
              ))}
            </section>
          );
        })}
        <div className="survey-submit">
          <ProgressLine id="survey-progress-bottom" answered={progress.answered} total={progress.total} />
          <FormErrorSummary problems={problems} fieldIds={fieldIds} attempt={attempt} />
          {receipt && submittedAt && (
            <Alert data-color="success" className="survey-receipt">
              <Heading level={2} data-size="xs" ref={receiptHeading} tabIndex={-1}>{t('survey.respond.thanks')}</Heading>
              <Paragraph>{t('survey.respond.thanksText', { date: names.dateTime(round.closesAt) })}</Paragraph>
            </Alert>
          )}
          <Button type="submit" loading={busy} aria-disabled={busy || undefined}>
            {submittedAt ? t('survey.respond.submitAgain') : t('survey.respond.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}

function ProgressLine({ id, answered, total }: { id: string; answered: number; total: number }) {
  const { t } = useTranslation();
  return (
    <div className="survey-progress">
      <span id={id}>{t('survey.respond.progress', { answered, total })}</span>
      <progress aria-labelledby={id} value={answered} max={Math.max(total, 1)} />
    </div>
  );
}

function Respondent({ token }: { token: string }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ status: 'loading' });
    getJson<Response>(`/api/survey-responses/${encodeURIComponent(token)}`, undefined, controller.signal).then(
      (response) => setLoaded({ status: 'ready', response }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ status: 'error', error: error instanceof ApiError ? error : new ApiError(0, String(error)) });
      },
    );
    return () => controller.abort();
    // The questions' texts come in every language at once: a language switch needs no new request.
  }, [token, generation]);
  useDocumentTitle(loaded.status === 'ready' ? loaded.response.round.title : undefined);
  if (loaded.status === 'loading') return <Spinner aria-label={t('survey.respond.loading')} data-size="lg" />;
  if (loaded.status === 'error') {
    return loaded.error.status === 404 || loaded.error.status === 400 || loaded.error.status === 410 ? <LinkProblem /> : <LoadFailed error={loaded.error} retry={() => setGeneration((n) => n + 1)} />;
  }
  return <Questionnaire token={token} response={loaded.response} />;
}

export default function RespondentPage() {
  const { token = '' } = useParams();
  return <Respondent key={token} token={token} />;
}
