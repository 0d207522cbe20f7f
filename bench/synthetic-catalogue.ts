/**
 * A synthetic catalogue for the benchmark: clones of the real programmes with new ids and varied
 * names, texts, keywords, places, filters and priorities, so that the search index holds many
 * different documents rather than thousands of copies. Pure and deterministic: the same real
 * catalogue and seed always give the same programmes.
 */
import type { LocalisedText, Priority, Programme } from '../src/catalogue/schema.js';
import { LANGUAGES, type Language } from '../src/reference/codes.js';
import { norwegianMunicipalities, swedishMunicipalities } from '../src/reference/index.js';
import { seededRandom } from '../src/platform/seeded-random.js';

export interface SyntheticOptions {
  /** Programmes plus priorities in the whole catalogue (the real ones included). */
  targetRows: number;
  seed: number;
  /** Fewest and most priorities of a synthetic programme. */
  minPriorities?: number;
  maxPriorities?: number;
}


type Random = () => number;
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: Random, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};
/** A random subset in the original order, at least `min` items (or all when there are fewer). */
function subset<T>(random: Random, items: readonly T[], keep: number, min = 1): T[] {
  const chosen = items.filter(() => random() < keep);
  if (chosen.length >= Math.min(min, items.length)) return chosen;
  return items.slice(0, Math.min(min, items.length));
}
function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
const localised = (make: (lang: Language) => string): LocalisedText => ({ nb: make('nb'), nn: make('nn'), sv: make('sv'), en: make('en') });

