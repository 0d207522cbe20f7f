/**
 * The controls of each question type, all native form elements from Designsystemet: radio groups,
 * checkboxes (with "other" as free text), radio scales with their end labels, text with a counter,
 * repeatable groups of fieldsets (one per project) and matrices as one radio group per row, which wrap
 * instead of scrolling sideways on a phone. Ids follow `questionId`, so a problem can point at a control.
 */
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Field, Fieldset, Label, Radio, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import type { Language } from '../../../src/reference/codes.js';
import {
  chooseSingle,
  entriesOf,
  numberFromText,
  toggleChoice,
  withEntryAdded,
  withEntryField,
  withEntryRemoved,
  withMatrixRow,
  withOtherText,
  type ChoicesValue,
  type ChoiceValue,
} from './answers.js';
import {
  DEFAULT_MAX_ENTRIES,
  OTHER,
  OTHER_TEXT_LIMIT,
  choicesOf,
  entryFieldId,
  fieldLabel,
  isMultiline,
  localised,
  matrixColumnsOf,
  matrixRowsOf,
  questionId,
  scaleSteps,
  singleChoiceControl,
  textLimit,
  type ChoiceItem,
} from './question-view.js';
import type { CatalogueEntry, GroupField, QuestionDefinition } from './types.js';

export interface ControlContext {
  language: Language;
  catalogue: readonly CatalogueEntry[];
}

const asRecord = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** The "(required)" after a label. */
function RequiredMark({ required }: { required: boolean }) {
  const { t } = useTranslation();
  return required ? <span className="survey-required"> ({t('survey.respond.required')})</span> : null;
}

interface ChoiceProps {
  idBase: string;
  legend: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  items: ChoiceItem[];
  allowOther: boolean;
}

