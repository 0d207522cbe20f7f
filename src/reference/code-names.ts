/**
 * Names in nb, nn, sv and en for every code in `codes.ts`.
 *
 * The policy objectives follow the wording of the EU regulations (see `codeNameSources`); as Norway is
 * not an EU member there is no official Norwegian text, so the nb and nn names are the project's own
 * renderings. The other names are the project's own terminology (brief § 3, the seed texts).
 */
import type {
  ApplicantType,
  InterregStrand,
  MunicipalSector,
  PolicyObjective,
  ProgrammeKind,
  ProgrammeStatus,
  ProjectType,
} from './codes.js';
import type { LocalisedName, ReferenceSource } from './types.js';

export interface CodeNames {
  applicantType: Readonly<Record<ApplicantType, LocalisedName>>;
  municipalSector: Readonly<Record<MunicipalSector, LocalisedName>>;
  programmeKind: Readonly<Record<ProgrammeKind, LocalisedName>>;
  interregStrand: Readonly<Record<InterregStrand, LocalisedName>>;
  programmeStatus: Readonly<Record<ProgrammeStatus, LocalisedName>>;
  projectType: Readonly<Record<ProjectType, LocalisedName>>;
  policyObjective: Readonly<Record<PolicyObjective, LocalisedName>>;
}

export const CODE_NAMES: CodeNames = {
  applicantType: {
    municipality: { nb: 'Kommune', nn: 'Kommune', sv: 'Kommun', en: 'Municipality' },
    county: { nb: 'Fylkeskommune', nn: 'Fylkeskommune', sv: 'Region (regional självstyrelse)', en: 'County authority' },
    'regional-council': { nb: 'Regionråd', nn: 'Regionråd', sv: 'Kommunalt samverkansorgan (regionråd)', en: 'Regional council of municipalities' },
    'state-agency': { nb: 'Statlig virksomhet', nn: 'Statleg verksemd', sv: 'Statlig myndighet', en: 'State agency' },
    university: { nb: 'Universitet eller høgskole', nn: 'Universitet eller høgskule', sv: 'Universitet eller högskola', en: 'University or university college' },
    'research-institute': { nb: 'Forskningsinstitutt', nn: 'Forskingsinstitutt', sv: 'Forskningsinstitut', en: 'Research institute' },
    school: { nb: 'Skole', nn: 'Skule', sv: 'Skola', en: 'School' },
    kindergarten: { nb: 'Barnehage', nn: 'Barnehage', sv: 'Förskola', en: 'Kindergarten' },
    hospital: { nb: 'Sykehus eller helseforetak', nn: 'Sjukehus eller helseføretak', sv: 'Sjukhus', en: 'Hospital or health trust' },
    'cultural-institution': { nb: 'Kulturinstitusjon', nn: 'Kulturinstitusjon', sv: 'Kulturinstitution', en: 'Cultural institution' },
    ngo: { nb: 'Frivillig organisasjon', nn: 'Frivillig organisasjon', sv: 'Ideell organisation', en: 'Non-governmental organisation' },
    foundation: { nb: 'Stiftelse', nn: 'Stifting', sv: 'Stiftelse', en: 'Foundation' },
    'business-organisation': { nb: 'Næringsorganisasjon', nn: 'Næringsorganisasjon', sv: 'Näringslivsorganisation', en: 'Business organisation' },
    sme: { nb: 'Lite eller mellomstort foretak', nn: 'Lite eller mellomstort føretak', sv: 'Litet eller medelstort företag', en: 'Small or medium-sized enterprise' },
    'large-enterprise': { nb: 'Stort foretak', nn: 'Stort føretak', sv: 'Stort företag', en: 'Large enterprise' },
    'sole-proprietorship': { nb: 'Enkeltpersonforetak', nn: 'Enkeltpersonføretak', sv: 'Enskild firma', en: 'Sole proprietorship' },
    'private-person': { nb: 'Privatperson', nn: 'Privatperson', sv: 'Privatperson', en: 'Private individual' },
  },
  municipalSector: {
    culture: { nb: 'Kultur', nn: 'Kultur', sv: 'Kultur', en: 'Culture' },
    education: { nb: 'Oppvekst og utdanning', nn: 'Oppvekst og utdanning', sv: 'Barn och utbildning', en: 'Education and childhood' },
    'health-social': { nb: 'Helse og sosial', nn: 'Helse og sosial', sv: 'Vård och omsorg', en: 'Health and social care' },
    technical: { nb: 'Teknisk sektor', nn: 'Teknisk sektor', sv: 'Teknisk verksamhet', en: 'Technical services' },
    environment: { nb: 'Klima og miljø', nn: 'Klima og miljø', sv: 'Klimat och miljö', en: 'Climate and environment' },
    'community-development': { nb: 'Samfunnsutvikling', nn: 'Samfunnsutvikling', sv: 'Samhällsutveckling', en: 'Community development' },
    'business-labour': { nb: 'Næringsliv og arbeidsmarked', nn: 'Næringsliv og arbeidsmarknad', sv: 'Näringsliv och arbetsmarknad', en: 'Business and labour market' },
  },
  programmeKind: {
    'eu-programme': { nb: 'EU-program', nn: 'EU-program', sv: 'EU-program', en: 'EU programme' },
    'eea-norway-grants': { nb: 'EØS- og Norgesmidlene', nn: 'EØS- og Noregsmidlane', sv: 'EES- och Norgebidragen', en: 'EEA and Norway Grants' },
    nordic: { nb: 'Nordisk program', nn: 'Nordisk program', sv: 'Nordiskt program', en: 'Nordic programme' },
    national: { nb: 'Nasjonal ordning', nn: 'Nasjonal ordning', sv: 'Nationellt program', en: 'National scheme' },
    'county-scheme': { nb: 'Fylkeskommunal ordning', nn: 'Fylkeskommunal ordning', sv: 'Regional stödform', en: 'County scheme' },
    network: { nb: 'Nettverk', nn: 'Nettverk', sv: 'Nätverk', en: 'Network' },
  },
  interregStrand: {
    A: { nb: 'Interreg A – grenseoverskridende samarbeid', nn: 'Interreg A – grenseoverskridande samarbeid', sv: 'Interreg A – gränsöverskridande samarbete', en: 'Interreg A – cross-border cooperation' },
    B: { nb: 'Interreg B – transnasjonalt samarbeid', nn: 'Interreg B – transnasjonalt samarbeid', sv: 'Interreg B – transnationellt samarbete', en: 'Interreg B – transnational cooperation' },
    C: { nb: 'Interreg C – interregionalt samarbeid', nn: 'Interreg C – interregionalt samarbeid', sv: 'Interreg C – interregionalt samarbete', en: 'Interreg C – interregional cooperation' },
    'europe-wide': { nb: 'Europadekkende program (URBACT, ESPON, Interact)', nn: 'Europadekkande program (URBACT, ESPON, Interact)', sv: 'Europaomfattande program (URBACT, ESPON, Interact)', en: 'Europe-wide programmes (URBACT, ESPON, Interact)' },
  },
  programmeStatus: {
    active: { nb: 'Aktiv', nn: 'Aktiv', sv: 'Aktiv', en: 'Active' },
    forthcoming: { nb: 'Kommende', nn: 'Komande', sv: 'Kommande', en: 'Forthcoming' },
    closed: { nb: 'Avsluttet', nn: 'Avslutta', sv: 'Avslutad', en: 'Closed' },
  },
  projectType: {
    'pre-project': { nb: 'Forprosjekt', nn: 'Forprosjekt', sv: 'Förprojekt', en: 'Pre-project' },
    'main-project': { nb: 'Hovedprosjekt', nn: 'Hovudprosjekt', sv: 'Huvudprojekt', en: 'Main project' },
    'small-scale': { nb: 'Småskalaprosjekt', nn: 'Småskalaprosjekt', sv: 'Småprojekt', en: 'Small-scale project' },
  },
  policyObjective: {
    PO1: { nb: 'Et mer konkurransedyktig og smartere Europa', nn: 'Eit meir konkurransedyktig og smartare Europa', sv: 'Ett mer konkurrenskraftigt och smartare Europa', en: 'A more competitive and smarter Europe' },
    PO2: { nb: 'Et grønnere Europa med lave karbonutslipp', nn: 'Eit grønare Europa med låge karbonutslepp', sv: 'Ett grönare, koldioxidsnålt Europa', en: 'A greener, low-carbon Europe' },
    PO3: { nb: 'Et bedre sammenkoblet Europa', nn: 'Eit betre samankopla Europa', sv: 'Ett mer sammanlänkat Europa', en: 'A more connected Europe' },
    PO4: { nb: 'Et mer sosialt og inkluderende Europa', nn: 'Eit meir sosialt og inkluderande Europa', sv: 'Ett mer socialt och inkluderande Europa', en: 'A more social and inclusive Europe' },
    PO5: { nb: 'Et Europa nærmere innbyggerne', nn: 'Eit Europa nærare innbyggjarane', sv: 'Ett Europa närmare medborgarna', en: 'A Europe closer to citizens' },
    ISO6: { nb: 'Bedre styring av samarbeidet', nn: 'Betre styring av samarbeidet', sv: 'Bättre styrning av samarbetet', en: 'A better cooperation governance' },
    ISO7: { nb: 'Et sikrere og tryggere Europa', nn: 'Eit sikrare og tryggare Europa', sv: 'Ett säkrare och tryggare Europa', en: 'A safer and more secure Europe' },
  },
};

