/**
 * The words of the portfolio's exports, council report and calendar feed in nb, nn, sv and en
 * (server-side: the files are made on the server in the language of the request).
 */
import type { Language } from '../reference/codes.js';
import type { Benefit } from './benefits.js';

export interface ExchangeTexts {
  /** BCP 47 tag for document metadata. */
  locale: string;
  columns: {
    title: string;
    status: string;
    organisation: string;
    programme: string;
    priority: string;
    otherProgramme: string;
    callReference: string;
    deadline: string;
    start: string;
    end: string;
    currency: string;
    budget: string;
    grant: string;
    ownShare: string;
    coFinancing: string;
    budgetNok: string;
    grantNok: string;
    ownShareNok: string;
    coFinancingNok: string;
    nokRate: string;
    nokRateDate: string;
    hoursApplication: string;
    hoursProject: string;
    sectors: string;
    sdgGoals: string;
    sdgTargets: string;
    leadPartner: string;
    contact: string;
    summary: string;
    private: string;
    updated: string;
    created: string;
    id: string;
    count: string;
    year: string;
    sector: string;
    benefit: string;
    average: string;
    figure: string;
    value: string;
  };
  yes: string;
  no: string;
  sheets: { initiatives: string; totals: string; byStatus: string; byProgramme: string; bySector: string; byYear: string; benefits: string; running: string; deadlines: string };
  fileNames: { initiatives: string; dashboard: string; report: string };
  figures: {
    initiatives: string;
    budgetNok: string;
    grantNok: string;
    ownShareNok: string;
    coFinancingNok: string;
    hoursApplication: string;
    hoursProject: string;
    successRate: string;
    decided: string;
    granted: string;
    grantPerOwnShare: string;
    rate: (rate: string, date: string) => string;
  };
  report: {
    title: string;
    subtitle: (organisation: string, date: string) => string;
    allOrganisations: string;
    filtered: (filters: string) => string;
    keyFigures: string;
    byStatus: string;
    byProgramme: string;
    successRate: string;
    successRateText: (granted: number, decided: number, percent: string) => string;
    noDecisions: string;
    grantPerOwnShareText: (ratio: string) => string;
    noOwnShare: string;
    running: string;
    deadlines: string;
    benefits: string;
    none: string;
    otherProgramme: string;
    page: (page: number, pages: number) => string;
    moneyNote: (rate: string, date: string) => string;
  };
  calendar: {
    name: (organisation: string) => string;
    description: string;
    deadline: (title: string) => string;
    start: (title: string) => string;
    end: (title: string) => string;
    category: { deadline: string; start: string; end: string };
  };
  benefits: Record<Benefit, string>;
}

