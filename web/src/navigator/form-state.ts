/** The navigator question as form values, as URL parameters (shareable) and as the API request body. */
import type { Language } from '../../../src/reference/codes.js';

export interface PartnerForm {
  country: string;
  region: string;
  type: string;
}

export interface NavigatorForm {
  idea: string;
  applicantType: string;
  country: string;
  municipality: string;
  region: string;
  partners: PartnerForm[];
  sector: string;
  projectType: string;
  budgetNok: string;
  durationMonths: string;
}

export const EMPTY_FORM: NavigatorForm = {
  idea: '',
  applicantType: 'municipality',
  country: 'NO',
  municipality: '',
  region: '',
  partners: [],
  sector: '',
  projectType: '',
  budgetNok: '',
  durationMonths: '',
};

const PARAM = {
  idea: 'idea',
  applicantType: 'type',
  country: 'country',
  municipality: 'municipality',
  region: 'region',
  sector: 'sector',
  projectType: 'projectType',
  budgetNok: 'budget',
  durationMonths: 'months',
} as const;

/** A partner travels in the URL as `country:region:type`, e.g. `SE:17:school`. */
export function formFromParams(params: URLSearchParams): NavigatorForm | undefined {
  if (!params.has(PARAM.applicantType)) return undefined;
  const form: NavigatorForm = { ...EMPTY_FORM, partners: [] };
  for (const [field, name] of Object.entries(PARAM) as Array<[keyof typeof PARAM, string]>) {
    const value = params.get(name);
    if (value !== null) form[field] = value;
  }
  form.partners = params.getAll('partner').map((value) => {
    const [country = '', region = '', type = ''] = value.split(':');
    return { country, region, type };
  });
  return form;
}

export function paramsFromForm(form: NavigatorForm): URLSearchParams {
  const params = new URLSearchParams();
  for (const [field, name] of Object.entries(PARAM) as Array<[keyof typeof PARAM, string]>) {
    const value = form[field].trim();
    if (value !== '' || field === 'applicantType') params.set(name, value);
  }
  for (const partner of form.partners) params.append('partner', `${partner.country}:${partner.region}:${partner.type}`);
  return params;
}

/** Decimal comma or point, spaces as thousands separators: "1 500 000,50" → 1500000.5. */
export function parseAmount(text: string): number | undefined {
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (cleaned === '') return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : Number.NaN;
}

export function requestBody(form: NavigatorForm, language: Language): Record<string, unknown> {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const budget = parseAmount(form.budgetNok);
  const months = parseAmount(form.durationMonths);
  return {
    idea: form.idea,
    language,
    applicant: { type: form.applicantType, country: form.country, municipality: optional(form.municipality), region: optional(form.municipality) ? undefined : optional(form.region) },
    partners: form.partners.filter((p) => p.country !== '').map((p) => ({ country: p.country, region: optional(p.region), type: optional(p.type) })),
    sector: optional(form.sector),
    projectType: optional(form.projectType),
    budgetNok: budget,
    durationMonths: months,
  };
}
