/**
 * The round's questions by section, each with how many have answered it; a question's wording (label,
 * help, the labels of its choices) can be edited per language. When answers exist the server warns
 * that the change makes a new version; the coordinator confirms, and earlier answers stay with the
 * wording they were given to.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Checkbox, Field, Fieldset, Heading, Label, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { LANGUAGES, type Language } from '../../../src/reference/codes.js';
import { ApiError, sendJson } from '../app/api.js';
import { LANGUAGE_NAMES } from '../app/i18n.js';
import { StatusMessage } from '../app/StatusMessage.js';
import { useAnnouncement } from '../admin/feedback.js';
import { ListResource } from '../admin/confirmed-action.js';
import { asApiError, useResource } from '../admin/resource.js';
import { hasBlankLabel, optionListsOf, withOptionLabel, withQuestionText } from './question-edit.js';
import { localised, questionLabel, sectionTitle, sectionsOf } from './question-view.js';
import type { ItemList, Round, RoundQuestion } from './types.js';

type Warning = { message: string } | null;

function QuestionEditor({ round, question, onDone, onCancel }: { round: Round; question: RoundQuestion; onDone: (message: string) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<Language>(i18n.language as Language);
  const [definition, setDefinition] = useState(question.definition);
  const [required, setRequired] = useState(question.required);
  const [warning, setWarning] = useState<Warning>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const idBase = `edit-${question.key}`;
  const texts = definition.texts[language];

  const save = async (confirmNewVersion: boolean) => {
    if (pending) return;
    if (hasBlankLabel(definition)) {
      setError(t('survey.questions.blankLabel'));
      return;
    }
    setPending(true);
    setError(null);
    try {
      await sendJson('PUT', `/api/surveys/rounds/${round.id}/questions/${encodeURIComponent(question.key)}`, {
        section: question.section,
        required,
        definition,
        ...(confirmNewVersion ? { confirmNewVersion: true } : {}),
      });
      onDone(confirmNewVersion ? t('survey.questions.savedNewVersion') : t('survey.questions.saved'));
    } catch (caught) {
      const failure = asApiError(caught);
      // Answers exist: the server explains what a change means; the change waits for a yes.
      if (failure instanceof ApiError && failure.status === 409 && !confirmNewVersion) setWarning({ message: failure.message });
      else setError(failure.status === 0 ? t('session.unreachable') : failure.message);
    } finally {
      setPending(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  return (
    <form className="admin-form survey-options-editor" noValidate onSubmit={submit} aria-label={t('survey.questions.editing', { question: questionLabel(question.definition, i18n.language as Language) })}>
      <Field>
        <Label htmlFor={`${idBase}-language`}>{t('survey.questions.textLanguage')}</Label>
        <Select id={`${idBase}-language`} value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
          {LANGUAGES.map((choice) => (
            <Select.Option key={choice} value={choice} lang={choice}>{LANGUAGE_NAMES[choice]}</Select.Option>
          ))}
        </Select>
      </Field>
      <Textfield id={`${idBase}-label`} label={t('survey.questions.label')} lang={language} value={texts?.label ?? ''} onChange={(event) => setDefinition(withQuestionText(definition, language, 'label', event.target.value))} />
      <Textfield id={`${idBase}-help`} label={t('survey.questions.help')} lang={language} multiline rows={2} value={texts?.help ?? ''} onChange={(event) => setDefinition(withQuestionText(definition, language, 'help', event.target.value))} />
      {optionListsOf(definition).map(({ list, items }) => (
        <Fieldset key={list}>
          <Fieldset.Legend>{t(`survey.questions.list.${list}`)}</Fieldset.Legend>
          {items.map((item, index) => (
            <Textfield
              key={item.value}
              id={`${idBase}-${list}-${index}`}
              label={t('survey.questions.optionLabel', { number: index + 1, key: item.value })}
              lang={language}
              value={item.labels[language] ?? ''}
              onChange={(event) => setDefinition(withOptionLabel(definition, list, index, language, event.target.value))}
            />
          ))}
        </Fieldset>
      ))}
      <Checkbox label={t('survey.questions.required')} checked={required} onChange={(event) => setRequired(event.target.checked)} />
      {warning && (
        <Alert data-color="warning" role="alert">
          <Heading level={4} data-size="2xs">{t('survey.questions.answersExist', { count: question.answerCount })}</Heading>
          <Paragraph>{warning.message}</Paragraph>
          <div className="form-actions">
            <Button data-color="danger" loading={pending} onClick={() => void save(true)}>{t('survey.questions.confirmNewVersion')}</Button>
            <Button variant="secondary" onClick={() => setWarning(null)}>{t('survey.questions.keepEditing')}</Button>
          </div>
        </Alert>
      )}
      {error && (
        <Alert data-color="danger" data-size="sm" role="alert">
          {error}
        </Alert>
      )}
      <div className="form-actions">
        <Button type="submit" loading={pending && !warning}>{t('survey.questions.save')}</Button>
        <Button variant="secondary" onClick={onCancel}>{t('survey.questions.cancel')}</Button>
      </div>
    </form>
  );
}

export function QuestionsSection({ round }: { round: Round }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { resource, reload } = useResource<ItemList<RoundQuestion>>(`/api/surveys/rounds/${round.id}/questions`);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, announce] = useAnnouncement();
  const finish = (key: string) => {
    setEditing(null);
    setTimeout(() => document.getElementById(`edit-button-${key}`)?.focus());
  };
  return (
    <section aria-labelledby="questions-heading" className="admin-section">
      <Heading level={2} data-size="sm" id="questions-heading">{t('survey.questions.heading')}</Heading>
      {round.mayCoordinate && <Paragraph data-size="sm">{t('survey.questions.intro')}</Paragraph>}
      <StatusMessage className="admin-feedback" done={notice} />
      <ListResource resource={resource} none={t('survey.questions.none')}>
        {(questions) =>
          sectionsOf(questions).map((section) => (
            <div key={section.key}>
              <Heading level={3} data-size="xs">{sectionTitle(section.key, language) || t('survey.questions.otherSection')}</Heading>
              <ul className="survey-questions">
                {section.questions.map((question) => (
                  <li key={question.key}>
                    <div className="survey-question-head">
                      <p>{questionLabel(question.definition, language)}</p>
                      <div className="tag-row">
                        <Tag data-size="sm" data-color="neutral">{t(`survey.questionType.${question.type}`)}</Tag>
                        {question.required && <Tag data-size="sm" data-color="warning">{t('survey.questions.requiredTag')}</Tag>}
                        <Tag data-size="sm" data-color="info">{t('survey.questions.answerCount', { count: question.answerCount })}</Tag>
                        {question.version > 1 && <Tag data-size="sm" data-color="neutral">{t('survey.questions.version', { version: question.version })}</Tag>}
                      </div>
                    </div>
                    {localised(question.definition.texts, language)?.help && <Paragraph data-size="sm">{localised(question.definition.texts, language)?.help}</Paragraph>}
                    {!round.mayCoordinate ? null : editing === question.key ? (
                      <QuestionEditor
                        round={round}
                        question={question}
                        onCancel={() => finish(question.key)}
                        onDone={(message) => {
                          announce(message);
                          reload();
                          finish(question.key);
                        }}
                      />
                    ) : (
                      <Button
                        id={`edit-button-${question.key}`}
                        variant="tertiary"
                        data-size="sm"
                        aria-label={t('survey.questions.editNamed', { question: questionLabel(question.definition, language) })}
                        onClick={() => setEditing(question.key)}
                      >
                        {t('survey.questions.edit')}
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))
        }
      </ListResource>
    </section>
  );
}
