/** Server messages that reach users (errors), in the four product languages. */
import type { Language } from '../../reference/codes.js';
import type { MessageParams, MessageTable } from './message-table.js';
import { PORTFOLIO_MESSAGES } from '../../portfolio/messages.js';
import { SURVEY_MESSAGES } from '../../survey/messages.js';

const COMMON_MESSAGES = {
  notFound: {
    nb: (p) => `Fant ikke ${p.what}.`,
    nn: (p) => `Fann ikkje ${p.what}.`,
    sv: (p) => `Hittade inte ${p.what}.`,
    en: (p) => `Could not find ${p.what}.`,
  },
  programmeNotFound: {
    nb: (p) => `Det finnes ingen ordning med id «${p.id}».`,
    nn: (p) => `Det finst inga ordning med id «${p.id}».`,
    sv: (p) => `Det finns inget program med id ”${p.id}”.`,
    en: (p) => `There is no programme with id "${p.id}".`,
  },
  invalidEnum: {
    nb: (p) => `Ugyldig verdi for «${p.field}». Tillatte verdier: ${p.allowed}.`,
    nn: (p) => `Ugyldig verdi for «${p.field}». Tillatne verdiar: ${p.allowed}.`,
    sv: (p) => `Ogiltigt värde för ”${p.field}”. Tillåtna värden: ${p.allowed}.`,
    en: (p) => `Invalid value for "${p.field}". Allowed values: ${p.allowed}.`,
  },
  invalidNumber: {
    nb: (p) => `«${p.field}» må være et tall${p.range}.`,
    nn: (p) => `«${p.field}» må vere eit tal${p.range}.`,
    sv: (p) => `”${p.field}” måste vara ett tal${p.range}.`,
    en: (p) => `"${p.field}" must be a number${p.range}.`,
  },
  tooLong: {
    nb: (p) => `«${p.field}» kan ha høyst ${p.limit} tegn.`,
    nn: (p) => `«${p.field}» kan ha høgst ${p.limit} teikn.`,
    sv: (p) => `”${p.field}” får ha högst ${p.limit} tecken.`,
    en: (p) => `"${p.field}" may have at most ${p.limit} characters.`,
  },
  unknownParameter: {
    nb: (p) => `Ukjent parameter «${p.field}».`,
    nn: (p) => `Ukjend parameter «${p.field}».`,
    sv: (p) => `Okänd parameter ”${p.field}”.`,
    en: (p) => `Unknown parameter "${p.field}".`,
  },
  required: {
    nb: (p) => `«${p.field}» må fylles ut.`,
    nn: (p) => `«${p.field}» må fyllast ut.`,
    sv: (p) => `”${p.field}” måste fyllas i.`,
    en: (p) => `"${p.field}" is required.`,
  },
  invalidValue: {
    nb: (p) => `Ugyldig verdi for «${p.field}».`,
    nn: (p) => `Ugyldig verdi for «${p.field}».`,
    sv: (p) => `Ogiltigt värde för ”${p.field}”.`,
    en: (p) => `Invalid value for "${p.field}".`,
  },
  unknownMunicipality: {
    nb: (p) => `«${p.value}» er ikke et kjent kommunenummer (${p.field}). Bruk firesifret kommunenummer fra 2024, eller svensk kommunkod.`,
    nn: (p) => `«${p.value}» er ikkje eit kjent kommunenummer (${p.field}). Bruk firesifra kommunenummer frå 2024, eller svensk kommunkod.`,
    sv: (p) => `”${p.value}” är ingen känd kommunkod (${p.field}). Använd svensk kommunkod eller norskt kommunnummer från 2024.`,
    en: (p) => `"${p.value}" is not a known municipality number (${p.field}). Use a 2024 Norwegian kommunenummer or a Swedish kommunkod.`,
  },
  municipalityCountry: {
    nb: (p) => `Kommunenummer (${p.field}) kan bare oppgis for Norge og Sverige; bruk region for andre land.`,
    nn: (p) => `Kommunenummer (${p.field}) kan berre oppgjevast for Noreg og Sverige; bruk region for andre land.`,
    sv: (p) => `Kommunkod (${p.field}) kan bara anges för Norge och Sverige; använd region för andra länder.`,
    en: (p) => `A municipality (${p.field}) can only be given for Norway and Sweden; use region for other countries.`,
  },
  unknownRegion: {
    nb: (p) => `«${p.value}» er ikke en kjent region (${p.field}). Bruk fylkesnummer fra 2024 eller en NUTS 2021-kode i landet.`,
    nn: (p) => `«${p.value}» er ikkje ein kjend region (${p.field}). Bruk fylkesnummer frå 2024 eller ein NUTS 2021-kode i landet.`,
    sv: (p) => `”${p.value}” är ingen känd region (${p.field}). Använd länskod eller en NUTS 2021-kod i landet.`,
    en: (p) => `"${p.value}" is not a known region (${p.field}). Use a 2024 county number or a NUTS 2021 code within the country.`,
  },
  oldCounty: {
    nb: (p) => `Fylke ${p.value} (${p.field}) ble delt i 2024; bruk ett av de nye fylkesnumrene: ${p.successors}.`,
    nn: (p) => `Fylke ${p.value} (${p.field}) vart delt i 2024; bruk eitt av dei nye fylkesnummera: ${p.successors}.`,
    sv: (p) => `Fylke ${p.value} (${p.field}) delades 2024; använd ett av de nya numren: ${p.successors}.`,
    en: (p) => `County ${p.value} (${p.field}) was split in 2024; use one of the new county numbers: ${p.successors}.`,
  },
  unknownCountry: {
    nb: (p) => `«${p.value}» er ikke en landkode (${p.field}); bruk ISO 3166 alfa-2, f.eks. NO eller SE.`,
    nn: (p) => `«${p.value}» er ikkje ei landkode (${p.field}); bruk ISO 3166 alfa-2, t.d. NO eller SE.`,
    sv: (p) => `”${p.value}” är ingen landskod (${p.field}); använd ISO 3166 alfa-2, t.ex. NO eller SE.`,
    en: (p) => `"${p.value}" is not a country code (${p.field}); use ISO 3166 alpha-2, e.g. NO or SE.`,
  },
  outOfRange: {
    nb: (p) => `«${p.field}» må være mellom ${p.min} og ${p.max}.`,
    nn: (p) => `«${p.field}» må vere mellom ${p.min} og ${p.max}.`,
    sv: (p) => `”${p.field}” måste vara mellan ${p.min} och ${p.max}.`,
    en: (p) => `"${p.field}" must be between ${p.min} and ${p.max}.`,
  },
  tooShort: {
    nb: (p) => `«${p.field}» må ha minst ${p.limit} tegn.`,
    nn: (p) => `«${p.field}» må ha minst ${p.limit} teikn.`,
    sv: (p) => `”${p.field}” måste ha minst ${p.limit} tecken.`,
    en: (p) => `"${p.field}" must have at least ${p.limit} characters.`,
  },
  orgNumberFormat: {
    nb: (p) => `«${p.value}» er ikke et organisasjonsnummer (${p.field}): det har ni sifre, for eksempel 974 760 673.`,
    nn: (p) => `«${p.value}» er ikkje eit organisasjonsnummer (${p.field}): det har ni siffer, til dømes 974 760 673.`,
    sv: (p) => `”${p.value}” är inget norskt organisationsnummer (${p.field}): det har nio siffror, till exempel 974 760 673.`,
    en: (p) => `"${p.value}" is not an organisation number (${p.field}): it has nine digits, e.g. 974 760 673.`,
  },
  orgNumberCheckDigit: {
    nb: (p) => `${p.value} er ikke et gyldig organisasjonsnummer (${p.field}): kontrollsifferet stemmer ikke. Sjekk at sifrene er skrevet riktig.`,
    nn: (p) => `${p.value} er ikkje eit gyldig organisasjonsnummer (${p.field}): kontrollsifferet stemmer ikkje. Sjekk at sifra er skrivne rett.`,
    sv: (p) => `${p.value} är inget giltigt norskt organisationsnummer (${p.field}): kontrollsiffran stämmer inte. Kontrollera att siffrorna är rätt skrivna.`,
    en: (p) => `${p.value} is not a valid organisation number (${p.field}): the check digit does not match. Check that the digits are typed correctly.`,
  },
  organisationNotFound: {
    nb: (p) => `Enhetsregisteret har ingen enhet med organisasjonsnummer ${p.number}.`,
    nn: (p) => `Einingsregisteret har inga eining med organisasjonsnummer ${p.number}.`,
    sv: (p) => `Enhetsregisteret (Norges enhetsregister) har ingen enhet med organisationsnummer ${p.number}.`,
    en: (p) => `The Central Coordinating Register for Legal Entities (Enhetsregisteret) has no entity with organisation number ${p.number}.`,
  },
  organisationRegisterUnavailable: {
    nb: () => 'Enhetsregisteret hos Brønnøysundregistrene svarer ikke akkurat nå. Prøv igjen om litt.',
    nn: () => 'Einingsregisteret hos Brønnøysundregistera svarar ikkje akkurat no. Prøv igjen om litt.',
    sv: () => 'Brønnøysundregistrenes enhetsregister svarar inte just nu. Försök igen om en stund.',
    en: () => 'The Brønnøysund Register Centre\'s entity register (Enhetsregisteret) is not answering right now. Please try again shortly.',
  },
  bodyTooLarge: {
    nb: () => 'Forespørselen er for stor.',
    nn: () => 'Førespurnaden er for stor.',
    sv: () => 'Begäran är för stor.',
    en: () => 'The request is too large.',
  },
  invalidJson: {
    nb: () => 'Forespørselen er ikke gyldig JSON.',
    nn: () => 'Førespurnaden er ikkje gyldig JSON.',
    sv: () => 'Begäran är inte giltig JSON.',
    en: () => 'The request is not valid JSON.',
  },
  unsupportedMediaType: {
    nb: () => 'Send forespørselen som application/json.',
    nn: () => 'Send førespurnaden som application/json.',
    sv: () => 'Skicka begäran som application/json.',
    en: () => 'Send the request as application/json.',
  },
  badRequest: {
    nb: () => 'Forespørselen kunne ikke leses.',
    nn: () => 'Førespurnaden kunne ikkje lesast.',
    sv: () => 'Begäran kunde inte läsas.',
    en: () => 'The request could not be read.',
  },
  signInRequired: {
    nb: () => 'Du må logge inn for å gjøre dette.',
    nn: () => 'Du må logge inn for å gjere dette.',
    sv: () => 'Du måste logga in för att göra detta.',
    en: () => 'You need to sign in to do this.',
  },
  forbidden: {
    nb: () => 'Rollen din gir ikke tilgang til dette.',
    nn: () => 'Rolla di gir ikkje tilgang til dette.',
    sv: () => 'Din roll ger inte tillgång till detta.',
    en: () => 'Your role does not allow this.',
  },
  crossOriginRefused: {
    nb: () => 'Forespørselen kom fra et annet nettsted og ble avvist.',
    nn: () => 'Førespurnaden kom frå ein annan nettstad og vart avvist.',
    sv: () => 'Begäran kom från en annan webbplats och avvisades.',
    en: () => 'The request came from another site and was refused.',
  },
  csrfRefused: {
    nb: () => 'Sikkerhetsnøkkelen for økten mangler eller er feil. Last siden på nytt og prøv igjen.',
    nn: () => 'Tryggleiksnøkkelen for økta manglar eller er feil. Last sida på nytt og prøv igjen.',
    sv: () => 'Sessionens säkerhetsnyckel saknas eller är fel. Ladda om sidan och försök igen.',
    en: () => 'The session\'s security token is missing or wrong. Reload the page and try again.',
  },
  wrongCredentials: {
    nb: () => 'Feil e-postadresse eller passord.',
    nn: () => 'Feil e-postadresse eller passord.',
    sv: () => 'Fel e-postadress eller lösenord.',
    en: () => 'Wrong e-mail address or password.',
  },
  tooManyAttempts: {
    nb: (p) => `For mange mislykkede forsøk. Vent ${p.minutes} minutter og prøv igjen, eller be om nytt passord.`,
    nn: (p) => `For mange mislukka forsøk. Vent ${p.minutes} minutt og prøv igjen, eller be om nytt passord.`,
    sv: (p) => `För många misslyckade försök. Vänta ${p.minutes} minuter och försök igen, eller begär ett nytt lösenord.`,
    en: (p) => `Too many failed attempts. Wait ${p.minutes} minutes and try again, or ask for a new password.`,
  },
  weakPassword: {
    nb: (p) => `Passordet må ha minst ${p.min} tegn og ikke være et vanlig passord.`,
    nn: (p) => `Passordet må ha minst ${p.min} teikn og ikkje vere eit vanleg passord.`,
    sv: (p) => `Lösenordet måste ha minst ${p.min} tecken och får inte vara ett vanligt lösenord.`,
    en: (p) => `The password must have at least ${p.min} characters and must not be a common password.`,
  },
  wrongCurrentPassword: {
    nb: () => 'Nåværende passord er feil.',
    nn: () => 'Noverande passord er feil.',
    sv: () => 'Nuvarande lösenord är fel.',
    en: () => 'The current password is wrong.',
  },
  linkInvalid: {
    nb: () => 'Lenken er ugyldig, allerede brukt eller utløpt. Be om en ny.',
    nn: () => 'Lenkja er ugyldig, allereie brukt eller gått ut. Be om ei ny.',
    sv: () => 'Länken är ogiltig, redan använd eller har gått ut. Begär en ny.',
    en: () => 'The link is invalid, already used or expired. Ask for a new one.',
  },
  emailTaken: {
    nb: () => 'Det finnes allerede en bruker med denne e-postadressen.',
    nn: () => 'Det finst allereie ein brukar med denne e-postadressa.',
    sv: () => 'Det finns redan en användare med den här e-postadressen.',
    en: () => 'A user with this e-mail address already exists.',
  },
  alreadyMember: {
    nb: () => 'Personen er allerede medlem av organisasjonen.',
    nn: () => 'Personen er allereie medlem av organisasjonen.',
    sv: () => 'Personen är redan medlem i organisationen.',
    en: () => 'The person is already a member of the organisation.',
  },
  roleNotAssignable: {
    nb: () => 'Bare en administrator kan gi administratorrollen.',
    nn: () => 'Berre ein administrator kan gi administratorrolla.',
    sv: () => 'Endast en administratör kan ge administratörsrollen.',
    en: () => 'Only an administrator can give the administrator role.',
  },
  lastAdministrator: {
    nb: () => 'Organisasjonen må ha minst én administrator igjen.',
    nn: () => 'Organisasjonen må ha minst éin administrator att.',
    sv: () => 'Organisationen måste ha minst en administratör kvar.',
    en: () => 'The organisation must keep at least one administrator.',
  },
  parentKindNotAllowed: {
    nb: (p) => `En organisasjon av typen «${p.kind}» kan ikke ligge under «${p.parentKind}».`,
    nn: (p) => `Ein organisasjon av typen «${p.kind}» kan ikkje liggje under «${p.parentKind}».`,
    sv: (p) => `En organisation av typen ”${p.kind}” kan inte ligga under ”${p.parentKind}”.`,
    en: (p) => `An organisation of kind "${p.kind}" cannot sit under "${p.parentKind}".`,
  },
  orgNumberTaken: {
    nb: () => 'Organisasjonsnummeret er allerede registrert på en annen organisasjon.',
    nn: () => 'Organisasjonsnummeret er allereie registrert på ein annan organisasjon.',
    sv: () => 'Organisationsnumret är redan registrerat på en annan organisation.',
    en: () => 'The organisation number is already registered to another organisation.',
  },
  organisationHasChildren: {
    nb: () => 'Organisasjonen har underordnede organisasjoner. Flytt eller slett dem først.',
    nn: () => 'Organisasjonen har underordna organisasjonar. Flytt eller slett dei først.',
    sv: () => 'Organisationen har underordnade organisationer. Flytta eller ta bort dem först.',
    en: () => 'The organisation has organisations below it. Move or delete them first.',
  },
  moveIntoOwnSubtree: {
    nb: () => 'En organisasjon kan ikke flyttes inn under seg selv.',
    nn: () => 'Ein organisasjon kan ikkje flyttast inn under seg sjølv.',
    sv: () => 'En organisation kan inte flyttas in under sig själv.',
    en: () => 'An organisation cannot be moved below itself.',
  },
  identityProviderUnavailable: {
    nb: () => 'Innloggingstjenesten svarer ikke nå. Prøv igjen om litt.',
    nn: () => 'Innloggingstenesta svarar ikkje no. Prøv igjen om litt.',
    sv: () => 'Inloggningstjänsten svarar inte just nu. Försök igen om en stund.',
    en: () => 'The sign-in service is not answering. Please try again shortly.',
  },
  signInMethodUnavailable: {
    nb: () => 'Denne innloggingsmåten er ikke satt opp.',
    nn: () => 'Denne innloggingsmåten er ikkje sett opp.',
    sv: () => 'Det här inloggningssättet är inte konfigurerat.',
    en: () => 'This sign-in method is not set up.',
  },
  mailUnavailable: {
    nb: () => 'E-posten kunne ikke sendes nå. Prøv igjen om litt.',
    nn: () => 'E-posten kunne ikkje sendast no. Prøv igjen om litt.',
    sv: () => 'E-postmeddelandet kunde inte skickas just nu. Försök igen om en stund.',
    en: () => 'The e-mail could not be sent right now. Please try again shortly.',
  },
  signInFirst: {
    nb: () => 'Det finnes allerede en konto med denne e-postadressen. Logg inn for å godta invitasjonen.',
    nn: () => 'Det finst allereie ein konto med denne e-postadressa. Logg inn for å godta invitasjonen.',
    sv: () => 'Det finns redan ett konto med den här e-postadressen. Logga in för att tacka ja till inbjudan.',
    en: () => 'An account with this e-mail address already exists. Sign in to accept the invitation.',
  },
  invitationClosed: {
    nb: () => 'Invitasjonen er allerede godtatt eller trukket tilbake.',
    nn: () => 'Invitasjonen er allereie godteken eller trekt tilbake.',
    sv: () => 'Inbjudan har redan accepterats eller återkallats.',
    en: () => 'The invitation has already been accepted or withdrawn.',
  },
  confirmEmailMismatch: {
    nb: () => 'Skriv inn e-postadressen til kontoen din for å bekrefte at du vil slette den.',
    nn: () => 'Skriv inn e-postadressa til kontoen din for å stadfeste at du vil slette han.',
    sv: () => 'Skriv e-postadressen till ditt konto för att bekräfta att du vill radera det.',
    en: () => 'Type the e-mail address of your account to confirm that you want to delete it.',
  },
  retentionTopLevelOnly: {
    nb: () => 'Lagringstid settes for øverste nivå i organisasjonstreet og gjelder alt under det.',
    nn: () => 'Lagringstid blir sett for øvste nivå i organisasjonstreet og gjeld alt under det.',
    sv: () => 'Lagringstid anges för översta nivån i organisationsträdet och gäller allt under den.',
    en: () => 'Retention is set at the top of an organisation tree and applies to everything below it.',
  },
  simultaneousChange: {
    nb: () => 'Noen andre lagret det samme i samme øyeblikk. Last inn på nytt og prøv igjen; det du skrev, er ikke lagret.',
    nn: () => 'Nokon andre lagra det same i same augneblink. Last inn på nytt og prøv igjen; det du skreiv, er ikkje lagra.',
    sv: () => 'Någon annan sparade samma sak i samma ögonblick. Ladda om och försök igen; det du skrev har inte sparats.',
    en: () => 'Someone else saved the same thing at the same moment. Reload and try again; what you wrote has not been saved.',
  },
  internal: {
    nb: () => 'Noe gikk galt hos oss. Prøv igjen om litt.',
    nn: () => 'Noko gjekk gale hos oss. Prøv igjen om litt.',
    sv: () => 'Något gick fel hos oss. Försök igen om en stund.',
    en: () => 'Something went wrong on our side. Please try again shortly.',
  },
} satisfies MessageTable;

/** The common messages and each capability's own (kept beside the capability). */
const MESSAGES = { ...COMMON_MESSAGES, ...PORTFOLIO_MESSAGES, ...SURVEY_MESSAGES };

export type MessageKey = keyof typeof MESSAGES;

export function message(key: MessageKey, language: Language, params: MessageParams = {}): string {
  return MESSAGES[key][language](params);
}