const CHECKED = '2026-11-23';

export const codeNameSources: readonly ReferenceSource[] = [
  {
    id: 'eu-cpr-2021-1060',
    publisher: 'European Union (EUR-Lex)',
    title: 'Regulation (EU) 2021/1060 (Common Provisions Regulation), Article 5(1): policy objectives',
    url: 'https://eur-lex.europa.eu/eli/reg/2021/1060/oj',
    checked: CHECKED,
    usedFor: 'names of PO1–PO5 (en, and sv from the Swedish language version)',
    note: 'Shortened: e.g. PO2 is in full "a greener, low-carbon transitioning towards a net zero carbon economy and resilient Europe …". nb/nn are the project\'s renderings (no official Norwegian text).',
  },
  {
    id: 'eu-interreg-2021-1059',
    publisher: 'European Union (EUR-Lex)',
    title: 'Regulation (EU) 2021/1059 (Interreg Regulation), Article 14(4) and 14(5): Interreg-specific objectives',
    url: 'https://eur-lex.europa.eu/eli/reg/2021/1059/oj',
    checked: CHECKED,
    usedFor: 'names of ISO6 ("a better cooperation governance") and ISO7 ("a safer and more secure Europe"); the Interreg strands A, B, C',
    note: 'The regulation numbers them Interreg-specific objectives 1 and 2; the code list calls them ISO6 and ISO7, continuing PO1–PO5.',
  },
  {
    id: 'mulighetsrom-terminology',
    publisher: 'Mulighetsrom project',
    title: 'Product brief § 3 (domain words) and the seed texts (pre-study 001, Interreg Sverige–Norge)',
    url: null,
    checked: CHECKED,
    usedFor: 'names of applicant types, municipal sectors, programme kinds, programme statuses and project types',
  },
];