const nb: ExchangeTexts = {
  locale: 'nb-NO',
  columns: {
    title: 'Tittel', status: 'Status', organisation: 'Organisasjon', programme: 'Ordning', priority: 'Innsatsområde', otherProgramme: 'Annen ordning', callReference: 'Utlysning',
    deadline: 'Frist', start: 'Start', end: 'Slutt', currency: 'Valuta', budget: 'Budsjett', grant: 'Tilskudd', ownShare: 'Egenandel', coFinancing: 'Medfinansiering',
    budgetNok: 'Budsjett (NOK)', grantNok: 'Tilskudd (NOK)', ownShareNok: 'Egenandel (NOK)', coFinancingNok: 'Medfinansiering (NOK)', nokRate: 'Kurs (NOK)', nokRateDate: 'Kursdato',
    hoursApplication: 'Timer søknad', hoursProject: 'Timer prosjekt', sectors: 'Sektorer', sdgGoals: 'Bærekraftsmål', sdgTargets: 'Delmål', leadPartner: 'Hovedpartner', contact: 'Kontaktperson',
    summary: 'Sammendrag', private: 'Privat', updated: 'Sist endret', created: 'Registrert', id: 'ID', count: 'Antall', year: 'År', sector: 'Sektor', benefit: 'Gevinst', average: 'Snitt (1–5)', figure: 'Nøkkeltall', value: 'Verdi',
  },
  yes: 'ja',
  no: 'nei',
  sheets: { initiatives: 'Initiativ', totals: 'Nøkkeltall', byStatus: 'Per status', byProgramme: 'Per ordning', bySector: 'Per sektor', byYear: 'Per år', benefits: 'Gevinster', running: 'Pågående', deadlines: 'Neste frister' },
  fileNames: { initiatives: 'initiativ', dashboard: 'oversikt', report: 'rapport' },
  figures: {
    initiatives: 'Initiativ', budgetNok: 'Budsjett (NOK)', grantNok: 'Tilskudd (NOK)', ownShareNok: 'Egenandel (NOK)', coFinancingNok: 'Medfinansiering (NOK)', hoursApplication: 'Timer brukt på søknader',
    hoursProject: 'Timer brukt i prosjekter', successRate: 'Suksessrate', decided: 'Avgjorte søknader', granted: 'Innvilgede søknader', grantPerOwnShare: 'Tilskudd per krone egenandel',
    rate: (rate, date) => `Dagens kurs for nye EUR-budsjetter: ${rate} NOK per EUR (${date})`,
  },
  report: {
    title: 'Internasjonalt arbeid – rapport',
    subtitle: (organisation, date) => `${organisation} · ${date}`,
    allOrganisations: 'Alle organisasjoner jeg har tilgang til',
    filtered: (filters) => `Utvalg: ${filters}`,
    keyFigures: 'Nøkkeltall',
    byStatus: 'Penger etter status',
    byProgramme: 'Penger etter ordning',
    successRate: 'Suksessrate og uttelling',
    successRateText: (granted, decided, percent) => `${granted} av ${decided} avgjorte søknader ble innvilget (${percent} %).`,
    noDecisions: 'Ingen søknader er avgjort ennå.',
    grantPerOwnShareText: (ratio) => `Hver krone i egenandel utløste ${ratio} kroner i tilskudd (innvilgede initiativ).`,
    noOwnShare: 'Ingen innvilgede initiativ har registrert egenandel.',
    running: 'Pågående prosjekter',
    deadlines: 'Neste frister',
    benefits: 'Rapporterte gevinster',
    none: 'Ingen.',
    otherProgramme: 'Andre ordninger',
    page: (page, pages) => `Side ${page} av ${pages}`,
    moneyNote: (rate, date) => `Beløp i norske kroner. EUR-beløp er regnet om med hvert initiativs lagrede kurs; nye budsjetter får ${rate} NOK per EUR (${date}).`,
  },
  calendar: {
    name: (organisation) => `Frister – ${organisation}`,
    description: 'Søknadsfrister, oppstart og slutt for internasjonale initiativ (Mulighetsrom)',
    deadline: (title) => `Søknadsfrist: ${title}`,
    start: (title) => `Oppstart: ${title}`,
    end: (title) => `Slutt: ${title}`,
    category: { deadline: 'Søknadsfrist', start: 'Oppstart', end: 'Slutt' },
  },
  benefits: {
    'service-development': 'Tjenesteutvikling', 'best-practice': 'Beste praksis', competence: 'Kompetanse', networks: 'Nettverk', 'cultural-understanding': 'Kulturforståelse',
    'external-funding': 'Ekstern finansiering', reputation: 'Omdømme', 'foreign-policy': 'Utenrikspolitisk bidrag', solidarity: 'Solidaritet', 'door-opener': 'Døråpner', 'stronger-networks': 'Sterkere nettverk',
  },
};

