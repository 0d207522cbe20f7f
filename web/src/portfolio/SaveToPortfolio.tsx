/**
 * "Save as initiative" on the navigator's result cards, for signed-in people who may register initiatives:
 * the idea, programme and focus area become a new initiative (status idea) in the organisation chosen.
 * The provider loads the organisations once for all cards.
 */
import { createContext, useContext, useId, useState, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Details, Field, Label, Link, Select } from '@digdir/designsystemet-react';
import { sendJson } from '../app/api.js';
import { useSession } from '../app/session.js';
import { asApiError } from '../admin/resource.js';
import { useOrganisations, type OrganisationChoice } from './api.js';
import { indented } from './FilterPanel.js';
import type { Initiative } from './types.js';

const EditableOrganisations = createContext<readonly OrganisationChoice[]>([]);

export function SaveToPortfolioProvider({ children }: { children: ReactNode }) {
  const { choices } = useOrganisations();
  return <EditableOrganisations.Provider value={choices.filter((c) => c.mayEdit)}>{children}</EditableOrganisations.Provider>;
}

export function SaveToPortfolio({ idea, programmeId, priorityCode, programmeName, navigatorQuery }: { idea: string; programmeId: string; priorityCode: string | null; programmeName: string; navigatorQuery: Record<string, string> }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const organisations = useContext(EditableOrganisations);
  const selectId = useId();
  const [organisationId, setOrganisationId] = useState('');
  const [saved, setSaved] = useState<Initiative | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  if (!user || organisations.length === 0 || !idea.trim()) return null;
  const chosen = organisationId || organisations[0]!.id;
  const save = async () => {
    setPending(true);
    setError(null);
    try {
      setSaved((await sendJson<Initiative>('POST', '/api/portfolio/initiatives/from-navigator', { organisationId: chosen, idea: idea.trim(), programmeId, priorityCode, navigatorQuery }))!);
    } catch (caught) {
      setError(asApiError(caught).message);
    } finally {
      setPending(false);
    }
  };
  return (
    <Details>
      <Details.Summary>{t('portfolio.fromNavigator.summary')}</Details.Summary>
      <Details.Content>
        {saved ? (
          <Alert data-color="success" data-size="sm" role="status">
            {t('portfolio.fromNavigator.saved')}{' '}
            <Link asChild>
              <RouterLink to={`/portefolje/${saved.id}`}>{saved.title}</RouterLink>
            </Link>
          </Alert>
        ) : (
          <div className="stack">
            {organisations.length > 1 && (
              <Field data-size="sm">
                <Label htmlFor={selectId}>{t('portfolio.fromNavigator.organisation')}</Label>
                <Select id={selectId} value={chosen} onChange={(e) => setOrganisationId(e.target.value)}>
                  {organisations.map((choice) => (
                    <Select.Option key={choice.id} value={choice.id}>{indented(choice)}</Select.Option>
                  ))}
                </Select>
              </Field>
            )}
            {error && (
              <Alert data-color="danger" data-size="sm" role="alert">
                {error}
              </Alert>
            )}
            <div>
              <Button variant="secondary" data-size="sm" loading={pending} aria-disabled={pending || undefined} onClick={() => void save()}>
                {organisations.length > 1 ? t('portfolio.fromNavigator.save', { programme: programmeName }) : t('portfolio.fromNavigator.saveIn', { programme: programmeName, organisation: organisations[0]!.name })}
              </Button>
            </div>
          </div>
        )}
      </Details.Content>
    </Details>
  );
}
