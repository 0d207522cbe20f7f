import { describe, expect, it } from 'vitest';
import { webRouteStatus } from '../../src/platform/http/web-routes.js';

const noProgrammes = async () => false;

describe('the pages of accounts and administration', () => {
  it.each(['/logg-inn', '/glemt-passord', '/tilbakestill-passord', '/min-side', '/min-side/', '/invitasjon', '/admin', '/admin/', '/admin/organisasjoner/ny', '/admin/organisasjoner/1d6c1bc4-5f0e-4c54-9f7e-0a8f1f3f6f11/logg'])('%s is a page', async (path) => {
    expect(await webRouteStatus(path, noProgrammes)).toBe(200);
  });
  it.each(['/administrasjon', '/adminx', '/logg-inn/mer', '/min-side/x'])('%s is not', async (path) => {
    expect(await webRouteStatus(path, noProgrammes)).toBe(404);
  });
});