const nn: ExchangeTexts = {
  locale: 'nn-NO',
  columns: {
    title: 'Tittel', status: 'Status', organisation: 'Organisasjon', programme: 'Ordning', priority: 'Innsatsområde', otherProgramme: 'Anna ordning', callReference: 'Utlysing',
    deadline: 'Frist', start: 'Start', end: 'Slutt', currency: 'Valuta', budget: 'Budsjett', grant: 'Tilskot', ownShare: 'Eigendel', coFinancing: 'Medfinansiering',
    budgetNok: 'Budsjett (NOK)', grantNok: 'Tilskot (NOK)', ownShareNok: 'Eigendel (NOK)', coFinancingNok: 'Medfinansiering (NOK)', nokRate: 'Kurs (NOK)', nokRateDate: 'Kursdato',
    hoursApplication: 'Timar søknad', hoursProject: 'Timar prosjekt', sectors: 'Sektorar', sdgGoals: 'Berekraftsmål', sdgTargets: 'Delmål', leadPartner: 'Hovudpartnar', contact: 'Kontaktperson',
    summary: 'Samandrag', private: 'Privat', updated: 'Sist endra', created: 'Registrert', id: 'ID', count: 'Tal', year: 'År', sector: 'Sektor', benefit: 'Gevinst', average: 'Snitt (1–5)', figure: 'Nøkkeltal', value: 'Verdi',
  },
  yes: 'ja',
  no: 'nei',
  sheets: { initiatives: 'Initiativ', totals: 'Nøkkeltal', byStatus: 'Per status', byProgramme: 'Per ordning', bySector: 'Per sektor', byYear: 'Per år', benefits: 'Gevinstar', running: 'Pågåande', deadlines: 'Neste fristar' },
  fileNames: { initiatives: 'initiativ', dashboard: 'oversikt', report: 'rapport' },
  figures: {
    initiatives: 'Initiativ', budgetNok: 'Budsjett (NOK)', grantNok: 'Tilskot (NOK)', ownShareNok: 'Eigendel (NOK)', coFinancingNok: 'Medfinansiering (NOK)', hoursApplication: 'Timar brukte på søknader',
    hoursProject: 'Timar brukte i prosjekt', successRate: 'Suksessrate', decided: 'Avgjorde søknader', granted: 'Innvilga søknader', grantPerOwnShare: 'Tilskot per krone eigendel',
    rate: (rate, date) => `Dagens kurs for nye EUR-budsjett: ${rate} NOK per EUR (${date})`,
  },
  report: {
    title: 'Internasjonalt arbeid – rapport',
    subtitle: (organisation, date) => `${organisation} · ${date}`,
    allOrganisations: 'Alle organisasjonar eg har tilgang til',
    filtered: (filters) => `Utval: ${filters}`,
    keyFigures: 'Nøkkeltal',
    byStatus: 'Pengar etter status',
    byProgramme: 'Pengar etter ordning',
    successRate: 'Suksessrate og utteljing',
    successRateText: (granted, decided, percent) => `${granted} av ${decided} avgjorde søknader vart innvilga (${percent} %).`,
    noDecisions: 'Ingen søknader er avgjorde enno.',
    grantPerOwnShareText: (ratio) => `Kvar krone i eigendel utløyste ${ratio} kroner i tilskot (innvilga initiativ).`,
    noOwnShare: 'Ingen innvilga initiativ har registrert eigendel.',
    running: 'Pågåande prosjekt',
    deadlines: 'Neste fristar',
    benefits: 'Rapporterte gevinstar',
    none: 'Ingen.',
    otherProgramme: 'Andre ordningar',
    page: (page, pages) => `Side ${page} av ${pages}`,
    moneyNote: (rate, date) => `Beløp i norske kroner. EUR-beløp er rekna om med den lagra kursen til kvart initiativ; nye budsjett får ${rate} NOK per EUR (${date}).`,
  },
  calendar: {
    name: (organisation) => `Fristar – ${organisation}`,
    description: 'Søknadsfristar, oppstart og slutt for internasjonale initiativ (Mulighetsrom)',
    deadline: (title) => `Søknadsfrist: ${title}`,
    start: (title) => `Oppstart: ${title}`,
    end: (title) => `Slutt: ${title}`,
    category: { deadline: 'Søknadsfrist', start: 'Oppstart', end: 'Slutt' },
  },
  benefits: {
    'service-development': 'Tenesteutvikling', 'best-practice': 'Beste praksis', competence: 'Kompetanse', networks: 'Nettverk', 'cultural-understanding': 'Kulturforståing',
    'external-funding': 'Ekstern finansiering', reputation: 'Omdøme', 'foreign-policy': 'Utanrikspolitisk bidrag', solidarity: 'Solidaritet', 'door-opener': 'Døropnar', 'stronger-networks': 'Sterkare nettverk',
  },
};

