/** The pages of the web app, so the server can answer 404 for addresses that show no page. */
const STATIC_PAGES = new Set(['/', '/programmes', '/navigator', '/about', '/accessibility', '/logg-inn', '/glemt-passord', '/tilbakestill-passord', '/min-side', '/invitasjon']);
const PROGRAMME_PAGE = /^\/programmes\/([a-z0-9-]{1,100})\/?$/;
/** Pages whose objects (organisations, initiatives, rounds, answer links) the API checks: which exist is its to say. */
const OBJECT_PAGE = /^\/(admin|portefolje|kartlegging|svar)(\/[^?#]*)?$/;

export async function webRouteStatus(path: string, programmeExists: (id: string) => Promise<boolean>): Promise<200 | 404> {
  const normalised = path.length > 1 ? path.replace(/\/$/, '') : path;
  if (STATIC_PAGES.has(normalised) || OBJECT_PAGE.test(normalised)) return 200;
  const programme = PROGRAMME_PAGE.exec(path);
  if (programme?.[1]) return (await programmeExists(programme[1])) ? 200 : 404;
  return 404;
}
