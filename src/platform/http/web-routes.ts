/** The pages of the web app, so the server can answer 404 for addresses that show no page. */
const STATIC_PAGES = new Set(['/', '/programmes', '/navigator', '/about', '/accessibility', '/logg-inn', '/glemt-passord', '/tilbakestill-passord', '/min-side', '/invitasjon']);
const PROGRAMME_PAGE = /^\/programmes\/([a-z0-9-]{1,100})\/?$/;
/** The administration pages need a signed-in person; which of their objects exist is the API's to say. */
const ADMIN_PAGE = /^\/admin(\/[^?#]*)?$/;

export async function webRouteStatus(path: string, programmeExists: (id: string) => Promise<boolean>): Promise<200 | 404> {
  const normalised = path.length > 1 ? path.replace(/\/$/, '') : path;
  if (STATIC_PAGES.has(normalised) || ADMIN_PAGE.test(normalised)) return 200;
  const programme = PROGRAMME_PAGE.exec(path);
  if (programme?.[1]) return (await programmeExists(programme[1])) ? 200 : 404;
  return 404;
}
