/** One question of the form: its control by type, and a quiet line that says whether the answer is saved. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Fieldset } from '@digdir/designsystemet-react';
import type { SaveStatus } from './autosave.js';
import { type ControlContext, GroupAnswer, MatrixAnswer, MultipleChoice, RequiredMark, ScaleChoice, SingleChoice, TextAnswer } from './QuestionControls.js';
import { choicesOf, isMultiline, questionHelp, questionId, questionLabel, textLimit } from './question-view.js';
import type { Question } from './types.js';

/** Polite, short, and only about this question; a refusal is read out with its reason. */
function SaveLine({ status }: { status: SaveStatus }) {
  const { t } = useTranslation();
  const text =
    status.state === 'saving'
      ? t('survey.save.saving')
      : status.state === 'saved'
        ? t('survey.save.saved')
        : status.state === 'failed'
          ? t('survey.save.failed')
          : status.state === 'invalid'
            ? t('survey.save.invalid', { message: status.message })
            : '';
  return (
    <p className={`survey-save survey-save--${status.state}`} aria-live="polite">
      {status.state === 'invalid' ? <span className="sr-only">{text}</span> : text}
    </p>
  );
}

export interface QuestionViewProps {
  question: Question;
  value: unknown;
  status: SaveStatus;
  context: ControlContext;
  onChange(key: string, value: unknown): void;
}

export const QuestionView = memo(function QuestionView({ question, value, status, context, onChange }: QuestionViewProps) {
  const { key, definition, required } = question;
  const { language, catalogue } = context;
  const label = (
    <>
      {questionLabel(definition, language)}
      <RequiredMark required={required} />
    </>
  );
  const help = questionHelp(definition, language);
  const description = help ? <Fieldset.Description>{help}</Fieldset.Description> : undefined;
  const error = status.state === 'invalid' ? status.message : undefined;
  const change = (next: unknown) => onChange(key, next);
  const idBase = questionId(key);
  const control = (() => {
    switch (definition.type) {
      case 'single':
        return <SingleChoice idBase={idBase} legend={label} description={description} error={error} items={choicesOf(definition, catalogue, language)} allowOther={definition.allowOther ?? false} value={value} onChange={change} />;
      case 'multiple':
        return <MultipleChoice idBase={idBase} legend={label} description={description} error={error} items={choicesOf(definition, catalogue, language)} allowOther={definition.allowOther ?? false} value={value} onChange={change} />;
      case 'scale':
        return <ScaleChoice idBase={idBase} legend={label} description={description} error={error} scale={definition.scale} language={language} value={value} onChange={change} />;
      case 'text':
        return <TextAnswer id={questionId(key, 'first')} label={label} description={help} error={error} limit={textLimit(definition)} multiline={isMultiline(definition, false)} value={value} onChange={change} />;
      case 'group':
      case 'matrix':
        return (
          <Fieldset className="survey-control">
            <Fieldset.Legend>{label}</Fieldset.Legend>
            {description}
            {definition.type === 'group' ? (
              <GroupAnswer questionKey={key} definition={definition} error={error} value={value} context={context} onChange={change} />
            ) : (
              <MatrixAnswer questionKey={key} definition={definition} error={error} value={value} context={context} onChange={change} />
            )}
          </Fieldset>
        );
    }
  })();
  return (
    <div className="survey-question" id={`question-${key}`}>
      {control}
      <SaveLine status={status} />
    </div>
  );
});
