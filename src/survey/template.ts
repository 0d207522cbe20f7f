/**
 * The default questionnaire: the Moss-region pre-study's survey to the leaders of every unit (seed 001,
 * appendix 1), in our own words in bokmål, nynorsk, Swedish and English. A new round starts with a copy
 * of it; the coordinator may then edit it per round. The question keys are stable: the summary, the
 * opportunity analysis and the exports find the answers by them.
 */
import type { Language } from '../reference/codes.js';
import type { ChoiceOption, GroupField, QuestionDefinition } from './questions.js';

export const SECTIONS = ['experience', 'knowledge', 'interest', 'comments'] as const;
export type Section = (typeof SECTIONS)[number];

export const SECTION_TITLES: Record<Section, Record<Language, string>> = {
  experience: { nb: 'Erfaring med internasjonale prosjekter', nn: 'Erfaring med internasjonale prosjekt', sv: 'Erfarenhet av internationella projekt', en: 'Experience of international projects' },
  knowledge: { nb: 'Kjennskap til støtteordningene', nn: 'Kjennskap til støtteordningane', sv: 'Kännedom om stödprogrammen', en: 'Knowledge of the funding schemes' },
  interest: { nb: 'Interesse for samarbeid', nn: 'Interesse for samarbeid', sv: 'Intresse för samarbete', en: 'Interest in cooperation' },
  comments: { nb: 'Kommentarer', nn: 'Kommentarar', sv: 'Kommentarer', en: 'Comments' },
};

export interface TemplateQuestion {
  key: string;
  section: Section;
  required: boolean;
  definition: QuestionDefinition;
}

/** The stable keys of the template's questions and of the choices the analysis reads. */
export const TEMPLATE_KEYS = {
  earlierProjects: 'earlier-projects',
  ongoingProjects: 'ongoing-projects',
  timeAndResources: 'time-and-resources',
  knowledge: 'knowledge',
  interest: 'interest',
  cooperationAreas: 'cooperation-areas',
  needs: 'needs',
  comments: 'comments',
} as const;

type Labels = Record<Language, string>;
const option = (value: string, labels: Labels): ChoiceOption => ({ value, labels });

export const KNOWLEDGE_LEVELS = ['none', 'heard-of', 'know-it', 'have-used-it'] as const;
const KNOWLEDGE_COLUMNS: ChoiceOption[] = [
  option('none', { nb: 'Ingen kjennskap', nn: 'Ingen kjennskap', sv: 'Ingen kännedom', en: 'Not at all' }),
  option('heard-of', { nb: 'Har hørt om den', nn: 'Har høyrt om han', sv: 'Har hört talas om det', en: 'Heard of it' }),
  option('know-it', { nb: 'Kjenner den godt', nn: 'Kjenner han godt', sv: 'Känner till det väl', en: 'Know it well' }),
  option('have-used-it', { nb: 'Har brukt den', nn: 'Har brukt han', sv: 'Har använt det', en: 'Have used it' }),
];

export const COOPERATION_AREAS = [
  'technical-services',
  'climate',
  'nature-management',
  'agriculture',
  'forestry',
  'urban-development',
  'digitalisation',
  'operation-maintenance',
  'sustainability',
  'place-development',
  'public-health',
  'life-skills',
  'democracy-citizenship',
  'art-culture',
] as const;

