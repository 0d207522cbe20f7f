/**
 * Free-text answers grouped by theme (pure, deterministic). A text belongs to the first cooperation
 * area whose words it uses (the areas the pre-study's units named), else to the first concept of the
 * navigator's vocabulary it mentions, else to `other`. Words are matched as the navigator matches an
 * idea (`navigator/concepts.ts`): the start of a word, inside compounds from five letters, phrases as
 * consecutive words — in bokmål, nynorsk, Swedish and English alike.
 */
import type { Concept } from '../catalogue/concept-schema.js';
import { compileVocabulary, matchConcepts, type CompiledConcept } from '../navigator/concepts.js';
import type { Language } from '../reference/codes.js';

type Terms = Record<Language, string[]>;

/**
 * The words of each cooperation area (keys as in the template's `cooperation-areas` question). Terms
 * follow the vocabulary's writing rules: lower case, no short stems that start unrelated words.
 */
export const COOPERATION_AREA_TERMS: Record<string, Terms> = {
  'technical-services': {
    nb: ['kommunalteknikk', 'kommunaltekniske', 'vann og avløp', 'vannforsyning', 'avløp', 'renovasjon', 'veivedlikehold', 'kommunale veier'],
    nn: ['kommunalteknikk', 'kommunaltekniske', 'vatn og avløp', 'vassforsyning', 'avløp', 'renovasjon', 'vegvedlikehald', 'kommunale vegar'],
    sv: ['kommunalteknik', 'vatten och avlopp', 'vattenförsörjning', 'avlopp', 'renhållning', 'gatuunderhåll'],
    en: ['technical services', 'municipal engineering', 'water supply', 'wastewater', 'sewage', 'utilities', 'road maintenance'],
  },
  climate: {
    nb: ['klima', 'klimagass', 'utslipp', 'klimatilpasning', 'overvann'],
    nn: ['klima', 'klimagass', 'utslepp', 'klimatilpassing', 'overvatn'],
    sv: ['klimat', 'växthusgas', 'utsläpp', 'klimatanpassning', 'dagvatten'],
    en: ['climate', 'emissions', 'greenhouse gas', 'carbon', 'adaptation to climate'],
  },
  'nature-management': {
    nb: ['naturforvaltning', 'naturmangfold', 'friluftsliv', 'verneområde', 'kyststi', 'vassdrag', 'artsmangfold'],
    nn: ['naturforvalting', 'naturmangfald', 'friluftsliv', 'verneområde', 'kyststi', 'vassdrag', 'artsmangfald'],
    sv: ['naturvård', 'biologisk mångfald', 'friluftsliv', 'naturreservat', 'vattendrag'],
    en: ['nature management', 'biodiversity', 'outdoor recreation', 'protected area', 'nature conservation'],
  },
  agriculture: {
    nb: ['landbruk', 'jordbruk', 'bonde', 'bønder', 'matproduksjon', 'gårdsbruk'],
    nn: ['landbruk', 'jordbruk', 'bonde', 'bønder', 'matproduksjon', 'gardsbruk'],
    sv: ['lantbruk', 'jordbruk', 'bönder', 'livsmedelsproduktion'],
    en: ['agriculture', 'agricultural', 'farming', 'farmers', 'food production'],
  },
  forestry: {
    nb: ['skogbruk', 'skogeier', 'tømmer', 'skogen'],
    nn: ['skogbruk', 'skogeigar', 'tømmer', 'skogen'],
    sv: ['skogsbruk', 'skogsägare', 'timmer', 'skogen'],
    en: ['forestry', 'forest owners', 'timber', 'woodland'],
  },
  'urban-development': {
    nb: ['byutvikling', 'sentrumsutvikling', 'byrom', 'byplanlegging', 'fortetting'],
    nn: ['byutvikling', 'sentrumsutvikling', 'byrom', 'byplanlegging', 'fortetting'],
    sv: ['stadsutveckling', 'stadsplanering', 'centrumutveckling', 'förtätning'],
    en: ['urban development', 'city planning', 'town centre', 'urban regeneration', 'densification'],
  },
  digitalisation: {
    nb: ['digitalisering', 'digital', 'prosjektstyring', 'velferdsteknologi', 'datadeling'],
    nn: ['digitalisering', 'digital', 'prosjektstyring', 'velferdsteknologi', 'datadeling'],
    sv: ['digitalisering', 'digital', 'projektstyrning', 'välfärdsteknik'],
    en: ['digitalisation', 'digitalization', 'digital', 'project management', 'e-government'],
  },
  'operation-maintenance': {
    nb: ['forvaltning, drift og vedlikehold', 'fdv', 'drift og vedlikehold', 'eiendomsforvaltning', 'bygningsdrift', 'vedlikehold'],
    nn: ['forvalting, drift og vedlikehald', 'fdv', 'drift og vedlikehald', 'eigedomsforvalting', 'vedlikehald'],
    sv: ['drift och underhåll', 'fastighetsförvaltning', 'underhåll'],
    en: ['operation and maintenance', 'facility management', 'property management', 'maintenance'],
  },
  sustainability: {
    nb: ['bærekraft', 'bærekraftig', 'bærekraftsmål', 'sirkulær', 'grønn omstilling'],
    nn: ['berekraft', 'berekraftig', 'berekraftsmål', 'sirkulær', 'grøn omstilling'],
    sv: ['hållbarhet', 'hållbar', 'hållbarhetsmål', 'cirkulär', 'grön omställning'],
    en: ['sustainability', 'sustainable', 'sustainable development goals', 'circular', 'green transition'],
  },
  'place-development': {
    nb: ['stedsutvikling', 'lokalsamfunn', 'tettsted', 'bygdeutvikling', 'attraktivitet'],
    nn: ['stadsutvikling', 'lokalsamfunn', 'tettstad', 'bygdeutvikling', 'attraktivitet'],
    sv: ['platsutveckling', 'lokalsamhälle', 'landsbygdsutveckling', 'attraktivitet'],
    en: ['place development', 'placemaking', 'local community', 'rural development', 'attractiveness'],
  },
  'public-health': {
    nb: ['folkehels', 'helsefremmende', 'fysisk aktivitet', 'forebygging', 'levekår'],
    nn: ['folkehels', 'helsefremjande', 'fysisk aktivitet', 'førebygging', 'levekår'],
    sv: ['folkhäls', 'hälsofrämjande', 'fysisk aktivitet', 'förebyggande', 'levnadsvillkor'],
    en: ['public health', 'health promotion', 'physical activity', 'prevention', 'wellbeing', 'well-being'],
  },
  'life-skills': {
    nb: ['livsmestring', 'psykisk helse', 'mestring', 'livsferdigheter'],
    nn: ['livsmeistring', 'psykisk helse', 'meistring', 'livsdugleik'],
    sv: ['livskunskap', 'psykisk hälsa', 'livsfärdigheter'],
    en: ['life skills', 'mental health', 'resilience'],
  },
  'democracy-citizenship': {
    nb: ['demokrati', 'medborgerskap', 'medvirkning', 'ungdomsråd', 'elevråd', 'valgdeltakelse'],
    nn: ['demokrati', 'medborgarskap', 'medverknad', 'ungdomsråd', 'elevråd', 'valdeltaking'],
    sv: ['demokrati', 'medborgarskap', 'delaktighet', 'ungdomsråd', 'elevråd', 'valdeltagande'],
    en: ['democracy', 'citizenship', 'civic participation', 'youth council', 'pupil council', 'voter turnout'],
  },
  'art-culture': {
    nb: ['kunst og kultur', 'kunstner', 'kultur', 'musikk', 'teater', 'bibliotek', 'kulturarv'],
    nn: ['kunst og kultur', 'kunstnar', 'kultur', 'musikk', 'teater', 'bibliotek', 'kulturarv'],
    sv: ['konst och kultur', 'konstnär', 'kultur', 'musik', 'teater', 'bibliotek', 'kulturarv'],
    en: ['arts and culture', 'artist', 'artists', 'cultural', 'music', 'theatre', 'library', 'heritage'],
  },
};

