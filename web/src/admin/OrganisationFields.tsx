/**
 * The fields of an organisation, shared by the "new organisation" form and the details form: placement
 * in the tree, name, organisation number (checked as it is typed, and looked up in Enhetsregisteret to
 * fill in the name), country, written standard and theme colour.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, Fieldset, Input, Label, Paragraph, Radio, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { checkOrgNumber } from '../../../src/organisations/org-number.js';
import { getJson } from '../app/api.js';
import { useAdminNames } from './names.js';
import { asApiError } from './resource.js';
import { TOP_LEVEL, type OrganisationFormValues } from './rules.js';
import type { Placement } from './tree.js';

/** Nordic countries first (where most partners are), then the rest of the EEA, Switzerland and the UK. */
const NORDIC = ['NO', 'SE', 'DK', 'FI', 'IS'];
const OTHER_COUNTRIES = ['AT', 'BE', 'BG', 'CH', 'CY', 'CZ', 'DE', 'EE', 'ES', 'FR', 'GB', 'GR', 'HR', 'HU', 'IE', 'IT', 'LI', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SI', 'SK'];

function useCountryChoices(current: string): Array<{ code: string; name: string }> {
  const { locales } = useAdminNames();
  const names = new Intl.DisplayNames(locales, { type: 'region' });
  const collator = new Intl.Collator(locales);
  const named = (code: string) => ({ code, name: names.of(code) ?? code });
  const others = [...OTHER_COUNTRIES, ...(NORDIC.includes(current) || OTHER_COUNTRIES.includes(current) ? [] : [current])].map(named).sort((a, b) => collator.compare(a.name, b.name));
  return [...NORDIC.map(named), ...others];
}

export interface FieldErrors {
  fieldError(field: string): string | undefined;
}

interface ParentFieldProps extends FieldErrors {
  idPrefix: string;
  value: string;
  choices: readonly Placement[];
  /** Offer the top level (system administrators, for kinds that may stand alone). */
  topLevel: boolean;
  /** The present place when it is none of the choices (the person may not place organisations there). */
  current?: { value: string; label: string } | undefined;
  label: string;
  onChange(parentId: string): void;
}

/** Indented in tree order, with the kind, so the county ⊃ municipality ⊃ unit structure reads in the list. */
export function ParentField({ idPrefix, value, choices, topLevel, current, label, fieldError, onChange }: ParentFieldProps) {
  const { t } = useTranslation();
  const names = useAdminNames();
  const error = fieldError('parentId');
  return (
    <Field>
      <Label htmlFor={`${idPrefix}parentId`}>{label}</Label>
      <Select id={`${idPrefix}parentId`} value={value} onChange={(event) => onChange(event.target.value)} aria-invalid={error ? true : undefined}>
        {topLevel && <Select.Option value={TOP_LEVEL}>{t('admin.form.topLevel')}</Select.Option>}
        {current && <Select.Option value={current.value}>{current.label}</Select.Option>}
        {choices.map(({ organisation, depth }) => (
          <Select.Option key={organisation.id} value={organisation.id}>
            {`${'\u00a0\u00a0\u00a0'.repeat(depth)}${organisation.name} (${names.kind(organisation.kind)})`}
          </Select.Option>
        ))}
      </Select>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}

type Lookup =
  | { status: 'idle' }
  | { status: 'invalid'; problem: 'not-nine-digits' | 'check-digit' }
  | { status: 'checking' }
  | { status: 'found'; name: string }
  | { status: 'not-found' }
  | { status: 'unavailable' };

const LOOKUP_DELAY_MS = 300;

/** Checks the number as it is typed; a valid one is looked up in Enhetsregisteret, whose name `onFound` receives. */
function useOrgNumberLookup(input: string, onFound: (name: string) => void): Lookup {
  const [lookup, setLookup] = useState<Lookup>({ status: 'idle' });
  const found = useRef(onFound);
  found.current = onFound;
  useEffect(() => {
    if (input.trim() === '') return setLookup({ status: 'idle' });
    const checked = checkOrgNumber(input);
    if (!checked.ok) {
      // Still typing: say nothing until there are nine characters to judge.
      return setLookup(checked.normalised.length < 9 ? { status: 'idle' } : { status: 'invalid', problem: checked.problem });
    }
    const controller = new AbortController();
    setLookup({ status: 'checking' });
    const timer = setTimeout(() => {
      getJson<{ name: string }>('/api/organisations/lookup', new URLSearchParams({ number: checked.number }), controller.signal).then(
        (organisation) => {
          setLookup({ status: 'found', name: organisation.name });
          found.current(organisation.name);
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setLookup({ status: asApiError(error).status === 404 ? 'not-found' : 'unavailable' });
        },
      );
    }, LOOKUP_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [input]);
  return lookup;
}

interface OrganisationFieldsProps extends FieldErrors {
  idPrefix: string;
  values: OrganisationFormValues;
  /** The number already saved: it is neither checked nor looked up again. */
  savedOrgNumber?: string;
  onChange(change: Partial<OrganisationFormValues>): void;
}

export function OrganisationFields({ idPrefix, values, savedOrgNumber, onChange, fieldError }: OrganisationFieldsProps) {
  const { t } = useTranslation();
  const countries = useCountryChoices(values.country);
  // The name is filled in from the register only while it is empty or still the register's own suggestion.
  const suggested = useRef<string | null>(null);
  const latest = useRef(values);
  latest.current = values;
  const lookup = useOrgNumberLookup(values.orgNumber === savedOrgNumber ? '' : values.orgNumber, (registered) => {
    const name = latest.current.name.trim();
    if (name === '' || name === suggested.current) {
      suggested.current = registered;
      onChange({ name: registered });
    }
  });
  const orgNumberError = fieldError('orgNumber') ?? (lookup.status === 'invalid' ? t(`admin.form.orgNumberProblem.${lookup.problem}`) : undefined);
  return (
    <>
      <Field>
        <Label htmlFor={`${idPrefix}orgNumber`}>{t('admin.form.orgNumber')}</Label>
        <Field.Description>{t('admin.form.orgNumberHelp')}</Field.Description>
        <Input
          id={`${idPrefix}orgNumber`}
          inputMode="numeric"
          autoComplete="off"
          value={values.orgNumber}
          onChange={(event) => onChange({ orgNumber: event.target.value })}
          aria-invalid={orgNumberError ? true : undefined}
        />
        {orgNumberError && <ValidationMessage>{orgNumberError}</ValidationMessage>}
        <Paragraph role="status" data-size="sm" className="admin-lookup">
          {lookup.status === 'checking' && t('admin.form.lookup.checking')}
          {lookup.status === 'found' && t('admin.form.lookup.found', { name: lookup.name })}
          {lookup.status === 'not-found' && t('admin.form.lookup.notFound')}
          {lookup.status === 'unavailable' && t('admin.form.lookup.unavailable')}
        </Paragraph>
      </Field>
      <Textfield
        id={`${idPrefix}name`}
        label={t('admin.form.name')}
        value={values.name}
        required
        maxLength={200}
        autoComplete="organization"
        onChange={(event) => onChange({ name: event.target.value })}
        error={fieldError('name')}
      />
      <Field>
        <Label htmlFor={`${idPrefix}country`}>{t('admin.form.country')}</Label>
        <Select id={`${idPrefix}country`} value={values.country} onChange={(event) => onChange({ country: event.target.value })}>
          {countries.map(({ code, name }) => (
            <Select.Option key={code} value={code}>{name}</Select.Option>
          ))}
        </Select>
        {fieldError('country') && <ValidationMessage>{fieldError('country')}</ValidationMessage>}
      </Field>
      <Fieldset>
        <Fieldset.Legend>{t('admin.form.writtenStandard')}</Fieldset.Legend>
        <Fieldset.Description>{t('admin.form.writtenStandardHelp')}</Fieldset.Description>
        {(['nb', 'nn'] as const).map((standard, index) => (
          <Radio
            key={standard}
            id={index === 0 ? `${idPrefix}writtenStandard` : undefined}
            name={`${idPrefix}writtenStandard`}
            value={standard}
            label={t(`admin.writtenStandard.${standard}`)}
            checked={values.writtenStandard === standard}
            onChange={() => onChange({ writtenStandard: standard })}
          />
        ))}
        {fieldError('writtenStandard') && <ValidationMessage>{fieldError('writtenStandard')}</ValidationMessage>}
      </Fieldset>
      <Field className="admin-colour">
        <Label htmlFor={`${idPrefix}themeColour`}>{t('admin.form.themeColour')}</Label>
        <Field.Description>{t('admin.form.themeColourHelp', { colour: values.themeColour.toUpperCase() })}</Field.Description>
        <Input id={`${idPrefix}themeColour`} type="color" value={values.themeColour} onChange={(event) => onChange({ themeColour: event.target.value.toUpperCase() })} />
        {fieldError('themeColour') && <ValidationMessage>{fieldError('themeColour')}</ValidationMessage>}
      </Field>
    </>
  );
}
