/** Server messages of the portfolio capability, in the four product languages. */
import type { MessageTable } from '../platform/i18n/message-table.js';
import type { Language } from '../reference/codes.js';
import type { Status } from './life-cycle.js';

export const PORTFOLIO_MESSAGES = {
  // ---- initiatives: rules beyond the schema (422, the field named)
  portfolioEndBeforeStart: {
    nb: (p) => `Sluttdatoen (${p.end}) kan ikke være før startdatoen (${p.start}).`,
    nn: (p) => `Sluttdatoen (${p.end}) kan ikkje vere før startdatoen (${p.start}).`,
    sv: (p) => `Slutdatumet (${p.end}) kan inte vara före startdatumet (${p.start}).`,
    en: (p) => `The end date (${p.end}) cannot be before the start date (${p.start}).`,
  },
  portfolioUnknownProgramme: {
    nb: (p) => `Katalogen har ingen ordning «${p.programme}». Velg en ordning fra katalogen, eller «annen» med navn.`,
    nn: (p) => `Katalogen har inga ordning «${p.programme}». Vel ei ordning frå katalogen, eller «anna» med namn.`,
    sv: (p) => `Katalogen har inget program ”${p.programme}”. Välj ett program ur katalogen, eller ”annat” med namn.`,
    en: (p) => `The catalogue has no programme "${p.programme}". Choose a programme from the catalogue, or "other" with a name.`,
  },
  portfolioUnknownPriority: {
    nb: (p) => `Ordningen ${p.programme} har ikke innsatsområdet «${p.priority}». Kjente: ${p.known}.`,
    nn: (p) => `Ordninga ${p.programme} har ikkje innsatsområdet «${p.priority}». Kjende: ${p.known}.`,
    sv: (p) => `Programmet ${p.programme} har inte insatsområdet ”${p.priority}”. Kända: ${p.known}.`,
    en: (p) => `Programme ${p.programme} has no focus area "${p.priority}". Known: ${p.known}.`,
  },
  portfolioProgrammeAndOther: {
    nb: () => 'Oppgi enten en ordning fra katalogen eller navnet på en annen ordning, ikke begge.',
    nn: () => 'Oppgje anten ei ordning frå katalogen eller namnet på ei anna ordning, ikkje begge.',
    sv: () => 'Ange antingen ett program ur katalogen eller namnet på ett annat program, inte båda.',
    en: () => 'Give either a programme from the catalogue or the name of another scheme, not both.',
  },
  portfolioPriorityWithoutProgramme: {
    nb: () => 'Et innsatsområde krever at ordningen er valgt.',
    nn: () => 'Eit innsatsområde krev at ordninga er vald.',
    sv: () => 'Ett insatsområde kräver att programmet är valt.',
    en: () => 'A focus area needs the programme to be chosen.',
  },
  portfolioBudgetMissing: {
    nb: () => 'Budsjettlinjene må ha et totalbudsjett å summere til.',
    nn: () => 'Budsjettlinjene må ha eit totalbudsjett å summere til.',
    sv: () => 'Budgetraderna måste ha en totalbudget att summera till.',
    en: () => 'Budget lines need a total budget to add up to.',
  },
  portfolioBudgetLinesDoNotAddUp: {
    nb: (p) => `Budsjettlinjene summerer ikke til budsjettet: ${p.lines} gir ${p.sum}, budsjettet er ${p.budget} (differanse ${p.difference}).`,
    nn: (p) => `Budsjettlinjene summerer ikkje til budsjettet: ${p.lines} gir ${p.sum}, budsjettet er ${p.budget} (differanse ${p.difference}).`,
    sv: (p) => `Budgetraderna summerar inte till budgeten: ${p.lines} ger ${p.sum}, budgeten är ${p.budget} (differens ${p.difference}).`,
    en: (p) => `The budget lines do not add up to the budget: ${p.lines} make ${p.sum}, the budget is ${p.budget} (difference ${p.difference}).`,
  },
  portfolioRateNeedsDate: {
    nb: () => 'En valutakurs må oppgis sammen med datoen den gjelder for.',
    nn: () => 'Ein valutakurs må oppgjevast saman med datoen han gjeld for.',
    sv: () => 'En växelkurs måste anges tillsammans med det datum den gäller.',
    en: () => 'An exchange rate must be given together with its date.',
  },
  portfolioUnknownSector: {
    nb: (p) => `«${p.sector}» er ikke en kjent sektor. Kjente: ${p.known}.`,
    nn: (p) => `«${p.sector}» er ikkje ein kjend sektor. Kjende: ${p.known}.`,
    sv: (p) => `”${p.sector}” är ingen känd sektor. Kända: ${p.known}.`,
    en: (p) => `"${p.sector}" is not a known sector. Known: ${p.known}.`,
  },
  portfolioUnknownSdgTarget: {
    nb: (p) => `«${p.target}» er ikke et delmål i FNs bærekraftsmål.`,
    nn: (p) => `«${p.target}» er ikkje eit delmål i berekraftsmåla til FN.`,
    sv: (p) => `”${p.target}” är inget delmål i FN:s hållbarhetsmål.`,
    en: (p) => `"${p.target}" is not a target of the UN Sustainable Development Goals.`,
  },
  portfolioSdgTargetOutsideGoals: {
    nb: (p) => `Delmål ${p.target} hører til bærekraftsmål ${p.goal}, som ikke er valgt.`,
    nn: (p) => `Delmål ${p.target} høyrer til berekraftsmål ${p.goal}, som ikkje er valt.`,
    sv: (p) => `Delmål ${p.target} hör till hållbarhetsmål ${p.goal}, som inte är valt.`,
    en: (p) => `Target ${p.target} belongs to goal ${p.goal}, which is not chosen.`,
  },
  portfolioLeadPartner: {
    nb: (p) => `Nøyaktig én partner må være hovedpartner (nå ${p.leads}).`,
    nn: (p) => `Nøyaktig éin partnar må vere hovudpartnar (no ${p.leads}).`,
    sv: (p) => `Exakt en partner måste vara huvudpartner (nu ${p.leads}).`,
    en: (p) => `Exactly one partner must be the lead partner (now ${p.leads}).`,
  },
  portfolioUnknownBenefit: {
    nb: (p) => `«${p.benefit}» er ikke en kjent gevinst.`,
    nn: (p) => `«${p.benefit}» er ikkje ein kjend gevinst.`,
    sv: (p) => `”${p.benefit}” är ingen känd nytta.`,
    en: (p) => `"${p.benefit}" is not a known benefit.`,
  },
  portfolioBenefitTwice: {
    nb: (p) => `Gevinsten «${p.benefit}» er oppgitt to ganger.`,
    nn: (p) => `Gevinsten «${p.benefit}» er oppgitt to gonger.`,
    sv: (p) => `Nyttan ”${p.benefit}” är angiven två gånger.`,
    en: (p) => `The benefit "${p.benefit}" is given twice.`,
  },
  portfolioBenefitScore: {
    nb: (p) => `En gevinst scores fra 1 til 5 (ikke ${p.score}).`,
    nn: (p) => `Ein gevinst får poeng frå 1 til 5 (ikkje ${p.score}).`,
    sv: (p) => `En nytta bedöms från 1 till 5 (inte ${p.score}).`,
    en: (p) => `A benefit is scored from 1 to 5 (not ${p.score}).`,
  },
  portfolioUnknownContact: {
    nb: () => 'Kontaktpersonen må være medlem i organisasjonen eller over den.',
    nn: () => 'Kontaktpersonen må vere medlem i organisasjonen eller over han.',
    sv: () => 'Kontaktpersonen måste vara medlem i organisationen eller ovanför den.',
    en: () => 'The contact person must be a member of the organisation or above it.',
  },
  portfolioUnknownPartnerOrganisation: {
    nb: () => 'Partnerorganisasjonen finnes ikke i registeret; oppgi den med navn, land og region i stedet.',
    nn: () => 'Partnarorganisasjonen finst ikkje i registeret; oppgje han med namn, land og region i staden.',
    sv: () => 'Partnerorganisationen finns inte i registret; ange den med namn, land och region i stället.',
    en: () => 'The partner organisation is not in the registry; give it by name, country and region instead.',
  },
  // ---- concurrent edits and the life cycle (409)
  portfolioVersionConflict: {
    nb: (p) => `Noen andre har lagret endringer i initiativet etter at du åpnet det (nå versjon ${p.current}, du redigerte versjon ${p.yours}). Endringene dine er ikke lagret: hent den nye versjonen og legg inn endringene på nytt.`,
    nn: (p) => `Nokon andre har lagra endringar i initiativet etter at du opna det (no versjon ${p.current}, du redigerte versjon ${p.yours}). Endringane dine er ikkje lagra: hent den nye versjonen og legg inn endringane på nytt.`,
    sv: (p) => `Någon annan har sparat ändringar i initiativet efter att du öppnade det (nu version ${p.current}, du redigerade version ${p.yours}). Dina ändringar är inte sparade: hämta den nya versionen och gör ändringarna igen.`,
    en: (p) => `Someone else saved changes to this initiative after you opened it (now version ${p.current}, you edited version ${p.yours}). Your changes were not saved: load the new version and make your changes again.`,
  },
  portfolioStatusNotAllowed: {
    nb: (p) => `Et initiativ med status «${p.from}» kan ikke gå til «${p.to}». Tillatte neste steg: ${p.allowed}.`,
    nn: (p) => `Eit initiativ med status «${p.from}» kan ikkje gå til «${p.to}». Tillatne neste steg: ${p.allowed}.`,
    sv: (p) => `Ett initiativ med status ”${p.from}” kan inte gå till ”${p.to}”. Tillåtna nästa steg: ${p.allowed}.`,
    en: (p) => `An initiative with status "${p.from}" cannot move to "${p.to}". Allowed next steps: ${p.allowed}.`,
  },
  portfolioNoNextStep: {
    nb: () => 'ingen',
    nn: () => 'ingen',
    sv: () => 'inga',
    en: () => 'none',
  },
  // ---- documents
  portfolioDocumentTooLarge: {
    nb: (p) => `Dokumentet er for stort; største tillatte størrelse er ${p.limit} MB.`,
    nn: (p) => `Dokumentet er for stort; største tillatne storleik er ${p.limit} MB.`,
    sv: (p) => `Dokumentet är för stort; största tillåtna storlek är ${p.limit} MB.`,
    en: (p) => `The document is too large; the largest allowed size is ${p.limit} MB.`,
  },
  portfolioDocumentType: {
    nb: (p) => `Dokumenttypen «${p.type}» kan ikke lastes opp. Tillatte typer: ${p.allowed}.`,
    nn: (p) => `Dokumenttypen «${p.type}» kan ikkje lastast opp. Tillatne typar: ${p.allowed}.`,
    sv: (p) => `Dokumenttypen ”${p.type}” kan inte laddas upp. Tillåtna typer: ${p.allowed}.`,
    en: (p) => `Documents of type "${p.type}" cannot be uploaded. Allowed types: ${p.allowed}.`,
  },
  portfolioDocumentEmpty: {
    nb: () => 'Dokumentet er tomt.',
    nn: () => 'Dokumentet er tomt.',
    sv: () => 'Dokumentet är tomt.',
    en: () => 'The document is empty.',
  },
  // ---- import (portfolio-exchange): each problem names the file's column
  portfolioImportUnreadable: {
    nb: () => 'Filen kunne ikke leses. Last opp en CSV-fil (UTF-8, semikolon eller komma) eller en Excel-fil (.xlsx) med overskrifter i første rad.',
    nn: () => 'Fila kunne ikkje lesast. Last opp ei CSV-fil (UTF-8, semikolon eller komma) eller ei Excel-fil (.xlsx) med overskrifter i første rad.',
    sv: () => 'Filen kunde inte läsas. Ladda upp en CSV-fil (UTF-8, semikolon eller komma) eller en Excel-fil (.xlsx) med rubriker på första raden.',
    en: () => 'The file could not be read. Upload a CSV file (UTF-8, semicolon or comma) or an Excel file (.xlsx) with headings in the first row.',
  },
  portfolioImportEmpty: {
    nb: () => 'Filen har ingen rader under overskriftene.',
    nn: () => 'Fila har ingen rader under overskriftene.',
    sv: () => 'Filen har inga rader under rubrikerna.',
    en: () => 'The file has no rows below the headings.',
  },
  portfolioImportTooManyRows: {
    nb: (p) => `Filen har ${p.rows} rader; høyst ${p.limit} kan importeres om gangen.`,
    nn: (p) => `Fila har ${p.rows} rader; høgst ${p.limit} kan importerast om gongen.`,
    sv: (p) => `Filen har ${p.rows} rader; högst ${p.limit} kan importeras åt gången.`,
    en: (p) => `The file has ${p.rows} rows; at most ${p.limit} can be imported at a time.`,
  },
  portfolioImportMissingColumn: {
    nb: (p) => `Filen mangler kolonnen «${p.column}». Kjente kolonner: ${p.known}.`,
    nn: (p) => `Fila manglar kolonnen «${p.column}». Kjende kolonnar: ${p.known}.`,
    sv: (p) => `Filen saknar kolumnen ”${p.column}”. Kända kolumner: ${p.known}.`,
    en: (p) => `The file has no "${p.column}" column. Known columns: ${p.known}.`,
  },
  portfolioImportRequired: {
    nb: () => 'Må fylles ut.',
    nn: () => 'Må fyllast ut.',
    sv: () => 'Måste fyllas i.',
    en: () => 'Required.',
  },
  portfolioImportBadDate: {
    nb: (p) => `«${p.value}» er ikke en dato; skriv ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ.`,
    nn: (p) => `«${p.value}» er ikkje ein dato; skriv ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ.`,
    sv: (p) => `”${p.value}” är inget datum; skriv ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ.`,
    en: (p) => `"${p.value}" is not a date; write YYYY-MM-DD or DD.MM.YYYY.`,
  },
  portfolioImportBadAmount: {
    nb: (p) => `«${p.value}» er ikke et beløp med høyst to desimaler.`,
    nn: (p) => `«${p.value}» er ikkje eit beløp med høgst to desimalar.`,
    sv: (p) => `”${p.value}” är inget belopp med högst två decimaler.`,
    en: (p) => `"${p.value}" is not an amount with at most two decimals.`,
  },
  portfolioImportUnknownStatus: {
    nb: (p) => `«${p.value}» er ikke en status. Bruk en av: ${p.known}.`,
    nn: (p) => `«${p.value}» er ikkje ein status. Bruk ein av: ${p.known}.`,
    sv: (p) => `”${p.value}” är ingen status. Använd en av: ${p.known}.`,
    en: (p) => `"${p.value}" is not a status. Use one of: ${p.known}.`,
  },
  portfolioImportUnknownCurrency: {
    nb: (p) => `«${p.value}» er ikke en valuta her; bruk NOK eller EUR.`,
    nn: (p) => `«${p.value}» er ikkje ein valuta her; bruk NOK eller EUR.`,
    sv: (p) => `”${p.value}” är ingen valuta här; använd NOK eller EUR.`,
    en: (p) => `"${p.value}" is not a currency here; use NOK or EUR.`,
  },
  portfolioImportBadSdg: {
    nb: (p) => `«${p.value}» er ikke et bærekraftsmål (1–17).`,
    nn: (p) => `«${p.value}» er ikkje eit berekraftsmål (1–17).`,
    sv: (p) => `”${p.value}” är inget hållbarhetsmål (1–17).`,
    en: (p) => `"${p.value}" is not a Sustainable Development Goal (1–17).`,
  },
  portfolioImportUnknownOrganisation: {
    nb: (p) => `Fant ingen organisasjon «${p.value}» i ${p.tree} (navn eller organisasjonsnummer).`,
    nn: (p) => `Fann ingen organisasjon «${p.value}» i ${p.tree} (namn eller organisasjonsnummer).`,
    sv: (p) => `Hittade ingen organisation ”${p.value}” i ${p.tree} (namn eller organisationsnummer).`,
    en: (p) => `No organisation "${p.value}" in ${p.tree} (name or organisation number).`,
  },
  portfolioImportAmbiguousOrganisation: {
    nb: (p) => `Flere organisasjoner i treet heter «${p.value}»; bruk organisasjonsnummeret.`,
    nn: (p) => `Fleire organisasjonar i treet heiter «${p.value}»; bruk organisasjonsnummeret.`,
    sv: (p) => `Flera organisationer i trädet heter ”${p.value}”; använd organisationsnumret.`,
    en: (p) => `Several organisations in the tree are called "${p.value}"; use the organisation number.`,
  },
  portfolioImportCannotCreateOrganisation: {
    nb: (p) => `«${p.value}» finnes ikke i treet, og du har ikke rett til å opprette organisasjoner der.`,
    nn: (p) => `«${p.value}» finst ikkje i treet, og du har ikkje rett til å opprette organisasjonar der.`,
    sv: (p) => `”${p.value}” finns inte i trädet, och du har inte behörighet att skapa organisationer där.`,
    en: (p) => `"${p.value}" is not in the tree, and you may not create organisations there.`,
  },
  portfolioImportAlreadyImported: {
    nb: (p) => `Allerede importert (${p.ref}) – initiativet «${p.title}» finnes fra før.`,
    nn: (p) => `Allereie importert (${p.ref}) – initiativet «${p.title}» finst frå før.`,
    sv: (p) => `Redan importerat (${p.ref}) – initiativet ”${p.title}” finns redan.`,
    en: (p) => `Already imported (${p.ref}) – the initiative "${p.title}" exists.`,
  },
  portfolioImportDuplicateRef: {
    nb: (p) => `Referansen ${p.ref} står også i rad ${p.row}.`,
    nn: (p) => `Referansen ${p.ref} står òg i rad ${p.row}.`,
    sv: (p) => `Referensen ${p.ref} finns också på rad ${p.row}.`,
    en: (p) => `The reference ${p.ref} is also in row ${p.row}.`,
  },
  portfolioImportHasErrors: {
    nb: (p) => `Ingenting er importert: ${p.count} rader har feil. Rett dem i filen og last den opp på nytt.`,
    nn: (p) => `Ingenting er importert: ${p.count} rader har feil. Rett dei i fila og last ho opp på nytt.`,
    sv: (p) => `Ingenting har importerats: ${p.count} rader har fel. Rätta dem i filen och ladda upp den igen.`,
    en: (p) => `Nothing was imported: ${p.count} rows have errors. Correct them in the file and upload it again.`,
  },
  portfolioImportPreviewGone: {
    nb: () => 'Forhåndsvisningen finnes ikke lenger (den varer i 30 minutter). Last opp filen på nytt.',
    nn: () => 'Førehandsvisinga finst ikkje lenger (ho varer i 30 minutt). Last opp fila på nytt.',
    sv: () => 'Förhandsgranskningen finns inte längre (den gäller i 30 minuter). Ladda upp filen igen.',
    en: () => 'The preview is gone (previews last 30 minutes). Upload the file again.',
  },
  portfolioImportFailed: {
    nb: () => 'Importen feilet, og ingenting er lagret. Prøv igjen; vedvarer feilen, kontakt brukerstøtten.',
    nn: () => 'Importen feila, og ingenting er lagra. Prøv igjen; held feilen fram, kontakt brukarstøtta.',
    sv: () => 'Importen misslyckades och ingenting har sparats. Försök igen; kvarstår felet, kontakta supporten.',
    en: () => 'The import failed and nothing was saved. Try again; if it keeps failing, contact support.',
  },
  portfolioImportDone: {
    nb: (p) => `${p.rows} initiativ er importert.`,
    nn: (p) => `${p.rows} initiativ er importerte.`,
    sv: (p) => `${p.rows} initiativ har importerats.`,
    en: (p) => `${p.rows} initiatives were imported.`,
  },
} satisfies MessageTable;