const COOPERATION_AREA_LABELS: Record<(typeof COOPERATION_AREAS)[number], Labels> = {
  'technical-services': { nb: 'Tekniske tjenester', nn: 'Tekniske tenester', sv: 'Tekniska tjänster', en: 'Technical services' },
  climate: { nb: 'Klima', nn: 'Klima', sv: 'Klimat', en: 'Climate' },
  'nature-management': { nb: 'Naturforvaltning', nn: 'Naturforvaltning', sv: 'Naturvård', en: 'Nature management' },
  agriculture: { nb: 'Landbruk', nn: 'Landbruk', sv: 'Jordbruk', en: 'Agriculture' },
  forestry: { nb: 'Skogbruk', nn: 'Skogbruk', sv: 'Skogsbruk', en: 'Forestry' },
  'urban-development': { nb: 'Byutvikling', nn: 'Byutvikling', sv: 'Stadsutveckling', en: 'Urban development' },
  digitalisation: { nb: 'Digitalisering', nn: 'Digitalisering', sv: 'Digitalisering', en: 'Digitalisation' },
  'operation-maintenance': { nb: 'Drift og vedlikehold', nn: 'Drift og vedlikehald', sv: 'Drift och underhåll', en: 'Operation and maintenance' },
  sustainability: { nb: 'Bærekraft', nn: 'Berekraft', sv: 'Hållbarhet', en: 'Sustainability' },
  'place-development': { nb: 'Stedsutvikling', nn: 'Stadutvikling', sv: 'Platsutveckling', en: 'Place development' },
  'public-health': { nb: 'Folkehelse', nn: 'Folkehelse', sv: 'Folkhälsa', en: 'Public health' },
  'life-skills': { nb: 'Livsmestring', nn: 'Livsmeistring', sv: 'Livskunskap', en: 'Life skills' },
  'democracy-citizenship': { nb: 'Demokrati og medborgerskap', nn: 'Demokrati og medborgarskap', sv: 'Demokrati och medborgarskap', en: 'Democracy and citizenship' },
  'art-culture': { nb: 'Kunst og kultur', nn: 'Kunst og kultur', sv: 'Konst och kultur', en: 'Art and culture' },
};

export const NEEDS = ['guidance', 'time', 'partners', 'money'] as const;
const NEED_LABELS: Record<(typeof NEEDS)[number], Labels> = {
  guidance: { nb: 'Veiledning i å søke og drive prosjekter', nn: 'Rettleiing i å søkje og drive prosjekt', sv: 'Vägledning i att söka och driva projekt', en: 'Guidance on applying for and running projects' },
  time: { nb: 'Tid satt av til arbeidet', nn: 'Tid sett av til arbeidet', sv: 'Avsatt tid för arbetet', en: 'Time set aside for the work' },
  partners: { nb: 'Samarbeidspartnere', nn: 'Samarbeidspartnarar', sv: 'Samarbetspartner', en: 'Partners to work with' },
  money: { nb: 'Penger til egenandel og forarbeid', nn: 'Pengar til eigendel og førebuing', sv: 'Pengar till egen insats och förarbete', en: 'Money for the own share and preparation' },
};

/** The fields the two project groups share: which programme, when, with whom. */
const projectFields = (yearLabels: Labels): GroupField[] => [
  {
    key: 'programme',
    type: 'single',
    optionsFrom: 'catalogue',
    allowOther: true,
    required: true,
    labels: { nb: 'Program eller støtteordning', nn: 'Program eller støtteordning', sv: 'Program eller stödprogram', en: 'Programme or funding scheme' },
  },
  { key: 'year', type: 'number', min: 1990, max: 2100, labels: yearLabels },
  {
    key: 'partners',
    type: 'text',
    maxLength: 1_000,
    labels: { nb: 'Samarbeidspartnere (organisasjoner og land)', nn: 'Samarbeidspartnarar (organisasjonar og land)', sv: 'Samarbetspartner (organisationer och länder)', en: 'Partners (organisations and countries)' },
  },
];

