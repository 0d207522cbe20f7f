/** Server messages of the survey capability, in the four product languages. */
import type { MessageTable } from '../platform/i18n/message-table.js';

export const SURVEY_MESSAGES = {
  // ---- answers (the field names the question and the part of the answer at fault)
  surveyAnswerWrongShape: {
    nb: (p) => `Svaret på «${p.field}» har feil form (forventet ${p.expected}).`,
    nn: (p) => `Svaret på «${p.field}» har feil form (venta ${p.expected}).`,
    sv: (p) => `Svaret på ”${p.field}” har fel form (förväntat ${p.expected}).`,
    en: (p) => `The answer to "${p.field}" has the wrong shape (expected ${p.expected}).`,
  },
  surveyAnswerUnknownChoice: {
    nb: (p) => `«${p.choice}» er ikke et av svaralternativene (${p.field}).`,
    nn: (p) => `«${p.choice}» er ikkje eitt av svaralternativa (${p.field}).`,
    sv: (p) => `”${p.choice}” är inte ett av svarsalternativen (${p.field}).`,
    en: (p) => `"${p.choice}" is not one of the choices (${p.field}).`,
  },
  surveyAnswerUnknownRow: {
    nb: (p) => `Spørsmålet har ingen rad «${p.row}» (${p.field}).`,
    nn: (p) => `Spørsmålet har inga rad «${p.row}» (${p.field}).`,
    sv: (p) => `Frågan har ingen rad ”${p.row}” (${p.field}).`,
    en: (p) => `The question has no row "${p.row}" (${p.field}).`,
  },
  surveyAnswerUnknownPart: {
    nb: (p) => `Svaret har en ukjent del «${p.part}» (${p.field}).`,
    nn: (p) => `Svaret har ein ukjend del «${p.part}» (${p.field}).`,
    sv: (p) => `Svaret har en okänd del ”${p.part}” (${p.field}).`,
    en: (p) => `The answer has an unknown part "${p.part}" (${p.field}).`,
  },
  surveyAnswerOtherNotAllowed: {
    nb: (p) => `Dette spørsmålet tar ikke imot fritekst som «annet» (${p.field}).`,
    nn: (p) => `Dette spørsmålet tek ikkje imot fritekst som «anna» (${p.field}).`,
    sv: (p) => `Den här frågan tar inte emot fritext som ”annat” (${p.field}).`,
    en: (p) => `This question takes no free-text "other" answer (${p.field}).`,
  },
  surveyAnswerOtherMissing: {
    nb: (p) => `Skriv hva «annet» er (${p.field}).`,
    nn: (p) => `Skriv kva «anna» er (${p.field}).`,
    sv: (p) => `Skriv vad ”annat” är (${p.field}).`,
    en: (p) => `Say what "other" is (${p.field}).`,
  },
  surveyAnswerTooMany: {
    nb: (p) => `Du kan velge eller legge inn høyst ${p.limit} (${p.field}).`,
    nn: (p) => `Du kan velje eller leggje inn høgst ${p.limit} (${p.field}).`,
    sv: (p) => `Du kan välja eller lägga till högst ${p.limit} (${p.field}).`,
    en: (p) => `You can choose or add at most ${p.limit} (${p.field}).`,
  },
  surveyAnswerNotInteger: {
    nb: (p) => `«${p.field}» må være et heltall.`,
    nn: (p) => `«${p.field}» må vere eit heiltal.`,
    sv: (p) => `”${p.field}” måste vara ett heltal.`,
    en: (p) => `"${p.field}" must be a whole number.`,
  },
  surveyAnswerOutOfRange: {
    nb: (p) => `«${p.field}» må være fra ${p.min} til ${p.max}.`,
    nn: (p) => `«${p.field}» må vere frå ${p.min} til ${p.max}.`,
    sv: (p) => `”${p.field}” måste vara från ${p.min} till ${p.max}.`,
    en: (p) => `"${p.field}" must be from ${p.min} to ${p.max}.`,
  },
  surveyAnswerNotText: {
    nb: (p) => `«${p.field}» må være tekst.`,
    nn: (p) => `«${p.field}» må vere tekst.`,
    sv: (p) => `”${p.field}” måste vara text.`,
    en: (p) => `"${p.field}" must be text.`,
  },
  surveyAnswerTooLong: {
    nb: (p) => `«${p.field}» kan ha høyst ${p.limit} tegn.`,
    nn: (p) => `«${p.field}» kan ha høgst ${p.limit} teikn.`,
    sv: (p) => `”${p.field}” får ha högst ${p.limit} tecken.`,
    en: (p) => `"${p.field}" may have at most ${p.limit} characters.`,
  },
  surveyAnswerRequired: {
    nb: (p) => `«${p.field}» må besvares før du sender inn.`,
    nn: (p) => `«${p.field}» må svarast på før du sender inn.`,
    sv: (p) => `”${p.field}” måste besvaras innan du skickar in.`,
    en: (p) => `"${p.field}" must be answered before you submit.`,
  },
  surveyAnswerOldVersion: {
    nb: () => 'Spørsmålet er endret siden du åpnet skjemaet. Last inn siden på nytt og svar på den nye utgaven.',
    nn: () => 'Spørsmålet er endra sidan du opna skjemaet. Last inn sida på nytt og svar på den nye utgåva.',
    sv: () => 'Frågan har ändrats sedan du öppnade formuläret. Ladda om sidan och svara på den nya versionen.',
    en: () => 'The question has changed since you opened the form. Reload the page and answer the new version.',
  },
  surveyUnknownQuestion: {
    nb: (p) => `Undersøkelsen har ikke spørsmålet «${p.key}».`,
    nn: (p) => `Undersøkinga har ikkje spørsmålet «${p.key}».`,
    sv: (p) => `Enkäten har ingen fråga ”${p.key}”.`,
    en: (p) => `The survey has no question "${p.key}".`,
  },
  // ---- definitions
  surveyDefinitionNoOptions: {
    nb: (p) => `Spørsmålet trenger svaralternativer (${p.field}).`,
    nn: (p) => `Spørsmålet treng svaralternativ (${p.field}).`,
    sv: (p) => `Frågan behöver svarsalternativ (${p.field}).`,
    en: (p) => `The question needs choices (${p.field}).`,
  },
  surveyDefinitionDuplicateKey: {
    nb: (p) => `Nøkkelen «${p.key}» er brukt to ganger (${p.field}).`,
    nn: (p) => `Nøkkelen «${p.key}» er brukt to gonger (${p.field}).`,
    sv: (p) => `Nyckeln ”${p.key}” används två gånger (${p.field}).`,
    en: (p) => `The key "${p.key}" is used twice (${p.field}).`,
  },
  surveyDefinitionRange: {
    nb: (p) => `Laveste verdi må være mindre enn høyeste (${p.field}).`,
    nn: (p) => `Lågaste verdi må vere mindre enn høgaste (${p.field}).`,
    sv: (p) => `Lägsta värdet måste vara mindre än högsta (${p.field}).`,
    en: (p) => `The lowest value must be below the highest (${p.field}).`,
  },
  surveyDefinitionTypeChanged: {
    nb: () => 'Et spørsmål kan ikke bytte type. Fjern det og legg til et nytt med en ny nøkkel.',
    nn: () => 'Eit spørsmål kan ikkje byte type. Fjern det og legg til eit nytt med ein ny nøkkel.',
    sv: () => 'En fråga kan inte byta typ. Ta bort den och lägg till en ny med en ny nyckel.',
    en: () => 'A question cannot change its type. Remove it and add a new one with a new key.',
  },
  surveyQuestionKeyTaken: {
    nb: (p) => `Undersøkelsen har allerede et spørsmål med nøkkelen «${p.key}».`,
    nn: (p) => `Undersøkinga har alt eit spørsmål med nøkkelen «${p.key}».`,
    sv: (p) => `Enkäten har redan en fråga med nyckeln ”${p.key}”.`,
    en: (p) => `The survey already has a question with the key "${p.key}".`,
  },
  surveyAnswersExist: {
    nb: (p) => `${p.count} har allerede svart på dette spørsmålet. Lagre som ny utgave for å endre det: svarene som er gitt, beholdes og knyttes til den gamle utgaven.`,
    nn: (p) => `${p.count} har alt svart på dette spørsmålet. Lagre som ny utgåve for å endre det: svara som er gjevne, blir haldne og knytte til den gamle utgåva.`,
    sv: (p) => `${p.count} har redan svarat på den här frågan. Spara som ny version för att ändra den: de svar som getts behålls och knyts till den gamla versionen.`,
    en: (p) => `${p.count} have already answered this question. Save it as a new version to change it: the answers given are kept, tied to the old version.`,
  },
  // ---- rounds
  surveyRoundConflict: {
    nb: () => 'Noen andre har endret undersøkelsen i mellomtiden. Last inn på nytt og prøv igjen.',
    nn: () => 'Nokon andre har endra undersøkinga i mellomtida. Last inn på nytt og prøv igjen.',
    sv: () => 'Någon annan har ändrat enkäten under tiden. Ladda om och försök igen.',
    en: () => 'Someone else changed the survey meanwhile. Reload and try again.',
  },
  surveyRoundState: {
    nb: (p) => `Dette går ikke når undersøkelsen har status «${p.status}».`,
    nn: (p) => `Dette går ikkje når undersøkinga har status «${p.status}».`,
    sv: (p) => `Det går inte när enkäten har status ”${p.status}”.`,
    en: (p) => `This is not possible while the survey is "${p.status}".`,
  },
  surveyClosesInPast: {
    nb: () => 'Svarfristen må være fram i tid.',
    nn: () => 'Svarfristen må vere fram i tid.',
    sv: () => 'Svarstiden måste gå ut i framtiden.',
    en: () => 'The closing date must be in the future.',
  },
  surveyDatesOrder: {
    nb: (p) => `Datoene kommer i feil rekkefølge: ${p.rule}.`,
    nn: (p) => `Datoane kjem i feil rekkjefølgje: ${p.rule}.`,
    sv: (p) => `Datumen kommer i fel ordning: ${p.rule}.`,
    en: (p) => `The dates are in the wrong order: ${p.rule}.`,
  },
  surveyNoInvitees: {
    nb: () => 'Inviter minst én enhet før undersøkelsen åpnes.',
    nn: () => 'Inviter minst éi eining før undersøkinga blir opna.',
    sv: () => 'Bjud in minst en enhet innan enkäten öppnas.',
    en: () => 'Invite at least one unit before opening the survey.',
  },
  surveyNoQuestions: {
    nb: () => 'Undersøkelsen har ingen spørsmål.',
    nn: () => 'Undersøkinga har ingen spørsmål.',
    sv: () => 'Enkäten har inga frågor.',
    en: () => 'The survey has no questions.',
  },
  surveyOrganisationOutsideTree: {
    nb: (p) => `Enheten ${p.id} ligger ikke under organisasjonen som kjører undersøkelsen.`,
    nn: (p) => `Eininga ${p.id} ligg ikkje under organisasjonen som køyrer undersøkinga.`,
    sv: (p) => `Enheten ${p.id} ligger inte under organisationen som genomför enkäten.`,
    en: (p) => `The unit ${p.id} is not below the organisation running the survey.`,
  },
  surveyCsvEmpty: {
    nb: () => 'Lista er tom. Bruk én linje per enhet: navn;e-post;kommune;sektor.',
    nn: () => 'Lista er tom. Bruk éi linje per eining: namn;e-post;kommune;sektor.',
    sv: () => 'Listan är tom. Använd en rad per enhet: namn;e-post;kommun;sektor.',
    en: () => 'The list is empty. Use one line per unit: name;email;municipality;sector.',
  },
  surveyCsvUnreadable: {
    nb: (p) => `Lista kan ikke leses som CSV (linje ${p.line}).`,
    nn: (p) => `Lista kan ikkje lesast som CSV (linje ${p.line}).`,
    sv: (p) => `Listan kan inte läsas som CSV (rad ${p.line}).`,
    en: (p) => `The list cannot be read as CSV (line ${p.line}).`,
  },
  // ---- invitees
  surveyInviteeNoChange: {
    nb: () => 'Si hva som skal endres: navnet, e-postadressen, kommunen eller sektoren.',
    nn: () => 'Sei kva som skal endrast: namnet, e-postadressa, kommunen eller sektoren.',
    sv: () => 'Ange vad som ska ändras: namnet, e-postadressen, kommunen eller sektorn.',
    en: () => 'Say what to change: the name, e-mail address, municipality or sector.',
  },
  surveyInviteeEmailInvalid: {
    nb: (p) => `«${p.value}» er ikke en gyldig e-postadresse.`,
    nn: (p) => `«${p.value}» er ikkje ei gyldig e-postadresse.`,
    sv: (p) => `”${p.value}” är inte en giltig e-postadress.`,
    en: (p) => `"${p.value}" is not a valid e-mail address.`,
  },
  surveyInviteeEmailTaken: {
    nb: (p) => `${p.email} er allerede invitert til undersøkelsen.`,
    nn: (p) => `${p.email} er alt invitert til undersøkinga.`,
    sv: (p) => `${p.email} är redan inbjuden till enkäten.`,
    en: (p) => `${p.email} is already invited to the survey.`,
  },
  surveyMailUnavailable: {
    nb: (p) => `E-post kunne ikke sendes til ${p.count} mottakere. Prøv igjen senere.`,
    nn: (p) => `E-post kunne ikkje sendast til ${p.count} mottakarar. Prøv igjen seinare.`,
    sv: (p) => `E-post kunde inte skickas till ${p.count} mottagare. Försök igen senare.`,
    en: (p) => `E-mail could not be sent to ${p.count} recipients. Try again later.`,
  },
  // ---- the respondent's link: one message for every link that does not work, revealing nothing
  surveyLinkInvalid: {
    nb: () => 'Lenken virker ikke. Den kan være skrevet feil, erstattet av en nyere lenke, eller undersøkelsen kan være avsluttet. Be den som sendte den, om en ny.',
    nn: () => 'Lenka verkar ikkje. Ho kan vere skriven feil, erstatta av ei nyare lenke, eller undersøkinga kan vere avslutta. Be den som sende ho, om ei ny.',
    sv: () => 'Länken fungerar inte. Den kan vara felskriven, ersatt av en nyare länk, eller så kan enkäten vara avslutad. Be den som skickade den om en ny.',
    en: () => 'This link does not work. It may be mistyped, replaced by a newer link, or the survey may have closed. Ask the sender for a new one.',
  },
  surveyTooManyAttempts: {
    nb: () => 'For mange forsøk med ugyldige lenker. Vent litt og prøv igjen.',
    nn: () => 'For mange forsøk med ugyldige lenker. Vent litt og prøv igjen.',
    sv: () => 'För många försök med ogiltiga länkar. Vänta en stund och försök igen.',
    en: () => 'Too many attempts with links that do not work. Wait a while and try again.',
  },
  surveyJointCandidateNotFound: {
    nb: (p) => `Kartleggingen har ingen felles søknadskandidat «${p.key}» (lenger). Last inn mulighetene på nytt.`,
    nn: (p) => `Kartlegginga har ingen felles søknadskandidat «${p.key}» (lenger). Last inn moglegheitene på nytt.`,
    sv: (p) => `Kartläggningen har ingen gemensam ansökningskandidat ”${p.key}” (längre). Ladda om möjligheterna.`,
    en: (p) => `The survey has no joint-application candidate "${p.key}" (any more). Reload the opportunities.`,
  },
} satisfies MessageTable;

export type SurveyMessageKey = keyof typeof SURVEY_MESSAGES;
