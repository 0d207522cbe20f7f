/**
 * Organisations as tenants over HTTP: what each person sees of the tree, creating and moving
 * organisations within the rules of the hierarchy, members and roles, and the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/platform/http/server.js';
import { createMailer } from '../../src/platform/mail/mailer.js';
import { ENGINES, type TestDatabase } from '../support/databases.js';
import { signIn, type SignedInClient } from '../support/accounts.js';
import { seedTenants, type Tenants } from '../support/tenants.js';

const quietLog = { info: () => undefined, warn: () => undefined };

describe.each(ENGINES)('organisation administration on $engine', ({ create }) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  let t: Tenants;
  const as: Partial<Record<keyof Tenants['people'], SignedInClient>> = {};
  const client = (who: keyof Tenants['people']) => as[who]!;

  beforeAll(async () => {
    testDb = await create();
    app = await buildServer({ database: testDb.database, serveWeb: false, mailer: createMailer({ smtpUrl: undefined, from: 'x@y.z' }, quietLog) });
    t = await seedTenants(testDb.database.db);
    for (const who of Object.keys(t.people) as Array<keyof Tenants['people']>) as[who] = await signIn(app, t.people[who]);
  });
  afterAll(async () => {
    await app?.close();
    await testDb?.dispose();
  });

  const treeNames = async (who: keyof Tenants['people']) =>
    (await client(who).request({ url: '/api/organisations/tree' })).json<{ items: Array<{ name: string }> }>().items.map((o) => o.name);

  it('shows each person their organisations and everything below, never above or beside', async () => {
    expect(await treeNames('countyAdmin')).toEqual(['Østfold fylkeskommune', 'Mosseregionen', 'Moss kommune', 'Verket skole']);
    expect(await treeNames('regionCoordinator')).toEqual(['Mosseregionen', 'Moss kommune', 'Verket skole']);
    expect(await treeNames('verketReader')).toEqual(['Verket skole']);
    expect(await treeNames('vestlandAdmin')).toEqual(['Vestland fylkeskommune', 'Bergen kommune']);
    expect(await treeNames('outsider')).toEqual([]);
    expect(await treeNames('systemAdmin')).toHaveLength(6);
  });

  it('reports what the caller may do in each organisation', async () => {
    const moss = (await client('regionCoordinator').request({ url: `/api/organisations/${t.moss}` })).json<{ permissions: string[] }>();
    expect(moss.permissions).toEqual(expect.arrayContaining(['manage-members', 'read-audit']));
    expect(moss.permissions).not.toContain('administer');
    const asReader = (await client('mossReader').request({ url: `/api/organisations/${t.moss}` })).json<{ permissions: string[] }>();
    expect(asReader.permissions).toEqual(['view', 'read']);
  });

  it('hides another tenant\'s organisation (404) and refuses too small a role (403)', async () => {
    expect((await client('vestlandAdmin').request({ url: `/api/organisations/${t.moss}` })).statusCode).toBe(404);
    expect((await client('mossReader').request({ method: 'PATCH', url: `/api/organisations/${t.moss}`, payload: { name: 'Moss' } })).statusCode).toBe(403);
    expect((await client('verketReader').request({ url: `/api/organisations/${t.region}` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/organisations/${t.moss}` })).statusCode).toBe(401);
  });

  it('creates organisations only where the hierarchy allows, with a checked organisation number', async () => {
    const unit = await client('regionCoordinator').request({ method: 'POST', url: '/api/organisations', payload: { parentId: t.moss, kind: 'unit', name: 'Ramberg skole' } });
    expect(unit.statusCode).toBe(201);
    expect(unit.json()).toMatchObject({ name: 'Ramberg skole', parentId: t.moss, kind: 'unit' });

    const countyUnderUnit = await client('countyAdmin').request({ method: 'POST', url: '/api/organisations?lang=en', payload: { parentId: t.verket, kind: 'county', name: 'Wrong' } });
    expect(countyUnderUnit.statusCode).toBe(422);
    expect(countyUnderUnit.json()).toMatchObject({ field: 'parentId' });

    const badNumber = await client('countyAdmin').request({ method: 'POST', url: '/api/organisations', payload: { parentId: t.moss, kind: 'unit', name: 'X', orgNumber: '974 760 674' } });
    expect(badNumber.statusCode).toBe(422);
    expect(badNumber.json()).toMatchObject({ field: 'orgNumber' });

    const numbered = await client('countyAdmin').request({ method: 'POST', url: '/api/organisations', payload: { parentId: t.moss, kind: 'unit', name: 'Teknisk drift', orgNumber: 'NO 974 760 673 MVA' } });
    expect(numbered.json()).toMatchObject({ orgNumber: '974760673' });
    const duplicate = await client('countyAdmin').request({ method: 'POST', url: '/api/organisations', payload: { parentId: t.moss, kind: 'unit', name: 'Y', orgNumber: '974760673' } });
    expect(duplicate.statusCode).toBe(409);

    expect((await client('countyAdmin').request({ method: 'POST', url: '/api/organisations', payload: { parentId: null, kind: 'county', name: 'Agder' } })).statusCode).toBe(403);
    expect((await client('systemAdmin').request({ method: 'POST', url: '/api/organisations', payload: { parentId: null, kind: 'county', name: 'Agder fylkeskommune' } })).statusCode).toBe(201);
    expect((await client('vestlandAdmin').request({ method: 'POST', url: '/api/organisations', payload: { parentId: t.moss, kind: 'unit', name: 'Intruder' } })).statusCode).toBe(404);
    expect((await client('mossEditor').request({ method: 'POST', url: '/api/organisations', payload: { parentId: t.moss, kind: 'unit', name: 'Not mine to make' } })).statusCode).toBe(403);
  });

  it('moves an organisation with everything below it, only where the mover manages both places', async () => {
    const library = (await client('countyAdmin').request({ method: 'POST', url: '/api/organisations', payload: { parentId: t.moss, kind: 'unit', name: 'Biblioteket' } })).json<{ id: string }>();
    await client('countyAdmin').request({ method: 'POST', url: '/api/organisations', payload: { parentId: library.id, kind: 'unit', name: 'Filial Jeløy' } });
    const intoSelf = await client('countyAdmin').request({ method: 'PATCH', url: `/api/organisations/${t.moss}`, payload: { parentId: t.verket } });
    expect(intoSelf.statusCode).toBe(422);
    expect((await client('regionCoordinator').request({ method: 'PATCH', url: `/api/organisations/${library.id}`, payload: { parentId: t.ostfold } })).statusCode).toBe(403);
    expect((await client('countyAdmin').request({ method: 'PATCH', url: `/api/organisations/${library.id}`, payload: { parentId: t.ostfold, name: 'Fylkesbiblioteket' } })).statusCode).toBe(200);
    // The region's coordinator no longer sees the library or its branch; the county still sees both.
    expect(await treeNames('regionCoordinator')).not.toContain('Filial Jeløy');
    expect(await treeNames('countyAdmin')).toEqual(expect.arrayContaining(['Fylkesbiblioteket', 'Filial Jeløy']));
  });

  it('changes roles within the rules and keeps the last administrator', async () => {
    const members = (await client('countyAdmin').request({ url: `/api/organisations/${t.moss}/members` })).json<{ items: Array<{ userId: string; role: string; email: string }> }>().items;
    const reader = members.find((m) => m.email === t.people.mossReader)!;
    expect((await client('regionCoordinator').request({ method: 'PUT', url: `/api/organisations/${t.moss}/members/${reader.userId}`, payload: { role: 'editor' } })).statusCode).toBe(204);
    const refused = await client('regionCoordinator').request({ method: 'PUT', url: `/api/organisations/${t.moss}/members/${reader.userId}?lang=en`, payload: { role: 'administrator' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ field: 'role', message: 'Only an administrator can give the administrator role.' });

    const admins = (await client('countyAdmin').request({ url: `/api/organisations/${t.ostfold}/members` })).json<{ items: Array<{ userId: string; role: string }> }>().items;
    const admin = admins.find((m) => m.role === 'administrator')!;
    const demote = await client('countyAdmin').request({ method: 'PUT', url: `/api/organisations/${t.ostfold}/members/${admin.userId}`, payload: { role: 'reader' } });
    expect(demote.statusCode).toBe(409);
    expect((await client('countyAdmin').request({ method: 'DELETE', url: `/api/organisations/${t.ostfold}/members/${admin.userId}` })).statusCode).toBe(409);
    expect((await client('countyAdmin').request({ method: 'DELETE', url: `/api/organisations/${t.moss}/members/${reader.userId}` })).statusCode).toBe(204);
    expect((await client('countyAdmin').request({ method: 'DELETE', url: `/api/organisations/${t.moss}/members/${reader.userId}` })).statusCode).toBe(404);
  });

  it('keeps an audit trail of the tree with who, what, before and after, readable by coordinators', async () => {
    const trail = await client('countyAdmin').request({ url: `/api/organisations/${t.ostfold}/audit?pageSize=100` });
    expect(trail.statusCode).toBe(200);
    const events = trail.json<{ items: Array<{ action: string; actor: string; before: unknown; after: unknown; organisationName: string }>; total: number }>();
    const actions = events.items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['organisation-created', 'organisation-moved', 'member-role-changed', 'member-removed']));
    const change = events.items.find((e) => e.action === 'member-role-changed')!;
    expect(change).toMatchObject({ actor: expect.stringContaining(t.people.regionCoordinator), before: { role: 'reader' }, after: { role: 'editor' }, organisationName: 'Moss kommune' });
    // The region sees its part only; Vestland sees nothing of Østfold; a reader may not read the trail.
    const regional = (await client('regionCoordinator').request({ url: `/api/organisations/${t.region}/audit?pageSize=200` })).json<{ items: Array<{ organisationName: string }> }>();
    expect(regional.items.every((e) => ['Mosseregionen', 'Moss kommune', 'Verket skole', 'Ramberg skole', 'Teknisk drift'].includes(e.organisationName))).toBe(true);
    expect((await client('vestlandAdmin').request({ url: `/api/organisations/${t.ostfold}/audit` })).statusCode).toBe(404);
    expect((await client('mossEditor').request({ url: `/api/organisations/${t.moss}/audit` })).statusCode).toBe(403);
  });

  it('shows system-wide events (sign-ins) to the system administrator only', async () => {
    const events = (await client('systemAdmin').request({ url: '/api/audit?pageSize=200' })).json<{ items: Array<{ action: string; organisationId: string | null }> }>();
    expect(events.items.some((e) => e.action === 'sign-in')).toBe(true);
    expect(events.items.every((e) => e.organisationId === null)).toBe(true);
    expect((await client('countyAdmin').request({ url: '/api/audit' })).statusCode).toBe(403);
  });

  it('deletes an empty organisation only, as an administrator', async () => {
    const empty = (await client('countyAdmin').request({ method: 'POST', url: '/api/organisations', payload: { parentId: t.verket, kind: 'unit', name: 'SFO' } })).json<{ id: string }>();
    expect((await client('regionCoordinator').request({ method: 'DELETE', url: `/api/organisations/${empty.id}` })).statusCode).toBe(403);
    expect((await client('countyAdmin').request({ method: 'DELETE', url: `/api/organisations/${t.moss}` })).statusCode).toBe(409);
    expect((await client('countyAdmin').request({ method: 'DELETE', url: `/api/organisations/${empty.id}` })).statusCode).toBe(204);
    expect((await client('countyAdmin').request({ url: `/api/organisations/${empty.id}` })).statusCode).toBe(404);
  });
});