/** Themes a municipality works on, in the four languages. */
const THEMES: readonly LocalisedText[] = [
  { nb: 'klimatilpasning', nn: 'klimatilpassing', sv: 'klimatanpassning', en: 'climate adaptation' },
  { nb: 'havbruk', nn: 'havbruk', sv: 'vattenbruk', en: 'aquaculture' },
  { nb: 'fornybar energi', nn: 'fornybar energi', sv: 'förnybar energi', en: 'renewable energy' },
  { nb: 'folkehelse', nn: 'folkehelse', sv: 'folkhälsa', en: 'public health' },
  { nb: 'eldreomsorg', nn: 'eldreomsorg', sv: 'äldreomsorg', en: 'elderly care' },
  { nb: 'digitalisering', nn: 'digitalisering', sv: 'digitalisering', en: 'digitalisation' },
  { nb: 'reiseliv', nn: 'reiseliv', sv: 'turism', en: 'tourism' },
  { nb: 'kulturarv', nn: 'kulturarv', sv: 'kulturarv', en: 'cultural heritage' },
  { nb: 'ungdomsutveksling', nn: 'ungdomsutveksling', sv: 'ungdomsutbyte', en: 'youth exchange' },
  { nb: 'lærerutveksling', nn: 'lærarutveksling', sv: 'lärarutbyte', en: 'teacher exchange' },
  { nb: 'yrkesfag', nn: 'yrkesfag', sv: 'yrkesutbildning', en: 'vocational training' },
  { nb: 'sirkulær økonomi', nn: 'sirkulær økonomi', sv: 'cirkulär ekonomi', en: 'circular economy' },
  { nb: 'vannforvaltning', nn: 'vassforvaltning', sv: 'vattenförvaltning', en: 'water management' },
  { nb: 'flomsikring', nn: 'flaumsikring', sv: 'översvämningsskydd', en: 'flood protection' },
  { nb: 'kollektivtransport', nn: 'kollektivtransport', sv: 'kollektivtrafik', en: 'public transport' },
  { nb: 'grensehindre', nn: 'grensehinder', sv: 'gränshinder', en: 'border obstacles' },
  { nb: 'samisk kultur', nn: 'samisk kultur', sv: 'samisk kultur', en: 'Sami culture' },
  { nb: 'integrering', nn: 'integrering', sv: 'integration', en: 'integration' },
  { nb: 'samfunnssikkerhet og beredskap', nn: 'samfunnstryggleik og beredskap', sv: 'krisberedskap', en: 'emergency preparedness' },
  { nb: 'biologisk mangfold', nn: 'biologisk mangfald', sv: 'biologisk mångfald', en: 'biodiversity' },
  { nb: 'skogbruk', nn: 'skogbruk', sv: 'skogsbruk', en: 'forestry' },
  { nb: 'lokal matproduksjon', nn: 'lokal matproduksjon', sv: 'lokal livsmedelsproduktion', en: 'local food production' },
  { nb: 'innovasjon i offentlig sektor', nn: 'innovasjon i offentleg sektor', sv: 'offentlig innovation', en: 'public sector innovation' },
  { nb: 'entreprenørskap', nn: 'entreprenørskap', sv: 'entreprenörskap', en: 'entrepreneurship' },
  { nb: 'kompetanseheving', nn: 'kompetanseheving', sv: 'kompetensutveckling', en: 'skills development' },
  { nb: 'velferdsteknologi', nn: 'velferdsteknologi', sv: 'välfärdsteknik', en: 'welfare technology' },
  { nb: 'idrett og friluftsliv', nn: 'idrett og friluftsliv', sv: 'idrott och friluftsliv', en: 'sport and outdoor life' },
  { nb: 'frivillighet', nn: 'frivilligheit', sv: 'ideellt engagemang', en: 'volunteering' },
  { nb: 'stedsutvikling', nn: 'stadutvikling', sv: 'platsutveckling', en: 'place development' },
  { nb: 'kystsamfunn', nn: 'kystsamfunn', sv: 'kustsamhällen', en: 'coastal communities' },
  { nb: 'arktisk samarbeid', nn: 'arktisk samarbeid', sv: 'arktiskt samarbete', en: 'Arctic cooperation' },
  { nb: 'havnivåstigning', nn: 'havnivåstiging', sv: 'havsnivåhöjning', en: 'sea level rise' },
  { nb: 'smarte byer', nn: 'smarte byar', sv: 'smarta städer', en: 'smart cities' },
  { nb: 'bibliotekutvikling', nn: 'bibliotekutvikling', sv: 'biblioteksutveckling', en: 'library development' },
  { nb: 'musikk og scenekunst', nn: 'musikk og scenekunst', sv: 'musik och scenkonst', en: 'music and performing arts' },
  { nb: 'skoleutvikling', nn: 'skuleutvikling', sv: 'skolutveckling', en: 'school development' },
  { nb: 'barnehage', nn: 'barnehage', sv: 'förskola', en: 'early childhood education' },
  { nb: 'avfallshåndtering', nn: 'avfallshandtering', sv: 'avfallshantering', en: 'waste management' },
  { nb: 'hydrogen', nn: 'hydrogen', sv: 'vätgas', en: 'hydrogen' },
  { nb: 'bredbånd', nn: 'breiband', sv: 'bredband', en: 'broadband' },
  { nb: 'psykisk helse', nn: 'psykisk helse', sv: 'psykisk hälsa', en: 'mental health' },
  { nb: 'vennskapskommuner', nn: 'vennskapskommunar', sv: 'vänorter', en: 'twin towns' },
  { nb: 'likestilling', nn: 'likestilling', sv: 'jämställdhet', en: 'gender equality' },
  { nb: 'demokrati og medvirkning', nn: 'demokrati og medverknad', sv: 'demokrati och delaktighet', en: 'democracy and participation' },
  { nb: 'grønn skipsfart', nn: 'grøn skipsfart', sv: 'grön sjöfart', en: 'green shipping' },
  { nb: 'reindrift', nn: 'reindrift', sv: 'rennäring', en: 'reindeer husbandry' },
];

const ACTIONS: readonly LocalisedText[] = [
  { nb: 'Samarbeid om', nn: 'Samarbeid om', sv: 'Samarbete om', en: 'Cooperation on' },
  { nb: 'Nettverk for', nn: 'Nettverk for', sv: 'Nätverk för', en: 'Network for' },
  { nb: 'Utviklingsmidler til', nn: 'Utviklingsmidlar til', sv: 'Utvecklingsmedel för', en: 'Development funds for' },
  { nb: 'Tilskudd til', nn: 'Tilskot til', sv: 'Bidrag till', en: 'Grants for' },
  { nb: 'Pilotordning for', nn: 'Pilotordning for', sv: 'Pilotsatsning för', en: 'Pilot scheme for' },
  { nb: 'Kunnskapsløft for', nn: 'Kunnskapsløft for', sv: 'Kunskapslyft för', en: 'Knowledge boost for' },
  { nb: 'Partnerskap om', nn: 'Partnarskap om', sv: 'Partnerskap om', en: 'Partnership on' },
];

