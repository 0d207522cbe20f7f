/**
 * The dashboard's kept tallies (migration 0013: statement triggers on initiatives and their benefits)
 * against the figures counted from the initiatives themselves, on both engines, after every kind of
 * change a statement can make: inserts of one and of many rows, updates of money, status, programme,
 * dates, sectors, private flag and organisation, deletes of initiatives (their benefits go with them),
 * and benefits added, rescored and removed on their own. Each person's view is compared: a reader of
 * the region (no private ideas), Moss's editor (private ideas in Moss) and the county's administrator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/client.js';
import { organisations } from '../../src/organisations/tables.js';
import { dashboardFigures } from '../../src/portfolio/dashboard-repository.js';
import { STATUSES } from '../../src/portfolio/life-cycle.js';
import { BENEFITS } from '../../src/portfolio/benefits.js';
import { MUNICIPAL_SECTORS } from '../../src/reference/codes.js';
import type { PortfolioScope } from '../../src/portfolio/visibility.js';
import { ENGINES, type TestDatabase } from '../support/databases.js';
import { seedTenants, type Tenants } from '../support/tenants.js';
import { seededRandom } from '../../src/platform/seeded-random.js';

/** Seeded, so a failure can be replayed. */
function generator(seed: number) {
  const next = seededRandom(seed);
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T,>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}