export type PortfolioMessageKey = keyof typeof PORTFOLIO_MESSAGES;

/** Status names for server messages and reports (the web app has its own in its locale files). */
export const PORTFOLIO_STATUS_NAMES: Record<Status, Record<Language, string>> = {
  idea: { nb: 'idé', nn: 'idé', sv: 'idé', en: 'idea' },
  'pre-project': { nb: 'forprosjekt', nn: 'forprosjekt', sv: 'förstudie', en: 'pre-project' },
  application: { nb: 'søknad under arbeid', nn: 'søknad under arbeid', sv: 'ansökan under arbete', en: 'application in preparation' },
  submitted: { nb: 'søknad sendt', nn: 'søknad send', sv: 'ansökan inskickad', en: 'submitted' },
  granted: { nb: 'innvilget', nn: 'innvilga', sv: 'beviljad', en: 'granted' },
  rejected: { nb: 'avslått', nn: 'avslått', sv: 'avslagen', en: 'rejected' },
  running: { nb: 'pågår', nn: 'pågår', sv: 'pågår', en: 'running' },
  closed: { nb: 'avsluttet', nn: 'avslutta', sv: 'avslutad', en: 'closed' },
  withdrawn: { nb: 'trukket', nn: 'trekt', sv: 'återkallad', en: 'withdrawn' },
};
