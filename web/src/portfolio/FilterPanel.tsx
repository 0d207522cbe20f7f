import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Field, Fieldset, Heading, Label, Select } from '@digdir/designsystemet-react';
import { MUNICIPAL_SECTORS } from '../../../src/reference/codes.js';
import { sdgGoals } from '../../../src/reference/sdg.js';
import { STATUSES } from '../../../src/portfolio/life-cycle.js';
import { useCodeName } from '../app/code-names.js';
import { currentLanguage } from '../app/i18n.js';
import type { OrganisationChoice, ProgrammeChoice } from './api.js';
import { activeFilterCount, OTHER_PROGRAMME, type PortfolioFilters } from './filters.js';

/** Years to filter by: from ten years back to five ahead. */
export function filterYears(today = new Date()): number[] {
  const year = today.getFullYear();
  return Array.from({ length: 16 }, (_, i) => year + 5 - i);
}

/** An organisation in a select, indented by its depth in the tree. */
export const indented = (choice: OrganisationChoice) => `${'\u2003'.repeat(choice.depth)}${choice.name}`;

/** The filters of the list and the dashboard (both keep them in the address). */
export function FilterPanel({ filters, organisations, programmes, onChange }: {
  filters: PortfolioFilters;
  organisations: readonly OrganisationChoice[];
  programmes: readonly ProgrammeChoice[];
  onChange: (change: Partial<PortfolioFilters>) => void;
}) {
  const { t } = useTranslation();
  const codeName = useCodeName();
  const language = currentLanguage();
  const ids = { organisation: useId(), programme: useId(), year: useId(), sdg: useId(), heading: useId() };
  const count = activeFilterCount({ ...filters, q: '' });
  const toggle = <T,>(list: readonly T[], value: T, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));
  return (
    <aside className="catalogue-filters portfolio-filters" aria-labelledby={ids.heading}>
      <Heading level={2} data-size="xs" id={ids.heading}>
        {t('portfolio.filters.title')} {count > 0 && <span className="sr-only">({t('portfolio.filters.active', { count })})</span>}
      </Heading>
      {count > 0 && (
        <Button variant="tertiary" data-size="sm" onClick={() => onChange({ organisation: undefined, status: [], programme: [], sector: [], year: undefined, sdg: [] })}>
          {t('portfolio.filters.clear')}
        </Button>
      )}
      <Field data-size="sm">
        <Label htmlFor={ids.organisation}>{t('portfolio.filters.organisation')}</Label>
        <Select id={ids.organisation} value={filters.organisation ?? ''} onChange={(event) => onChange({ organisation: event.target.value || undefined })}>
          <Select.Option value="">{t('portfolio.filters.allOrganisations')}</Select.Option>
          {organisations.map((choice) => (
            <Select.Option key={choice.id} value={choice.id}>{indented(choice)}</Select.Option>
          ))}
        </Select>
      </Field>
      <Fieldset data-size="sm">
        <Fieldset.Legend>{t('portfolio.filters.status')}</Fieldset.Legend>
        {STATUSES.map((status) => (
          <Checkbox key={status} name="status" value={status} label={t(`portfolio.status.${status}`)} checked={filters.status.includes(status)} onChange={(event) => onChange({ status: toggle(filters.status, status, event.target.checked) })} />
        ))}
      </Fieldset>
      <Field data-size="sm">
        <Label htmlFor={ids.programme}>{t('portfolio.filters.programme')}</Label>
        <Select id={ids.programme} value={filters.programme[0] ?? ''} onChange={(event) => onChange({ programme: event.target.value ? [event.target.value] : [] })}>
          <Select.Option value="">{t('portfolio.filters.anyProgramme')}</Select.Option>
          {programmes.map((programme) => (
            <Select.Option key={programme.id} value={programme.id}>{programme.name}</Select.Option>
          ))}
          <Select.Option value={OTHER_PROGRAMME}>{t('portfolio.filters.otherProgramme')}</Select.Option>
        </Select>
      </Field>
      <Fieldset data-size="sm">
        <Fieldset.Legend>{t('portfolio.filters.sector')}</Fieldset.Legend>
        {MUNICIPAL_SECTORS.map((sector) => (
          <Checkbox key={sector} name="sector" value={sector} label={codeName('municipalSector', sector)} checked={filters.sector.includes(sector)} onChange={(event) => onChange({ sector: toggle(filters.sector, sector, event.target.checked) })} />
        ))}
      </Fieldset>
      <Field data-size="sm">
        <Label htmlFor={ids.year}>{t('portfolio.filters.year')}</Label>
        <Select id={ids.year} value={filters.year === undefined ? '' : String(filters.year)} onChange={(event) => onChange({ year: event.target.value ? Number(event.target.value) : undefined })}>
          <Select.Option value="">{t('portfolio.filters.anyYear')}</Select.Option>
          {filterYears().map((year) => (
            <Select.Option key={year} value={String(year)}>{year}</Select.Option>
          ))}
        </Select>
      </Field>
      <Field data-size="sm">
        <Label htmlFor={ids.sdg}>{t('portfolio.filters.sdg')}</Label>
        <Select id={ids.sdg} value={filters.sdg[0] === undefined ? '' : String(filters.sdg[0])} onChange={(event) => onChange({ sdg: event.target.value ? [Number(event.target.value)] : [] })}>
          <Select.Option value="">{t('portfolio.filters.anySdg')}</Select.Option>
          {sdgGoals.map((goal) => (
            <Select.Option key={goal.number} value={String(goal.number)}>{`${goal.number}. ${goal.names[language]}`}</Select.Option>
          ))}
        </Select>
      </Field>
    </aside>
  );
}