describe.each(ENGINES)('the dashboard tallies on $engine', ({ create }) => {
  let testDb: TestDatabase;
  let db: Db;
  let t: Tenants;
  let scopes: Record<string, PortfolioScope>;
  let organisationIds: string[];
  const random = generator(20261123);
  const programmes = ['interreg-a', 'erasmus-b', null];

  /** One initiative's columns as SQL values, drawn at random. */
  function randomValues() {
    const currency = random.pick(['NOK', 'EUR']);
    const budget = random.next() < 0.15 ? null : (10_000 + random.int(2_000_000)) + random.int(100) / 100;
    const programme = random.pick(programmes);
    const sectors = [...new Set([random.pick(MUNICIPAL_SECTORS), random.pick(MUNICIPAL_SECTORS)])].slice(0, 1 + random.int(2));
    const start = random.next() < 0.3 ? null : `20${18 + random.int(9)}-0${1 + random.int(9)}-1${random.int(10)}`;
    return sql`(
      ${random.pick(organisationIds)}::uuid, ${'Tiltak ' + random.int(1e6)}, ${random.pick(STATUSES)}, ${random.next() < 0.2},
      ${programme}, ${programme === null ? random.pick(['Annen ordning', 'Fylkesmidler', null]) : null},
      ${random.next() < 0.5 ? `202${random.int(8)}-0${1 + random.int(9)}-01` : null}::date, ${start}::date,
      ${currency}, ${budget}::numeric, ${budget === null ? null : Math.round(budget * 60) / 100}::numeric,
      ${budget === null ? null : Math.round(budget * 40) / 100}::numeric, ${currency === 'EUR' ? 11.4 + random.int(10) / 100 : 1}::numeric,
      ${random.next() < 0.3 ? null : random.int(500) + 0.5}::numeric, ${random.next() < 0.3 ? null : random.int(5000)}::numeric,
      ${sql.param(sectors)}::text[], now() - ${`${random.int(3000)} days`}::interval)`;
  }

  async function insertInitiatives(count: number): Promise<void> {
    await db.execute(sql`
      insert into initiatives (organisation_id, title, status, private, programme_id, other_programme, deadline, start_date, currency,
        budget_amount, grant_amount, own_share_amount, nok_rate, hours_application, hours_project, sectors, created_at)
      values ${sql.join(Array.from({ length: count }, randomValues), sql`, `)}`);
  }

  /** Some initiatives at random, as a SQL list of ids. */
  const someIds = (share: number) => sql`(select id from initiatives where abs(hashtext(id::text || ${String(random.int(1e9))})) % 100 < ${Math.round(share * 100)})`;

  const changes: Array<[string, () => Promise<unknown>]> = [
    ['one new initiative', () => insertInitiatives(1)],
    ['many new initiatives in one statement', () => insertInitiatives(25)],
    ['money rescaled', () => db.execute(sql`update initiatives set budget_amount = budget_amount * 2, grant_amount = grant_amount + 1.01 where id in ${someIds(0.3)}`)],
    ['statuses changed', () => db.execute(sql`update initiatives set status = ${random.pick(STATUSES)} where id in ${someIds(0.2)}`)],
    ['programme moved to another scheme', () => db.execute(sql`update initiatives set programme_id = null, other_programme = 'Flyttet' where id in ${someIds(0.1)}`)],
    ['dates moved', () => db.execute(sql`update initiatives set start_date = coalesce(start_date, date '2020-05-05') + 400, deadline = null where id in ${someIds(0.2)}`)],
    ['sectors replaced', () => db.execute(sql`update initiatives set sectors = ${sql.param([random.pick(MUNICIPAL_SECTORS)])}::text[] where id in ${someIds(0.2)}`)],
    ['private flag toggled', () => db.execute(sql`update initiatives set private = not private where id in ${someIds(0.15)}`)],
    ['moved to another organisation', () => db.execute(sql`update initiatives set organisation_id = ${random.pick(organisationIds)} where id in ${someIds(0.15)}`)],
    ['benefits added', () => db.execute(sql`insert into initiative_benefits (initiative_id, benefit, score) select id, ${random.pick(BENEFITS)}, 1 + abs(hashtext(id::text)) % 5 from initiatives where id in ${someIds(0.4)} on conflict do nothing`)],
    ['benefits rescored', () => db.execute(sql`update initiative_benefits set score = 1 + (score % 5) where initiative_id in ${someIds(0.4)}`)],
    ['benefits removed', () => db.execute(sql`delete from initiative_benefits where initiative_id in ${someIds(0.2)}`)],
    ['initiatives deleted with their benefits', () => db.execute(sql`delete from initiatives where id in ${someIds(0.1)}`)],
    ['a title edited (nothing counted changes)', () => db.execute(sql`update initiatives set title = title || '.' where id in ${someIds(0.5)}`)],
  ];

  beforeAll(async () => {
    testDb = await create();
    db = testDb.database.db;
    t = await seedTenants(db);
    const rows = await db.select({ id: organisations.id, path: organisations.path }).from(organisations).where(inArray(organisations.id, [t.ostfold, t.region, t.moss, t.verket]));
    const path = (id: string) => rows.find((r) => r.id === id)!.path;
    organisationIds = [t.region, t.moss, t.moss, t.verket];
    scopes = {
      'region reader': { readPaths: [path(t.region)], editPaths: [] },
      'Moss editor': { readPaths: [path(t.moss)], editPaths: [path(t.moss)] },
      'county administrator': { readPaths: [path(t.ostfold)], editPaths: [path(t.ostfold)] },
      'region reader who edits in Verket': { readPaths: [path(t.region)], editPaths: [path(t.verket)] },
    };
    await insertInitiatives(60);
  });
  afterAll(() => testDb.dispose());

  it('give the same dashboard as counting the initiatives, after every kind of change', async () => {
    const everyStatus = { statuses: [...STATUSES] };
    for (let round = 0; round < 3; round++) {
      for (const [change, apply] of changes) {
        await apply();
        for (const [who, scope] of Object.entries(scopes)) {
          for (const organisationId of [undefined, t.moss]) {
            const kept = await dashboardFigures(db, scope, { organisationId });
            const counted = await dashboardFigures(db, scope, { organisationId, ...everyStatus });
            expect(kept, `${change}, round ${round}, seen by the ${who}${organisationId ? ' in Moss' : ''}`).toEqual(counted);
          }
        }
      }
    }
    const { rows } = (await db.execute(sql`select count(*)::int as n from initiatives`)) as unknown as { rows: Array<{ n: number }> };
    expect(rows[0]!.n).toBeGreaterThan(50);
  });

  it('keep no empty tallies, and none for an organisation that is gone', async () => {
    const empty = (await db.execute(sql`select count(*)::int as n from initiative_tallies where count = 0`)) as unknown as { rows: Array<{ n: number }> };
    expect(empty.rows[0]!.n).toBe(0);
    await db.execute(sql`delete from organisations where id = ${t.verket}`);
    const orphans = (await db.execute(sql`select count(*)::int as n from initiative_tallies where organisation_id = ${t.verket}`)) as unknown as { rows: Array<{ n: number }> };
    expect(orphans.rows[0]!.n).toBe(0);
  });
});