/** One choice: radios (or a dropdown for many options) and, when allowed, "other" with its text. */
export function SingleChoice({ idBase, legend, description, error, items, allowOther, value, onChange }: ChoiceProps & { value: unknown; onChange: (value: ChoiceValue | undefined) => void }) {
  const { t } = useTranslation();
  const current = asRecord(value) as Partial<ChoiceValue>;
  const chosen = current.choice ?? '';
  const otherText = typeof current.other === 'string' ? current.other : '';
  const all = allowOther ? [...items, { value: OTHER, label: t('survey.respond.other') }] : items;
  const otherField = allowOther && chosen === OTHER && (
    <Textfield
      id={`${idBase}-${OTHER}`}
      label={t('survey.respond.otherText')}
      value={otherText}
      maxLength={OTHER_TEXT_LIMIT}
      onChange={(event) => onChange(chooseSingle(value, OTHER, event.target.value))}
    />
  );
  if (singleChoiceControl(all.length) === 'select') {
    return (
      <Field className="survey-control">
        <Label htmlFor={`${idBase}-first`}>{legend}</Label>
        {description}
        <Select id={`${idBase}-first`} value={chosen} onChange={(event) => onChange(event.target.value === '' ? undefined : chooseSingle(value, event.target.value))} aria-invalid={error ? true : undefined}>
          <Select.Option value="">{t('survey.respond.choose')}</Select.Option>
          {all.map((item) => (
            <Select.Option key={item.value} value={item.value}>{item.label}</Select.Option>
          ))}
        </Select>
        {error && <ValidationMessage>{error}</ValidationMessage>}
        {otherField}
      </Field>
    );
  }
  return (
    <Fieldset className="survey-control">
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {description}
      {all.map((item, index) => (
        <Radio
          key={item.value}
          id={index === 0 ? `${idBase}-first` : `${idBase}-option-${item.value}`}
          name={idBase}
          label={item.label}
          value={item.value}
          checked={chosen === item.value}
          onChange={() => onChange(chooseSingle(value, item.value))}
          aria-invalid={error ? true : undefined}
        />
      ))}
      {otherField}
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}

/** Several choices as checkboxes; "other" is free text beside them. */
export function MultipleChoice({ idBase, legend, description, error, items, allowOther, value, onChange }: ChoiceProps & { value: unknown; onChange: (value: ChoicesValue) => void }) {
  const { t } = useTranslation();
  const current = asRecord(value) as Partial<ChoicesValue>;
  const chosen = new Set(current.choices ?? []);
  return (
    <Fieldset className="survey-control">
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {description}
      <div className="survey-checkboxes">
        {items.map((item, index) => (
          <Checkbox
            key={item.value}
            id={index === 0 ? `${idBase}-first` : `${idBase}-option-${item.value}`}
            label={item.label}
            value={item.value}
            checked={chosen.has(item.value)}
            onChange={(event) => onChange(toggleChoice(value, item.value, event.target.checked))}
          />
        ))}
      </div>
      {allowOther && (
        <Textfield
          id={`${idBase}-${OTHER}`}
          label={t('survey.respond.otherAlso')}
          value={typeof current.other === 'string' ? current.other : ''}
          maxLength={OTHER_TEXT_LIMIT}
          onChange={(event) => onChange(withOtherText(value, event.target.value))}
        />
      )}
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}

/** A scale as a row of radios, numbered, with the ends' meaning written under them. */
export function ScaleChoice({
  idBase,
  legend,
  description,
  error,
  scale,
  language,
  value,
  onChange,
}: Omit<ChoiceProps, 'items' | 'allowOther'> & { scale: Extract<QuestionDefinition, { type: 'scale' }>['scale']; language: Language; value: unknown; onChange: (value: number) => void }) {
  const steps = scaleSteps(scale, language);
  return (
    <Fieldset className="survey-control">
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {description}
      <div className="survey-scale">
        {steps.map((step, index) => (
          <Radio
            key={step.value}
            id={index === 0 ? `${idBase}-first` : `${idBase}-option-${step.value}`}
            name={idBase}
            label={String(step.value)}
            description={step.endLabel}
            value={String(step.value)}
            checked={value === step.value}
            onChange={() => onChange(step.value)}
            aria-invalid={error ? true : undefined}
          />
        ))}
      </div>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}

/** Free text; long text gets a text area, and every text shows how much room is left. */
export function TextAnswer({
  id,
  label,
  description,
  error,
  limit,
  multiline,
  value,
  onChange,
}: { id: string; label: ReactNode; description?: string | undefined; error?: ReactNode; limit: number; multiline: boolean; value: unknown; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const text = typeof value === 'string' ? value : '';
  const counter = { limit, under: t('survey.respond.charactersLeft'), over: t('survey.respond.charactersOver') };
  const common = { id, label, description, error, value: text, counter, className: 'survey-control' };
  return multiline ? (
    <Textfield {...common} multiline rows={4} onChange={(event) => onChange(event.target.value)} />
  ) : (
    <Textfield {...common} onChange={(event) => onChange(event.target.value)} />
  );
}

/** One field of a group's entry, by its type. */
function GroupFieldControl({ field, idBase, value, context, onChange }: { field: GroupField; idBase: string; value: unknown; context: ControlContext; onChange: (value: unknown) => void }) {
  const legend = (
    <>
      {fieldLabel(field, context.language)}
      <RequiredMark required={field.required ?? false} />
    </>
  );
  switch (field.type) {
    case 'single':
      return <SingleChoice idBase={idBase} legend={legend} items={choicesOf(field, context.catalogue, context.language)} allowOther={field.allowOther ?? false} value={value} onChange={onChange} />;
    case 'multiple':
      return <MultipleChoice idBase={idBase} legend={legend} items={choicesOf(field, context.catalogue, context.language)} allowOther={field.allowOther ?? false} value={value} onChange={onChange} />;
    case 'scale':
      return <ScaleChoice idBase={idBase} legend={legend} scale={field.scale} language={context.language} value={value} onChange={onChange} />;
    case 'text':
      return <TextAnswer id={`${idBase}-first`} label={legend} limit={textLimit(field)} multiline={isMultiline(field, true)} value={value} onChange={onChange} />;
    case 'number':
      return (
        <Textfield
          id={`${idBase}-first`}
          className="survey-control survey-number"
          label={legend}
          inputMode="numeric"
          value={value === undefined ? '' : String(value)}
          onChange={(event) => onChange(numberFromText(event.target.value))}
        />
      );
  }
}

/** Entries (e.g. one per project) as fieldsets with their fields; add one, remove one. */
export function GroupAnswer({
  questionKey,
  definition,
  error,
  value,
  context,
  onChange,
}: {
  questionKey: string;
  definition: Extract<QuestionDefinition, { type: 'group' }>;
  error?: ReactNode;
  value: unknown;
  context: ControlContext;
  onChange: (value: unknown) => void;
}) {
  const { t } = useTranslation();
  const addButton = useRef<HTMLButtonElement>(null);
  const entries = entriesOf(value);
  const entryName = localised(definition.entryLabel, context.language) ?? t('survey.respond.entry');
  const maxEntries = definition.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const focusLater = (id: string) => setTimeout(() => document.getElementById(id)?.focus());
  const add = () => {
    onChange(withEntryAdded(value));
    // The new entry's first field takes focus, so a keyboard user goes on typing there.
    const firstField = definition.fields[0];
    if (firstField) focusLater(entryFieldId(questionKey, entries.length, firstField.key));
  };
  const remove = (index: number) => {
    onChange(withEntryRemoved(value, index));
    setTimeout(() => addButton.current?.focus());
  };
  return (
    <div className="survey-group">
      {entries.length === 0 && <p className="survey-group__empty">{t('survey.respond.noEntries', { entry: entryName.toLocaleLowerCase() })}</p>}
      {entries.map((entry, index) => (
        // Entries have no identity of their own; their place in the list is what the answer stores.
        <Fieldset key={index} className="survey-entry">
          <Fieldset.Legend className="survey-entry__legend">{`${entryName} ${index + 1}`}</Fieldset.Legend>
          {definition.fields.map((field) => (
            <GroupFieldControl
              key={field.key}
              field={field}
              idBase={questionId(questionKey, `${index}-${field.key}`)}
              value={entry[field.key]}
              context={context}
              onChange={(fieldValue) => onChange(withEntryField(value, index, field.key, fieldValue))}
            />
          ))}
          <div className="form-actions">
            <Button variant="tertiary" data-color="danger" data-size="sm" onClick={() => remove(index)}>
              {t('survey.respond.removeEntry', { entry: `${entryName.toLocaleLowerCase()} ${index + 1}` })}
            </Button>
          </div>
        </Fieldset>
      ))}
      {error && <ValidationMessage>{error}</ValidationMessage>}
      {entries.length < maxEntries && (
        <Button variant="secondary" ref={addButton} onClick={add} id={questionId(questionKey, entries.length === 0 ? 'first' : 'add')}>
          {t('survey.respond.addEntry', { entry: entryName.toLocaleLowerCase() })}
        </Button>
      )}
    </div>
  );
}

/** One radio group per row (e.g. per programme): the row names the group, the columns its choices. */
export function MatrixAnswer({
  questionKey,
  definition,
  error,
  value,
  context,
  onChange,
}: {
  questionKey: string;
  definition: Extract<QuestionDefinition, { type: 'matrix' }>;
  error?: ReactNode;
  value: unknown;
  context: ControlContext;
  onChange: (value: unknown) => void;
}) {
  const rows = matrixRowsOf(definition, context.catalogue, context.language);
  const columns = matrixColumnsOf(definition, context.language);
  const current = asRecord(value);
  return (
    <div className="survey-matrix">
      {rows.map((row, rowIndex) => {
        const name = questionId(questionKey, `row-${row.value}`);
        return (
          <Fieldset key={row.value} className="survey-matrix__row" data-size="sm">
            <Fieldset.Legend className="survey-matrix__legend">{row.label}</Fieldset.Legend>
            <div className="survey-matrix__choices">
              {columns.map((column, columnIndex) => (
                <Radio
                  key={column.value}
                  id={columnIndex > 0 ? `${name}-${column.value}` : rowIndex === 0 ? questionId(questionKey, 'first') : name}
                  name={name}
                  label={column.label}
                  value={column.value}
                  checked={current[row.value] === column.value}
                  onChange={() => onChange(withMatrixRow(value, row.value, column.value))}
                />
              ))}
            </div>
          </Fieldset>
        );
      })}
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </div>
  );
}

export { RequiredMark };
