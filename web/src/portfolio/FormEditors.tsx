/** The initiative form's list editors: partners, budget lines, SDG goals and targets, benefits. */
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Details, Field, Fieldset, Label, Paragraph, Radio, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { BENEFITS, MAX_BENEFIT_SCORE, MIN_BENEFIT_SCORE } from '../../../src/portfolio/benefits.js';
import { BUDGET_LINE_KINDS } from '../../../src/portfolio/money.js';
import { sdgGoals, sdgTargets } from '../../../src/reference/sdg.js';
import { currentLanguage } from '../app/i18n.js';
import { useNames } from '../app/names.js';
import type { OrganisationChoice } from './api.js';
import { indented } from './FilterPanel.js';
import { checkBudget, rowKey, targetsWithinGoals, type BudgetLineForm, type InitiativeForm, type PartnerForm } from './form-state.js';
import { formatMoney } from './present.js';

type Change = (change: Partial<InitiativeForm>) => void;
export const fieldId = (field: string) => `initiative-${field}`;

export function PartnersEditor({ partners, organisations, error, onChange }: { partners: PartnerForm[]; organisations: readonly OrganisationChoice[]; error?: string; onChange: Change }) {
  const { t } = useTranslation();
  const set = (key: string, change: Partial<PartnerForm>) =>
    onChange({ partners: partners.map((p) => (p.key === key ? { ...p, ...change } : change.lead ? { ...p, lead: false } : p)) });
  return (
    <Fieldset id={fieldId('partners')} tabIndex={-1}>
      <Fieldset.Legend>{t('portfolio.form.partners')}</Fieldset.Legend>
      <Fieldset.Description>{t('portfolio.form.partnersHelp')}</Fieldset.Description>
      {partners.length > 0 && (
        <ol className="portfolio-rows">
          {partners.map((partner, index) => {
            const number = index + 1;
            return (
              <li key={partner.key} className="portfolio-row">
                <Field data-size="sm">
                  <Label htmlFor={`partner-source-${partner.key}`}>{t('portfolio.form.partnerSource', { number })}</Label>
                  <Select
                    id={`partner-source-${partner.key}`}
                    value={partner.organisationId ?? ''}
                    onChange={(event) => {
                      const chosen = organisations.find((o) => o.id === event.target.value);
                      set(partner.key, chosen ? { organisationId: chosen.id, name: chosen.name, country: 'NO' } : { organisationId: null });
                    }}
                  >
                    <Select.Option value="">{t('portfolio.form.partnerFreeName')}</Select.Option>
                    {organisations.map((o) => (
                      <Select.Option key={o.id} value={o.id}>{indented(o)}</Select.Option>
                    ))}
                  </Select>
                </Field>
                <Textfield data-size="sm" label={t('portfolio.form.partnerName', { number })} value={partner.name} readOnly={partner.organisationId !== null} onChange={(e) => set(partner.key, { name: e.target.value })} />
                <Textfield data-size="sm" label={t('portfolio.form.partnerCountry', { number })} description={t('portfolio.form.partnerCountryHelp')} value={partner.country} maxLength={2} autoComplete="off" onChange={(e) => set(partner.key, { country: e.target.value.toUpperCase() })} />
                <Textfield data-size="sm" label={t('portfolio.form.partnerRegion', { number })} value={partner.region} onChange={(e) => set(partner.key, { region: e.target.value })} />
                <div className="portfolio-row__actions">
                  <Radio data-size="sm" name="lead-partner" value={partner.key} label={t('portfolio.form.partnerLead', { number })} checked={partner.lead} onChange={() => set(partner.key, { lead: true })} />
                  <Button variant="tertiary" data-size="sm" onClick={() => onChange({ partners: partners.filter((p) => p.key !== partner.key) })}>
                    {t('portfolio.form.removePartner', { number })}
                  </Button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {error && <ValidationMessage>{error}</ValidationMessage>}
      <div>
        <Button variant="secondary" data-size="sm" onClick={() => onChange({ partners: [...partners, { key: rowKey(), organisationId: null, name: '', country: '', region: '', lead: partners.length === 0 }] })}>
          {t('portfolio.form.addPartner')}
        </Button>
      </div>
    </Fieldset>
  );
}

export function BudgetEditor({ form, error, onChange }: { form: InitiativeForm; error?: string; onChange: Change }) {
  const { t } = useTranslation();
  const { locales } = useNames();
  const lines = form.budgetLines;
  const check = checkBudget(form.budgetAmount, lines);
  const set = (key: string, change: Partial<BudgetLineForm>) => onChange({ budgetLines: lines.map((l) => (l.key === key ? { ...l, ...change } : l)) });
  const money = (amount: string) => formatMoney(amount, form.currency, locales);
  const sumText =
    lines.length === 0
      ? ''
      : check.unreadable.length > 0
        ? t('portfolio.form.budgetUnreadable')
        : check.difference === null
          ? t('portfolio.form.budgetSumOnly', { sum: money(check.sum) })
          : check.balanced
            ? t('portfolio.form.budgetBalanced', { sum: money(check.sum) })
            : t('portfolio.form.budgetOff', { sum: money(check.sum), difference: money(check.difference.replace('-', '')), direction: t(check.difference.startsWith('-') ? 'portfolio.form.over' : 'portfolio.form.under') });
  return (
    <Fieldset id={fieldId('budgetLines')} tabIndex={-1}>
      <Fieldset.Legend>{t('portfolio.form.budgetLines')}</Fieldset.Legend>
      <Fieldset.Description>{t('portfolio.form.budgetLinesHelp')}</Fieldset.Description>
      {lines.length > 0 && (
        <ol className="portfolio-rows">
          {lines.map((line, index) => {
            const number = index + 1;
            return (
              <li key={line.key} className="portfolio-row">
                <Field data-size="sm">
                  <Label htmlFor={`line-kind-${line.key}`}>{t('portfolio.form.lineKind', { number })}</Label>
                  <Select id={`line-kind-${line.key}`} value={line.kind} onChange={(e) => set(line.key, { kind: e.target.value as BudgetLineForm['kind'] })}>
                    {BUDGET_LINE_KINDS.map((kind) => (
                      <Select.Option key={kind} value={kind}>{t(`portfolio.lineKind.${kind}`)}</Select.Option>
                    ))}
                  </Select>
                </Field>
                <Textfield data-size="sm" label={t('portfolio.form.lineLabel', { number })} value={line.label} onChange={(e) => set(line.key, { label: e.target.value })} />
                <Textfield
                  data-size="sm"
                  label={t('portfolio.form.lineAmount', { number })}
                  suffix={form.currency}
                  inputMode="decimal"
                  value={line.amount}
                  error={check.unreadable.includes(line.key) ? t('portfolio.form.problems.amountUnreadable') : undefined}
                  onChange={(e) => set(line.key, { amount: e.target.value })}
                />
                <div className="portfolio-row__actions">
                  <Button variant="tertiary" data-size="sm" onClick={() => onChange({ budgetLines: lines.filter((l) => l.key !== line.key) })}>
                    {t('portfolio.form.removeLine', { number })}
                  </Button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <p className="budget-sum" role="status" aria-live="polite">
        {sumText}
      </p>
      {error && <ValidationMessage>{error}</ValidationMessage>}
      <div>
        <Button variant="secondary" data-size="sm" onClick={() => onChange({ budgetLines: [...lines, { key: rowKey(), kind: lines.length === 0 ? 'grant' : 'own-share', label: '', amount: '' }] })}>
          {t('portfolio.form.addLine')}
        </Button>
      </div>
    </Fieldset>
  );
}

export function SdgPicker({ goals, targets, error, onChange }: { goals: number[]; targets: string[]; error?: string; onChange: Change }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const targetText = (target: (typeof sdgTargets)[number]) => (language === 'en' || !target.nb ? target.en : target.nb);
  const chosenGoals = sdgGoals.filter((goal) => goals.includes(goal.number));
  return (
    <Fieldset id={fieldId('sdgGoals')} tabIndex={-1}>
      <Fieldset.Legend>{t('portfolio.form.sdgGoals')}</Fieldset.Legend>
      <Fieldset.Description>{t('portfolio.form.sdgHelp')}</Fieldset.Description>
      <div className="sdg-goals">
        {sdgGoals.map((goal) => (
          <Checkbox
            key={goal.number}
            data-size="sm"
            value={String(goal.number)}
            label={`${goal.number}. ${goal.names[language]}`}
            checked={goals.includes(goal.number)}
            onChange={(e) => {
              const next = e.target.checked ? [...goals, goal.number].sort((a, b) => a - b) : goals.filter((g) => g !== goal.number);
              onChange({ sdgGoals: next, sdgTargets: targetsWithinGoals(targets, next) });
            }}
          />
        ))}
      </div>
      {chosenGoals.map((goal) => (
        <Details key={goal.number}>
          <Details.Summary>{t('portfolio.form.sdgTargetsOf', { goal: `${goal.number}. ${goal.names[language]}`, count: targets.filter((id) => id.startsWith(`${goal.number}.`)).length })}</Details.Summary>
          <Details.Content>
            <Fieldset data-size="sm" className="sdg-targets">
              <Fieldset.Legend className="sr-only">{t('portfolio.form.sdgTargetsLegend', { goal: goal.number })}</Fieldset.Legend>
              {sdgTargets
                .filter((target) => target.goal === goal.number)
                .map((target) => (
                  <Checkbox
                    key={target.id}
                    data-size="sm"
                    value={target.id}
                    label={`${target.id} ${targetText(target)}`}
                    checked={targets.includes(target.id)}
                    onChange={(e) => onChange({ sdgTargets: e.target.checked ? [...targets, target.id] : targets.filter((id) => id !== target.id) })}
                  />
                ))}
            </Fieldset>
          </Details.Content>
        </Details>
      ))}
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}

export function BenefitsEditor({ benefits, error, onChange }: { benefits: InitiativeForm['benefits']; error?: string; onChange: Change }) {
  const { t } = useTranslation();
  const scores = Array.from({ length: MAX_BENEFIT_SCORE - MIN_BENEFIT_SCORE + 1 }, (_, i) => String(MIN_BENEFIT_SCORE + i));
  return (
    <Fieldset id={fieldId('benefits')} tabIndex={-1}>
      <Fieldset.Legend>{t('portfolio.form.benefits')}</Fieldset.Legend>
      <Fieldset.Description>{t('portfolio.form.benefitsHelp')}</Fieldset.Description>
      {BENEFITS.map((benefit) => {
        const value = benefits[benefit];
        const set = (change: Partial<typeof value>) => onChange({ benefits: { ...benefits, [benefit]: { ...value, ...change } } });
        return (
          <div key={benefit} className="benefit-row">
            <Fieldset data-size="sm">
              <Fieldset.Legend>{t(`portfolio.benefit.${benefit}`)}</Fieldset.Legend>
              <div className="score-options">
                <Radio data-size="sm" name={`benefit-${benefit}`} value="" label={t('portfolio.form.notScored')} checked={value.score === ''} onChange={() => set({ score: '' })} />
                {scores.map((score) => (
                  <Radio key={score} data-size="sm" name={`benefit-${benefit}`} value={score} label={score} checked={value.score === score} onChange={() => set({ score })} />
                ))}
              </div>
            </Fieldset>
            <Textfield data-size="sm" label={t('portfolio.form.benefitComment', { benefit: t(`portfolio.benefit.${benefit}`) })} value={value.comment} disabled={value.score === ''} onChange={(e) => set({ comment: e.target.value })} />
          </div>
        );
      })}
      {error && <ValidationMessage>{error}</ValidationMessage>}
      <Paragraph data-size="xs">{t('portfolio.form.scoreScale')}</Paragraph>
    </Fieldset>
  );
}