export const DEFAULT_TEMPLATE: readonly TemplateQuestion[] = [
  {
    key: TEMPLATE_KEYS.earlierProjects,
    section: 'experience',
    required: false,
    definition: {
      type: 'group',
      texts: {
        nb: { label: 'Hvilke internasjonale prosjekter har enheten gjennomført tidligere?', help: 'Legg inn ett prosjekt om gangen. La stå tomt hvis dere ikke har hatt noen.' },
        nn: { label: 'Kva internasjonale prosjekt har eininga gjennomført tidlegare?', help: 'Legg inn eitt prosjekt om gongen. La stå tomt om de ikkje har hatt nokon.' },
        sv: { label: 'Vilka internationella projekt har enheten genomfört tidigare?', help: 'Lägg till ett projekt i taget. Lämna tomt om ni inte har haft några.' },
        en: { label: 'Which international projects has your unit carried out before?', help: 'Add one project at a time. Leave this empty if you have had none.' },
      },
      entryLabel: { nb: 'Prosjekt', nn: 'Prosjekt', sv: 'Projekt', en: 'Project' },
      maxEntries: 30,
      fields: [
        ...projectFields({ nb: 'År', nn: 'År', sv: 'År', en: 'Year' }),
        {
          key: 'benefit',
          type: 'scale',
          scale: {
            min: 1,
            max: 5,
            minLabel: { nb: 'Liten nytte', nn: 'Lita nytte', sv: 'Liten nytta', en: 'Little benefit' },
            maxLabel: { nb: 'Stor nytte', nn: 'Stor nytte', sv: 'Stor nytta', en: 'Great benefit' },
          },
          labels: { nb: 'Hvor nyttig var prosjektet for enheten (1–5)?', nn: 'Kor nyttig var prosjektet for eininga (1–5)?', sv: 'Hur nyttigt var projektet för enheten (1–5)?', en: 'How useful was the project to your unit (1–5)?' },
        },
        {
          key: 'why',
          type: 'text',
          maxLength: 2_000,
          multiline: true,
          labels: { nb: 'Hvorfor – hva fikk dere ut av det?', nn: 'Kvifor – kva fekk de ut av det?', sv: 'Varför – vad fick ni ut av det?', en: 'Why – what did you gain from it?' },
        },
      ],
    },
  },
  {
    key: TEMPLATE_KEYS.ongoingProjects,
    section: 'experience',
    required: false,
    definition: {
      type: 'group',
      texts: {
        nb: { label: 'Har enheten internasjonale prosjekter på gang nå?', help: 'Legg inn ett prosjekt om gangen.' },
        nn: { label: 'Har eininga internasjonale prosjekt på gang no?', help: 'Legg inn eitt prosjekt om gongen.' },
        sv: { label: 'Har enheten internationella projekt på gång nu?', help: 'Lägg till ett projekt i taget.' },
        en: { label: 'Does your unit have international projects under way now?', help: 'Add one project at a time.' },
      },
      entryLabel: { nb: 'Prosjekt', nn: 'Prosjekt', sv: 'Projekt', en: 'Project' },
      maxEntries: 30,
      fields: [
        ...projectFields({ nb: 'Startår', nn: 'Startår', sv: 'Startår', en: 'Year started' }),
        {
          key: 'description',
          type: 'text',
          maxLength: 2_000,
          multiline: true,
          labels: { nb: 'Kort om prosjektet', nn: 'Kort om prosjektet', sv: 'Kort om projektet', en: 'The project in brief' },
        },
      ],
    },
  },
  {
    key: TEMPLATE_KEYS.timeAndResources,
    section: 'experience',
    required: false,
    definition: {
      type: 'text',
      multiline: true,
      maxLength: 2_000,
      texts: {
        nb: { label: 'Hvor mye tid og hvilke ressurser har enheten brukt på internasjonalt arbeid?', help: 'For eksempel timer eller årsverk, hvem som gjorde arbeidet, og om dere fikk hjelp utenfra.' },
        nn: { label: 'Kor mykje tid og kva ressursar har eininga brukt på internasjonalt arbeid?', help: 'Til dømes timar eller årsverk, kven som gjorde arbeidet, og om de fekk hjelp utanfrå.' },
        sv: { label: 'Hur mycket tid och vilka resurser har enheten lagt på internationellt arbete?', help: 'Till exempel timmar eller årsarbeten, vem som gjorde arbetet och om ni fick hjälp utifrån.' },
        en: { label: 'How much time and which resources has your unit spent on international work?', help: 'For example hours or person-years, who did the work, and whether you had outside help.' },
      },
    },
  },
  {
    key: TEMPLATE_KEYS.knowledge,
    section: 'knowledge',
    required: false,
    definition: {
      type: 'matrix',
      rowsFrom: 'catalogue',
      columns: KNOWLEDGE_COLUMNS,
      texts: {
        nb: { label: 'Hvor godt kjenner enheten disse støtteordningene?', help: 'Ett svar per ordning.' },
        nn: { label: 'Kor godt kjenner eininga desse støtteordningane?', help: 'Eitt svar per ordning.' },
        sv: { label: 'Hur väl känner enheten till de här stödprogrammen?', help: 'Ett svar per program.' },
        en: { label: 'How well does your unit know these funding schemes?', help: 'One answer per scheme.' },
      },
    },
  },
  {
    key: TEMPLATE_KEYS.interest,
    section: 'interest',
    required: true,
    definition: {
      type: 'scale',
      scale: {
        min: 0,
        max: 3,
        minLabel: { nb: 'Ingen interesse', nn: 'Ingen interesse', sv: 'Inget intresse', en: 'No interest' },
        maxLabel: { nb: 'Stor interesse', nn: 'Stor interesse', sv: 'Stort intresse', en: 'Strong interest' },
      },
      texts: {
        nb: { label: 'Hvor interessert er enheten i å delta i internasjonale samarbeidsprosjekter?' },
        nn: { label: 'Kor interessert er eininga i å delta i internasjonale samarbeidsprosjekt?' },
        sv: { label: 'Hur intresserad är enheten av att delta i internationella samarbetsprojekt?' },
        en: { label: 'How interested is your unit in taking part in international cooperation projects?' },
      },
    },
  },
  {
    key: TEMPLATE_KEYS.cooperationAreas,
    section: 'interest',
    required: false,
    definition: {
      type: 'multiple',
      allowOther: true,
      options: COOPERATION_AREAS.map((area) => option(area, COOPERATION_AREA_LABELS[area])),
      texts: {
        nb: { label: 'Innenfor hvilke områder kunne dere tenke dere å samarbeide?', help: 'Kryss av for alle som passer, og skriv gjerne inn andre områder.' },
        nn: { label: 'Innanfor kva område kunne de tenkje dykk å samarbeide?', help: 'Kryss av for alle som passar, og skriv gjerne inn andre område.' },
        sv: { label: 'Inom vilka områden skulle ni kunna tänka er att samarbeta?', help: 'Kryssa i alla som passar och skriv gärna in andra områden.' },
        en: { label: 'In which areas could you see yourselves cooperating?', help: 'Tick all that apply, and add other areas if you like.' },
      },
    },
  },
  {
    key: TEMPLATE_KEYS.needs,
    section: 'interest',
    required: false,
    definition: {
      type: 'multiple',
      allowOther: true,
      options: NEEDS.map((need) => option(need, NEED_LABELS[need])),
      texts: {
        nb: { label: 'Hva trenger dere for å komme i gang?' },
        nn: { label: 'Kva treng de for å kome i gang?' },
        sv: { label: 'Vad behöver ni för att komma i gång?' },
        en: { label: 'What would you need to get started?' },
      },
    },
  },
  {
    key: TEMPLATE_KEYS.comments,
    section: 'comments',
    required: false,
    definition: {
      type: 'text',
      multiline: true,
      maxLength: 4_000,
      texts: {
        nb: { label: 'Andre kommentarer eller ideer til internasjonalt samarbeid' },
        nn: { label: 'Andre kommentarar eller idear til internasjonalt samarbeid' },
        sv: { label: 'Andra kommentarer eller idéer om internationellt samarbete' },
        en: { label: 'Any other comments or ideas on international cooperation' },
      },
    },
  },
];
