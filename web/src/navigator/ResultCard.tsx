import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Card, Checkbox, Details, Heading, Link, List, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { Language } from '../../../src/reference/codes.js';
import { INTL_LOCALES } from '../app/i18n.js';
import type { MatchResult } from './types.js';

const VERDICT_COLOUR = { eligible: 'success', check: 'warning', ineligible: 'danger' } as const;
const OUTCOME_COLOUR = { met: 'success', 'not-met': 'danger', unknown: 'warning' } as const;

function money(value: number, currency: 'NOK' | 'EUR', language: Language): string {
  return new Intl.NumberFormat(INTL_LOCALES[language], { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
}

/** `actions`: what a signed-in person may do with the result (e.g. save it to the portfolio), last on the card. */
export function ResultCard({ result, headingLevel = 3, actions }: { result: MatchResult; headingLevel?: 3 | 4; actions?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const grant = result.grant;
  const why = [
    ...result.why.concepts.map((concept) => concept.label),
    ...(result.why.sectorMatch ? [t('navigator.sectorMatch')] : []),
  ];
  return (
    <Card data-color="neutral" className={`result-card result-card--${result.verdict}`} asChild>
      <li>
        <div className="result-card__head">
          <Heading level={headingLevel} data-size="xs">
            <RouterLink to={`/programmes/${result.programmeId}`}>{result.programmeName}</RouterLink>
            {result.priorityCode && (
              <span className="result-card__priority">
                {result.priorityCode}. {result.priorityName}
              </span>
            )}
          </Heading>
          <Tag data-color={VERDICT_COLOUR[result.verdict]}>{t(`navigator.verdict.${result.verdict}`)}</Tag>
        </div>
        {(result.policyObjective || result.specificObjective) && (
          <div className="tag-row">
            {result.policyObjective && <Tag data-size="sm" data-color="brand2">{result.policyObjective}</Tag>}
            {result.specificObjective && <Tag data-size="sm" data-color="neutral">{result.specificObjective}</Tag>}
          </div>
        )}
        <Paragraph data-size="sm">
          <strong>{t('navigator.why')}:</strong> {why.length > 0 ? why.join(', ') : t('navigator.whyText')}
        </Paragraph>
        {grant && (
          <dl className="fact-row">
            <div>
              <dt>{t('navigator.grant')}</dt>
              <dd>{grant.grant ? `${money(grant.grant.nok, 'NOK', language)} (≈ ${money(grant.grant.eur, 'EUR', language)})` : t('navigator.grantUnknown')}</dd>
            </div>
            <div>
              <dt>{t('navigator.ownShare')}</dt>
              <dd>{grant.ownShare ? `${money(grant.ownShare.nok, 'NOK', language)} (≈ ${money(grant.ownShare.eur, 'EUR', language)})` : '—'}</dd>
            </div>
          </dl>
        )}
        {grant?.grant && (
          <Paragraph data-size="xs" className="provenance">
            {t('navigator.rateNote', {
              rate: grant.ratePercent.max ?? grant.ratePercent.min,
              eurNok: new Intl.NumberFormat(INTL_LOCALES[language], { minimumFractionDigits: 2 }).format(grant.exchangeRate.eurNok),
              date: new Intl.DateTimeFormat(INTL_LOCALES[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${grant.exchangeRate.date}T00:00:00Z`)),
              source: grant.exchangeRate.source,
            })}
            {grant.cappedAtMaximum && ` ${t('navigator.capped')}`}
            {grant.exchangeRate.mustBeChecked && ` ${t('navigator.rateMustBeChecked')}`}
          </Paragraph>
        )}
        {result.nextDeadline && (
          <Paragraph data-size="sm">
            <strong>{t('navigator.nextDeadline')}:</strong> {new Intl.DateTimeFormat(INTL_LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${result.nextDeadline}T00:00:00Z`))}
          </Paragraph>
        )}
        <Details>
          <Details.Summary>{t('navigator.rules', { count: result.rules.length })}</Details.Summary>
          <Details.Content>
            <ul className="rule-list">
              {result.rules.map((rule) => (
                <li key={rule.id}>
                  <Tag data-size="sm" data-color={OUTCOME_COLOUR[rule.outcome]}>{t(`navigator.outcome.${rule.outcome}`)}</Tag> {rule.reason}
                </li>
              ))}
            </ul>
          </Details.Content>
        </Details>
        {result.guidance.length > 0 && (
          <Details>
            <Details.Summary>{t('navigator.whoToAsk')}</Details.Summary>
            <Details.Content>
              <List.Unordered>
                {result.guidance.map((body) => (
                  <List.Item key={body.name}>
                    <strong>{body.url ? <Link href={body.url}>{body.name}</Link> : body.name}</strong> — {body.role}
                  </List.Item>
                ))}
              </List.Unordered>
            </Details.Content>
          </Details>
        )}
        {result.crossBorderQuestions.length > 0 && (
          <Details>
            <Details.Summary>{t('navigator.addedValue')}</Details.Summary>
            <Details.Content>
              <fieldset className="checklist">
                <legend className="sr-only">{t('navigator.addedValue')}</legend>
                {result.crossBorderQuestions.map((question) => (
                  <Checkbox key={question} label={question} data-size="sm" />
                ))}
              </fieldset>
            </Details.Content>
          </Details>
        )}
        {actions}
      </li>
    </Card>
  );
}