const IN: LocalisedText = { nb: 'i', nn: 'i', sv: 'i', en: 'in' };

const focusSentence = (lang: Language, first: string, second: string, place: string): string =>
  ({
    nb: `Ordningen legger særlig vekt på ${first} og ${second} i ${place} og omegn.`,
    nn: `Ordninga legg særleg vekt på ${first} og ${second} i ${place} og omlandet.`,
    sv: `Satsningen lägger särskild vikt vid ${first} och ${second} i ${place} med omnejd.`,
    en: `The scheme puts particular weight on ${first} and ${second} in and around ${place}.`,
  })[lang];

const prioritySentence = (lang: Language, theme: string, place: string): string =>
  ({
    nb: `Prosjekter om ${theme} der kommuner i ${place} samarbeider med partnere i andre land.`,
    nn: `Prosjekt om ${theme} der kommunar i ${place} samarbeider med partnarar i andre land.`,
    sv: `Projekt om ${theme} där kommuner i ${place} samarbetar med partner i andra länder.`,
    en: `Projects on ${theme} in which municipalities in ${place} work with partners in other countries.`,
  })[lang];

const sentences = (text: string) => text.split(/(?<=[.!?])\s+/).filter((s) => s.length > 0);

/** Keeps a random selection of the sentences of each language (the same positions where they exist). */
function varyText(random: Random, text: LocalisedText, keep: number): Record<Language, string[]> {
  const split = localisedMap(text, sentences);
  const longest = Math.max(...LANGUAGES.map((lang) => split[lang].length));
  const positions = subset(random, [...Array(longest).keys()], keep);
  return localisedMap(split, (parts) => {
    const kept = positions.filter((i) => i < parts.length).map((i) => parts[i] as string);
    return kept.length > 0 ? kept : parts.slice(0, 1);
  });
}

function localisedMap<A, B>(value: Record<Language, A>, map: (a: A, lang: Language) => B): Record<Language, B> {
  return { nb: map(value.nb, 'nb'), nn: map(value.nn, 'nn'), sv: map(value.sv, 'sv'), en: map(value.en, 'en') };
}

const PLACES: readonly string[] = [...norwegianMunicipalities.map((m) => m.norwegianName), ...swedishMunicipalities.map((m) => m.name)];

/** The name a programme is known by: its short name, or its name up to the first dash. */
const shortNameOf = (programme: Programme, lang: Language) => programme.shortName ?? (programme.name[lang].split(/ [–-] /)[0] ?? programme.name[lang]);

function cloneProgramme(random: Random, source: Programme, id: string, priorities: Priority[]): Programme {
  const place = pick(random, PLACES);
  const theme = pick(random, THEMES);
  const secondTheme = pick(random, THEMES);
  const action = pick(random, ACTIONS);
  // Half the clones keep the source's name in theirs (many "Erasmus+ – …"), half only mention it in the text.
  const keepsSourceName = random() < 0.5;
  const name = localised((lang) => {
    const own = `${action[lang]} ${theme[lang]} ${IN[lang]} ${place}`;
    return keepsSourceName ? `${shortNameOf(source, lang)} – ${own}` : own;
  });
  const summary = localisedMap(varyText(random, source.summary, 0.6), (parts, lang) =>
    [...parts, focusSentence(lang, theme[lang], secondTheme[lang], place)].join(' '),
  );

  const sectors = subset(random, source.sectors, 0.7);
  const eligible = subset(random, source.applicants.eligible, 0.8);
  const rates = [source.fundingRate.maxPercent ?? 50, 40, 50, 60, 65, 75, 80, 85, 100];
  const maxPercent = source.fundingRate.maxPercent === undefined && random() < 0.5 ? undefined : pick(random, rates);
  const minPercent = source.fundingRate.minPercent !== undefined && maxPercent !== undefined ? Math.min(source.fundingRate.minPercent, maxPercent) : undefined;
  const fundingRate = { ...source.fundingRate };
  delete fundingRate.maxPercent;
  delete fundingRate.minPercent;
  if (minPercent !== undefined) fundingRate.minPercent = minPercent;
  if (maxPercent !== undefined) fundingRate.maxPercent = maxPercent;
  const status = random() < 0.85 ? source.status : pick(random, ['active', 'forthcoming', 'closed'] as const);

  const clone: Programme = {
    ...structuredClone(source),
    id,
    name,
    summary,
    status,
    sectors,
    applicants: { ...source.applicants, eligible },
    fundingRate,
    priorities,
  };
  if (clone.shortName !== undefined) clone.shortName = `${clone.shortName} ${place}`;
  // A source cited only by a dropped priority is no longer cited: leave it out, as the validator wants.
  const cited = new Set([clone.applicants.source, clone.partnership.source, clone.fundingRate.source, clone.coFinancing.source, clone.area.source]);
  for (const entry of [...clone.projectTypes, ...clone.guidance, ...clone.priorities]) cited.add(entry.source);
  clone.sources = clone.sources.filter((s) => cited.has(s.id));
  return clone;
}