const sv: ExchangeTexts = {
  locale: 'sv-SE',
  columns: {
    title: 'Titel', status: 'Status', organisation: 'Organisation', programme: 'Program', priority: 'Insatsområde', otherProgramme: 'Annat program', callReference: 'Utlysning',
    deadline: 'Sista dag', start: 'Start', end: 'Slut', currency: 'Valuta', budget: 'Budget', grant: 'Bidrag', ownShare: 'Egen insats', coFinancing: 'Medfinansiering',
    budgetNok: 'Budget (NOK)', grantNok: 'Bidrag (NOK)', ownShareNok: 'Egen insats (NOK)', coFinancingNok: 'Medfinansiering (NOK)', nokRate: 'Kurs (NOK)', nokRateDate: 'Kursdatum',
    hoursApplication: 'Timmar ansökan', hoursProject: 'Timmar projekt', sectors: 'Sektorer', sdgGoals: 'Hållbarhetsmål', sdgTargets: 'Delmål', leadPartner: 'Huvudpartner', contact: 'Kontaktperson',
    summary: 'Sammanfattning', private: 'Privat', updated: 'Senast ändrad', created: 'Registrerad', id: 'ID', count: 'Antal', year: 'År', sector: 'Sektor', benefit: 'Nytta', average: 'Medel (1–5)', figure: 'Nyckeltal', value: 'Värde',
  },
  yes: 'ja',
  no: 'nej',
  sheets: { initiatives: 'Initiativ', totals: 'Nyckeltal', byStatus: 'Per status', byProgramme: 'Per program', bySector: 'Per sektor', byYear: 'Per år', benefits: 'Nytta', running: 'Pågående', deadlines: 'Nästa sista dagar' },
  fileNames: { initiatives: 'initiativ', dashboard: 'oversikt', report: 'rapport' },
  figures: {
    initiatives: 'Initiativ', budgetNok: 'Budget (NOK)', grantNok: 'Bidrag (NOK)', ownShareNok: 'Egen insats (NOK)', coFinancingNok: 'Medfinansiering (NOK)', hoursApplication: 'Timmar för ansökningar',
    hoursProject: 'Timmar i projekt', successRate: 'Andel beviljade', decided: 'Avgjorda ansökningar', granted: 'Beviljade ansökningar', grantPerOwnShare: 'Bidrag per krona egen insats',
    rate: (rate, date) => `Aktuell kurs för nya EUR-budgetar: ${rate} NOK per EUR (${date})`,
  },
  report: {
    title: 'Internationellt arbete – rapport',
    subtitle: (organisation, date) => `${organisation} · ${date}`,
    allOrganisations: 'Alla organisationer jag har åtkomst till',
    filtered: (filters) => `Urval: ${filters}`,
    keyFigures: 'Nyckeltal',
    byStatus: 'Pengar per status',
    byProgramme: 'Pengar per program',
    successRate: 'Andel beviljade och utdelning',
    successRateText: (granted, decided, percent) => `${granted} av ${decided} avgjorda ansökningar beviljades (${percent} %).`,
    noDecisions: 'Inga ansökningar är avgjorda ännu.',
    grantPerOwnShareText: (ratio) => `Varje krona i egen insats gav ${ratio} kronor i bidrag (beviljade initiativ).`,
    noOwnShare: 'Inga beviljade initiativ har registrerad egen insats.',
    running: 'Pågående projekt',
    deadlines: 'Nästa sista ansökningsdagar',
    benefits: 'Rapporterad nytta',
    none: 'Inga.',
    otherProgramme: 'Andra program',
    page: (page, pages) => `Sida ${page} av ${pages}`,
    moneyNote: (rate, date) => `Belopp i norska kronor. EUR-belopp är omräknade med varje initiativs sparade kurs; nya budgetar får ${rate} NOK per EUR (${date}).`,
  },
  calendar: {
    name: (organisation) => `Sista dagar – ${organisation}`,
    description: 'Sista ansökningsdagar, start och slut för internationella initiativ (Mulighetsrom)',
    deadline: (title) => `Sista ansökningsdag: ${title}`,
    start: (title) => `Start: ${title}`,
    end: (title) => `Slut: ${title}`,
    category: { deadline: 'Sista ansökningsdag', start: 'Start', end: 'Slut' },
  },
  benefits: {
    'service-development': 'Verksamhetsutveckling', 'best-practice': 'Goda exempel', competence: 'Kompetens', networks: 'Nätverk', 'cultural-understanding': 'Kulturförståelse',
    'external-funding': 'Extern finansiering', reputation: 'Anseende', 'foreign-policy': 'Utrikespolitiskt bidrag', solidarity: 'Solidaritet', 'door-opener': 'Dörröppnare', 'stronger-networks': 'Starkare nätverk',
  },
};