export const OTHER_THEME = 'other';

export interface ThemeVocabulary {
  areas: readonly CompiledConcept[];
  concepts: readonly CompiledConcept[];
}

/** The areas as vocabulary entries of their own (labelled by the caller, e.g. with the question's option labels). */
export function compileThemes(concepts: readonly Concept[]): ThemeVocabulary {
  const areas: Concept[] = Object.entries(COOPERATION_AREA_TERMS).map(([id, terms]) => ({ id, label: { nb: id, nn: id, sv: id, en: id }, terms, targets: [] }));
  return { areas: compileVocabulary(areas), concepts: compileVocabulary(concepts) };
}

export interface Theme {
  id: string;
  kind: 'area' | 'concept' | 'other';
}

/** Classifying is the costly part of grouping; a text's theme never changes for a vocabulary, so it is kept. */
const CLASSIFIED_LIMIT = 50_000;
const classified = new WeakMap<ThemeVocabulary, Map<string, Theme>>();

export function themeOf(text: string, vocabulary: ThemeVocabulary): Theme {
  let known = classified.get(vocabulary);
  if (!known) classified.set(vocabulary, (known = new Map()));
  const cached = known.get(text);
  if (cached) return cached;
  const area = matchConcepts(text, vocabulary.areas)[0];
  const concept = area ? undefined : matchConcepts(text, vocabulary.concepts)[0];
  const theme: Theme = area ? { id: area.concept.id, kind: 'area' } : concept ? { id: concept.concept.id, kind: 'concept' } : { id: OTHER_THEME, kind: 'other' };
  // Oldest first out when full: a Map iterates in insertion order.
  if (known.size >= CLASSIFIED_LIMIT) known.delete(known.keys().next().value!);
  known.set(text, theme);
  return theme;
}

export interface FreeTextAnswer {
  questionKey: string;
  questionLabel: string;
  text: string;
  unit: string | null;
}

export interface ThemeGroupOf<T> {
  theme: string;
  kind: Theme['kind'];
  label: string;
  answers: T[];
}

/**
 * Groups answers by theme: the largest theme first (ties by label), `other` last; answers keep the
 * order they come in. `label` names a theme in the reader's language.
 */
export function groupByTheme<T extends { text: string }>(answers: readonly T[], vocabulary: ThemeVocabulary, label: (theme: Theme) => string): Array<ThemeGroupOf<T>> {
  const groups = new Map<string, ThemeGroupOf<T>>();
  for (const answer of answers) {
    const theme = themeOf(answer.text, vocabulary);
    const key = `${theme.kind}:${theme.id}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { theme: theme.id, kind: theme.kind, label: label(theme), answers: [] }));
    group.answers.push(answer);
  }
  return [...groups.values()].sort(
    (a, b) => (a.kind === 'other' ? 1 : 0) - (b.kind === 'other' ? 1 : 0) || b.answers.length - a.answers.length || a.label.localeCompare(b.label, 'nb') || (a.theme < b.theme ? -1 : 1),
  );
}