function clonePriority(random: Random, source: Priority, code: string, citedSource: string): Priority {
  const place = pick(random, PLACES);
  const theme = pick(random, THEMES);
  const description = localisedMap(varyText(random, source.description, 0.6), (parts, lang) =>
    [...parts, prioritySentence(lang, theme[lang], place)].join(' '),
  );
  const keywords = [...subset(random, source.keywords ?? [], 0.5, 0), theme.nb, theme.sv].filter((k) => k.length >= 2);
  return {
    ...structuredClone(source),
    code,
    name: localised((lang) => `${source.name[lang]}: ${theme[lang]}`),
    description,
    examples: subset(random, source.examples, 0.6, 0).map((e) => ({ ...e })),
    keywords: [...new Set(keywords)],
    source: citedSource,
  };
}

/**
 * Synthetic programmes (the real ones not included) so that real + synthetic programmes and their
 * priorities add up to exactly `targetRows`.
 */
export function syntheticCatalogue(real: readonly Programme[], options: SyntheticOptions): Programme[] {
  const random = seededRandom(options.seed);
  const minPriorities = options.minPriorities ?? 2;
  const maxPriorities = options.maxPriorities ?? 6;
  const realRows = real.length + real.reduce((sum, p) => sum + p.priorities.length, 0);
  if (real.length === 0) throw new Error('the real catalogue is empty');
  // An Interreg priority needs both objective codes; borrowed priorities must have them.
  const interregPool = real.flatMap((p) => p.priorities).filter((p) => p.policyObjective !== undefined && p.specificObjective !== undefined);
  const anyPool = real.flatMap((p) => p.priorities);
  const usedIds = new Set(real.map((p) => p.id));

  const result: Programme[] = [];
  let remaining = options.targetRows - realRows;
  for (let n = 1; remaining > 0; n++) {
    const source = real[(n - 1) % real.length] as Programme;
    let count = int(random, minPriorities, maxPriorities);
    // The last programme takes what is left, so the total is exact.
    if (remaining - 1 - count < 1 + minPriorities) count = remaining - 1;
    const own = shuffled(random, source.priorities);
    const pool = source.interregStrand !== undefined ? interregPool : anyPool;
    const chosen: Priority[] = [];
    for (let i = 0; i < count; i++) chosen.push(own[i] ?? pick(random, pool));
    const citedSource = source.fundingRate.source;
    const codes = new Set<string>();
    const priorities = chosen.map((priority, i) => {
      let code = priority.code;
      for (let k = i + 1; codes.has(code); k++) code = `S${k}`;
      codes.add(code);
      return clonePriority(random, priority, code, source.priorities.includes(priority) ? priority.source : citedSource);
    });
    const id = `${source.id}-s${n}`;
    if (usedIds.has(id)) throw new Error(`synthetic id ${id} collides`);
    usedIds.add(id);
    result.push(cloneProgramme(random, source, id, priorities));
    remaining -= 1 + count;
  }
  return result;
}