const en: ExchangeTexts = {
  locale: 'en-GB',
  columns: {
    title: 'Title', status: 'Status', organisation: 'Organisation', programme: 'Programme', priority: 'Focus area', otherProgramme: 'Other programme', callReference: 'Call',
    deadline: 'Deadline', start: 'Start', end: 'End', currency: 'Currency', budget: 'Budget', grant: 'Grant', ownShare: 'Own share', coFinancing: 'Co-financing',
    budgetNok: 'Budget (NOK)', grantNok: 'Grant (NOK)', ownShareNok: 'Own share (NOK)', coFinancingNok: 'Co-financing (NOK)', nokRate: 'Rate (NOK)', nokRateDate: 'Rate date',
    hoursApplication: 'Hours application', hoursProject: 'Hours project', sectors: 'Sectors', sdgGoals: 'SDGs', sdgTargets: 'SDG targets', leadPartner: 'Lead partner', contact: 'Contact person',
    summary: 'Summary', private: 'Private', updated: 'Last changed', created: 'Registered', id: 'ID', count: 'Count', year: 'Year', sector: 'Sector', benefit: 'Benefit', average: 'Average (1–5)', figure: 'Key figure', value: 'Value',
  },
  yes: 'yes',
  no: 'no',
  sheets: { initiatives: 'Initiatives', totals: 'Key figures', byStatus: 'By status', byProgramme: 'By programme', bySector: 'By sector', byYear: 'By year', benefits: 'Benefits', running: 'Running', deadlines: 'Next deadlines' },
  fileNames: { initiatives: 'initiatives', dashboard: 'overview', report: 'report' },
  figures: {
    initiatives: 'Initiatives', budgetNok: 'Budget (NOK)', grantNok: 'Grant (NOK)', ownShareNok: 'Own share (NOK)', coFinancingNok: 'Co-financing (NOK)', hoursApplication: 'Hours spent on applications',
    hoursProject: 'Hours spent in projects', successRate: 'Success rate', decided: 'Decided applications', granted: 'Granted applications', grantPerOwnShare: 'Grant per NOK of own share',
    rate: (rate, date) => `Current rate for new EUR budgets: ${rate} NOK per EUR (${date})`,
  },
  report: {
    title: 'International work – report',
    subtitle: (organisation, date) => `${organisation} · ${date}`,
    allOrganisations: 'All organisations I have access to',
    filtered: (filters) => `Selection: ${filters}`,
    keyFigures: 'Key figures',
    byStatus: 'Money by status',
    byProgramme: 'Money by programme',
    successRate: 'Success rate and return',
    successRateText: (granted, decided, percent) => `${granted} of ${decided} decided applications were granted (${percent} %).`,
    noDecisions: 'No applications have been decided yet.',
    grantPerOwnShareText: (ratio) => `Each NOK of own share brought ${ratio} NOK of grant (granted initiatives).`,
    noOwnShare: 'No granted initiative has an own share recorded.',
    running: 'Running projects',
    deadlines: 'Next deadlines',
    benefits: 'Benefits reported',
    none: 'None.',
    otherProgramme: 'Other programmes',
    page: (page, pages) => `Page ${page} of ${pages}`,
    moneyNote: (rate, date) => `Amounts in Norwegian kroner. EUR amounts are converted at each initiative's stored rate; new budgets get ${rate} NOK per EUR (${date}).`,
  },
  calendar: {
    name: (organisation) => `Deadlines – ${organisation}`,
    description: 'Application deadlines, starts and ends of international initiatives (Mulighetsrom)',
    deadline: (title) => `Deadline: ${title}`,
    start: (title) => `Start: ${title}`,
    end: (title) => `End: ${title}`,
    category: { deadline: 'Deadline', start: 'Start', end: 'End' },
  },
  benefits: {
    'service-development': 'Service development', 'best-practice': 'Best practice', competence: 'Competence', networks: 'Networks', 'cultural-understanding': 'Cultural understanding',
    'external-funding': 'External funding', reputation: 'Reputation', 'foreign-policy': 'Foreign-policy contribution', solidarity: 'Solidarity', 'door-opener': 'Door-opener', 'stronger-networks': 'Stronger networks',
  },
};

export const EXCHANGE_TEXTS: Record<Language, ExchangeTexts> = { nb, nn, sv, en };

/** Decimal numbers as people read them: `1234567.5` → `1 234 567,50` (nb, nn, sv) or `1,234,567.50` (en). Exact: works on the string. */
export function formatAmount(amount: string, language: Language, decimals = 2): string {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = amount.replace(/^-/, '').split('.');
  const groupSeparator = language === 'en' ? ',' : '\u00a0';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, groupSeparator);
  const decimalPart = decimals > 0 ? (language === 'en' ? '.' : ',') + fraction.padEnd(decimals, '0').slice(0, decimals) : '';
  return `${negative ? '-' : ''}${grouped}${decimalPart}`;
}

/** `2025-03-01` → `01.03.2025` (nb, nn), `2025-03-01` (sv), `1 Mar 2025` (en). */
export function formatDay(day: string, language: Language): string {
  const [year, month, date] = day.split('-');
  if (language === 'sv') return day;
  if (language === 'en') return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return `${date}.${month}.${year}`;
}
