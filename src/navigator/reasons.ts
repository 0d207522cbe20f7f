/** Why a rule came out as it did, in the four product languages. */
import type { Language } from '../reference/codes.js';

type Params = Record<string, string | number>;
type Template = (p: Params) => string;

export const REASONS = {
  statusActive: {
    nb: () => 'Programmet er åpent for søknader i inneværende periode.',
    nn: () => 'Programmet er ope for søknader i inneverande periode.',
    sv: () => 'Programmet är öppet för ansökningar under innevarande period.',
    en: () => 'The programme is open for applications in the current period.',
  },
  statusForthcoming: {
    nb: () => 'Programmet er ikke åpnet ennå; reglene kan endre seg.',
    nn: () => 'Programmet er ikkje opna enno; reglane kan endre seg.',
    sv: () => 'Programmet har inte öppnat ännu; reglerna kan ändras.',
    en: () => 'The programme has not opened yet; its rules may change.',
  },
  statusClosed: {
    nb: () => 'Programmet er avsluttet og tar ikke imot søknader.',
    nn: () => 'Programmet er avslutta og tek ikkje imot søknader.',
    sv: () => 'Programmet är avslutat och tar inte emot ansökningar.',
    en: () => 'The programme has ended and takes no applications.',
  },
  applicantEligible: {
    nb: (p) => `${p.type} kan søke.`,
    nn: (p) => `${p.type} kan søkje.`,
    sv: (p) => `${p.type} kan söka.`,
    en: (p) => `${p.type} may apply.`,
  },
  applicantExcluded: {
    nb: (p) => `${p.type} kan ikke søke i dette programmet.`,
    nn: (p) => `${p.type} kan ikkje søkje i dette programmet.`,
    sv: (p) => `${p.type} kan inte söka i detta program.`,
    en: (p) => `${p.type} may not apply to this programme.`,
  },
  applicantNotListed: {
    nb: (p) => `${p.type} er ikke nevnt blant søkerne; spør veiledende instans.`,
    nn: (p) => `${p.type} er ikkje nemnd blant søkjarane; spør rettleiande instans.`,
    sv: (p) => `${p.type} nämns inte bland de sökande; fråga den rådgivande instansen.`,
    en: (p) => `${p.type} is not named among the applicants; ask the guidance body.`,
  },
  insideArea: {
    nb: (p) => `${p.place} ligger i programområdet.`,
    nn: (p) => `${p.place} ligg i programområdet.`,
    sv: (p) => `${p.place} ligger i programområdet.`,
    en: (p) => `${p.place} is inside the programme area.`,
  },
  outsideArea: {
    nb: (p) => `${p.place} ligger utenfor programområdet.`,
    nn: (p) => `${p.place} ligg utanfor programområdet.`,
    sv: (p) => `${p.place} ligger utanför programområdet.`,
    en: (p) => `${p.place} is outside the programme area.`,
  },
  outsideAreaMayBeAccepted: {
    nb: (p) => `${p.place} ligger utenfor programområdet, men programmet godtar i noen tilfeller deltakere utenfra; sjekk med sekretariatet.`,
    nn: (p) => `${p.place} ligg utanfor programområdet, men programmet godtek i nokre tilfelle deltakarar utanfrå; sjekk med sekretariatet.`,
    sv: (p) => `${p.place} ligger utanför programområdet, men programmet godtar i vissa fall deltagare utifrån; kontrollera med sekretariatet.`,
    en: (p) => `${p.place} is outside the programme area, but the programme accepts outside participants in some cases; check with the secretariat.`,
  },
  areaPartly: {
    nb: (p) => `Programområdet dekker bare deler av ${p.place}; oppgi kommune for et sikkert svar.`,
    nn: (p) => `Programområdet dekkjer berre delar av ${p.place}; oppgi kommune for eit sikkert svar.`,
    sv: (p) => `Programområdet täcker bara delar av ${p.place}; ange kommun för ett säkert svar.`,
    en: (p) => `The programme area covers only part of ${p.place}; give the municipality for a firm answer.`,
  },
  countriesCovered: {
    nb: (p) => `Krav om deltakere fra ${p.countries} er oppfylt.`,
    nn: (p) => `Krav om deltakarar frå ${p.countries} er oppfylt.`,
    sv: (p) => `Kravet på deltagare från ${p.countries} är uppfyllt.`,
    en: (p) => `The requirement for participants from ${p.countries} is met.`,
  },
  countriesMissing: {
    nb: (p) => `Prosjektet trenger en partner fra ${p.countries}.`,
    nn: (p) => `Prosjektet treng ein partnar frå ${p.countries}.`,
    sv: (p) => `Projektet behöver en partner från ${p.countries}.`,
    en: (p) => `The project needs a partner from ${p.countries}.`,
  },
  noCountryRequirement: {
    nb: () => 'Programmet krever ikke partnere fra bestemte land.',
    nn: () => 'Programmet krev ikkje partnarar frå bestemte land.',
    sv: () => 'Programmet kräver inte partner från vissa länder.',
    en: () => 'The programme does not require partners from particular countries.',
  },
  partnersEnough: {
    nb: (p) => `${p.count} deltakere; programmet krever minst ${p.min}.`,
    nn: (p) => `${p.count} deltakarar; programmet krev minst ${p.min}.`,
    sv: (p) => `${p.count} deltagare; programmet kräver minst ${p.min}.`,
    en: (p) => `${p.count} participants; the programme requires at least ${p.min}.`,
  },
  partnersTooFew: {
    nb: (p) => `Bare ${p.count} deltaker(e); programmet krever minst ${p.min}.`,
    nn: (p) => `Berre ${p.count} deltakar(ar); programmet krev minst ${p.min}.`,
    sv: (p) => `Bara ${p.count} deltagare; programmet kräver minst ${p.min}.`,
    en: (p) => `Only ${p.count} participant(s); the programme requires at least ${p.min}.`,
  },
  partnersNotGiven: {
    nb: (p) => `Programmet krever minst ${p.min} deltakere; oppgi partnerne dere har.`,
    nn: (p) => `Programmet krev minst ${p.min} deltakarar; oppgi partnarane de har.`,
    sv: (p) => `Programmet kräver minst ${p.min} deltagare; ange era partner.`,
    en: (p) => `The programme requires at least ${p.min} participants; give the partners you have.`,
  },
  noPartnerMinimum: {
    nb: () => 'Programmet krever ikke et bestemt antall partnere.',
    nn: () => 'Programmet krev ikkje eit bestemt tal partnarar.',
    sv: () => 'Programmet kräver inte ett visst antal partner.',
    en: () => 'The programme does not require a set number of partners.',
  },
  partnerMinimumUnknown: {
    nb: () => 'Katalogen kjenner ikke kravet til antall partnere.',
    nn: () => 'Katalogen kjenner ikkje kravet til tal partnarar.',
    sv: () => 'Katalogen känner inte till kravet på antal partner.',
    en: () => 'The catalogue does not know the minimum number of partners.',
  },
  partnersInside: {
    nb: () => 'Alle partnere ligger i programområdet eller deltakerlandene.',
    nn: () => 'Alle partnarar ligg i programområdet eller deltakarlanda.',
    sv: () => 'Alla partner ligger i programområdet eller deltagarländerna.',
    en: () => 'All partners are inside the programme area or participating countries.',
  },
  partnerOutside: {
    nb: (p) => `Partneren i ${p.place} ligger utenfor programområdet. Partnere utenfra (f.eks. et nasjonalt organ eller universitet) godtas i noen tilfeller; må sjekkes.`,
    nn: (p) => `Partnaren i ${p.place} ligg utanfor programområdet. Partnarar utanfrå (t.d. eit nasjonalt organ eller universitet) blir godtekne i nokre tilfelle; må sjekkast.`,
    sv: (p) => `Partnern i ${p.place} ligger utanför programområdet. Partner utifrån (t.ex. en nationell myndighet eller ett universitet) godtas i vissa fall; måste kontrolleras.`,
    en: (p) => `The partner in ${p.place} is outside the programme area. Outside partners (e.g. a national agency or university) are accepted in some cases; must be checked.`,
  },
  partnerAreaUnknown: {
    nb: (p) => `Programområdet dekker bare deler av ${p.place}; oppgi region for partneren.`,
    nn: (p) => `Programområdet dekkjer berre delar av ${p.place}; oppgi region for partnaren.`,
    sv: (p) => `Programområdet täcker bara delar av ${p.place}; ange region för partnern.`,
    en: (p) => `The programme area covers only part of ${p.place}; give the partner's region.`,
  },
  projectTypeOffered: {
    nb: (p) => `Programmet gir støtte til ${p.type}.`,
    nn: (p) => `Programmet gir støtte til ${p.type}.`,
    sv: (p) => `Programmet ger stöd till ${p.type}.`,
    en: (p) => `The programme funds this project type: ${p.type}.`,
  },
  projectTypeNotOffered: {
    nb: (p) => `Programmet gir ikke støtte til ${p.type}; det støtter ${p.offered}.`,
    nn: (p) => `Programmet gir ikkje støtte til ${p.type}; det støttar ${p.offered}.`,
    sv: (p) => `Programmet ger inte stöd till ${p.type}; det stöder ${p.offered}.`,
    en: (p) => `The programme does not fund ${p.type}; it funds ${p.offered}.`,
  },
  projectTypesUnknown: {
    nb: () => 'Katalogen kjenner ikke programmets prosjekttyper.',
    nn: () => 'Katalogen kjenner ikkje prosjekttypane til programmet.',
    sv: () => 'Katalogen känner inte till programmets projekttyper.',
    en: () => "The catalogue does not know the programme's project types.",
  },
  durationWithin: {
    nb: (p) => `${p.months} måneder er innenfor grensen på ${p.max}.`,
    nn: (p) => `${p.months} månader er innanfor grensa på ${p.max}.`,
    sv: (p) => `${p.months} månader ligger inom gränsen på ${p.max}.`,
    en: (p) => `${p.months} months is within the limit of ${p.max}.`,
  },
  durationTooLong: {
    nb: (p) => `${p.months} måneder er lengre enn grensen på ${p.max}.`,
    nn: (p) => `${p.months} månader er lengre enn grensa på ${p.max}.`,
    sv: (p) => `${p.months} månader är längre än gränsen på ${p.max}.`,
    en: (p) => `${p.months} months is longer than the limit of ${p.max}.`,
  },
  durationLimitUnknown: {
    nb: () => 'Katalogen kjenner ingen grense for varighet.',
    nn: () => 'Katalogen kjenner inga grense for varigheit.',
    sv: () => 'Katalogen känner inte till någon gräns för löptid.',
    en: () => 'The catalogue knows no limit on duration.',
  },
  amountWithin: {
    nb: (p) => `Anslått tilskudd ${p.grant} er innenfor rammen ${p.range}.`,
    nn: (p) => `Anslått tilskot ${p.grant} er innanfor ramma ${p.range}.`,
    sv: (p) => `Uppskattat stöd ${p.grant} ligger inom ramen ${p.range}.`,
    en: (p) => `The estimated grant of ${p.grant} is within the range ${p.range}.`,
  },
  amountTooSmall: {
    nb: (p) => `Anslått tilskudd ${p.grant} er under minstebeløpet ${p.min}.`,
    nn: (p) => `Anslått tilskot ${p.grant} er under minstebeløpet ${p.min}.`,
    sv: (p) => `Uppskattat stöd ${p.grant} är lägre än minimibeloppet ${p.min}.`,
    en: (p) => `The estimated grant of ${p.grant} is below the minimum of ${p.min}.`,
  },
  amountCapped: {
    nb: (p) => `Tilskuddet er begrenset til ${p.max}; resten må dekkes av egne midler eller andre kilder.`,
    nn: (p) => `Tilskotet er avgrensa til ${p.max}; resten må dekkjast av eigne midlar eller andre kjelder.`,
    sv: (p) => `Stödet är begränsat till ${p.max}; resten måste täckas av egna medel eller andra källor.`,
    en: (p) => `The grant is limited to ${p.max}; the rest must come from own funds or other sources.`,
  },
  amountLimitsUnknown: {
    nb: () => 'Katalogen kjenner ingen beløpsgrenser for denne prosjekttypen.',
    nn: () => 'Katalogen kjenner ingen beløpsgrenser for denne prosjekttypen.',
    sv: () => 'Katalogen känner inte till några beloppsgränser för denna projekttyp.',
    en: () => 'The catalogue knows no amount limits for this project type.',
  },
  factMustBeChecked: {
    nb: () => ' (Opplysningen i katalogen må sjekkes.)',
    nn: () => ' (Opplysninga i katalogen må sjekkast.)',
    sv: () => ' (Uppgiften i katalogen måste kontrolleras.)',
    en: () => ' (This catalogue fact must be checked.)',
  },
} satisfies Record<string, Record<Language, Template>>;

export type ReasonKey = keyof typeof REASONS;

export function reasonText(key: ReasonKey, language: Language, params: Params = {}): string {
  return REASONS[key][language](params);
}
