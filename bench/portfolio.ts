/**
 * Portfolio benchmark (issue 5, item 7): the initiative list and the dashboard with 100 000 initiatives
 * in one tenant tree (a county → 3 regional councils → 40 municipalities → 4 units each), on a scratch
 * PostgreSQL database, signed in as a coordinator of the county (who reads the whole tree). Initiatives
 * are bulk-inserted with INSERT … SELECT generate_series. Reports the server-side time of each reply
 * (Fastify's own timing) over sequential requests after a warm-up. Targets: list p95 ≤ 50 ms,
 * dashboard p95 ≤ 150 ms.
 *
 * Environment: BENCH_PORTFOLIO_ROWS (100000), BENCH_PORTFOLIO_REQUESTS (100), BENCH_EXPLAIN=1 (print
 * the plans of the list's and the dashboard's queries).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { buildServer } from '../src/platform/http/server.js';
import { createMailer } from '../src/platform/mail/mailer.js';
import type { Db } from '../src/platform/db/client.js';
import { organisations } from '../src/organisations/tables.js';
import { setMembership } from '../src/organisations/organisations.js';
import { MUNICIPAL_SECTORS } from '../src/reference/codes.js';
import { BENEFITS } from '../src/portfolio/benefits.js';
import { STATUSES } from '../src/portfolio/life-cycle.js';
import { createTestUser, signIn } from '../tests/support/accounts.js';
import { createPostgresDatabase } from '../tests/support/databases.js';
import { SETUP_ACTOR } from '../tests/support/tenants.js';
import { summarise } from './http-load.js';

const ROWS = Number(process.env.BENCH_PORTFOLIO_ROWS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_PORTFOLIO_REQUESTS ?? 100);
const WARM_UP = 10;
const TARGETS = { list: 50, dashboard: 150 };

interface Org {
  id: string;
  parentId: string | null;
  path: string;
  kind: string;
  name: string;
}

/** The tenant tree, made directly (204 organisations): the bench measures the portfolio, not the tree's audit trail. */
async function seedTree(db: Db): Promise<Org[]> {
  const made: Org[] = [];
  const add = (kind: string, name: string, parent: Org | null) => {
    const id = randomUUID();
    const org = { id, parentId: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/`, kind, name };
    made.push(org);
    return org;
  };
  const county = add('county', 'Benchmark fylkeskommune', null);
  for (let r = 1; r <= 3; r++) {
    const region = add('regional-council', `Regionråd ${r}`, county);
    for (let m = 1; m <= 14 - (r === 3 ? 2 : 0); m++) {
      const municipality = add('municipality', `Kommune ${r}-${m}`, region);
      for (const unit of ['Skole', 'Kultur', 'Teknisk drift', 'Helse']) add('unit', `${unit} ${r}-${m}`, municipality);
    }
  }
  await db.insert(organisations).values(made);
  return made;
}

async function seedInitiatives(db: Db, orgs: Org[]): Promise<void> {
  const ids = orgs.filter((o) => o.kind !== 'county').map((o) => o.id);
  const words = ['klimatilpasning', 'skoleutveksling', 'kyststi', 'velferdsteknologi', 'kulturarv', 'næringsutvikling', 'ungdomsmedvirkning', 'vannforvaltning', 'sykkelturisme', 'digitalisering'];
  const programmes = ['erasmus-plus', 'interreg-sverige-norge', 'interreg-oresund-kattegat-skagerrak', 'horizon-europe', 'nordic-council-of-ministers', 'creative-europe', 'eea-grants'];
  await db.execute(sql`
    insert into initiatives (organisation_id, title, summary, status, private, programme_id, other_programme, deadline, start_date, end_date,
      currency, budget_amount, grant_amount, own_share_amount, co_financing_amount, nok_rate, nok_rate_date, hours_application, hours_project,
      sectors, sdg_goals, created_at, updated_at)
    select
      (${sql.param(ids)}::uuid[])[1 + i % ${ids.length}],
      initcap((${sql.param(words)}::text[])[1 + i % 10]) || ' i ' || (${sql.param(words)}::text[])[1 + (i / 10) % 10] || ' ' || i,
      'Samarbeid om ' || (${sql.param(words)}::text[])[1 + (i / 7) % 10] || ' og ' || (${sql.param(words)}::text[])[1 + (i / 3) % 10] || ' med partnere i Norden og Europa.',
      (${sql.param([...STATUSES])}::text[])[1 + (i * 7) % 9],
      i % 20 = 0,
      case when i % 11 = 0 then null else (${sql.param(programmes)}::text[])[1 + i % 7] end,
      case when i % 11 = 0 then 'Annen ordning' end,
      date '2018-01-01' + (i * 13) % 4000,
      case when i % 6 = 0 then null else date '2016-01-01' + (i * 17) % 3650 end,
      case when i % 6 = 0 then null else date '2016-01-01' + (i * 17) % 3650 + 730 end,
      case when i % 5 = 0 then 'EUR' else 'NOK' end,
      (100000 + (i % 1000) * 1000)::numeric,
      ((100000 + (i % 1000) * 1000) * 0.6)::numeric,
      ((100000 + (i % 1000) * 1000) * 0.3)::numeric,
      ((100000 + (i % 1000) * 1000) * 0.1)::numeric,
      case when i % 5 = 0 then 11.5 else 1 end,
      case when i % 5 = 0 then date '2024-12-31' end,
      (i % 200)::numeric, (i % 2000)::numeric,
      array[(${sql.param([...MUNICIPAL_SECTORS])}::text[])[1 + i % 7], (${sql.param([...MUNICIPAL_SECTORS])}::text[])[1 + (i / 7) % 7]],
      array[(1 + i % 17)::smallint],
      now() - (i || ' minutes')::interval,
      now() - (i || ' minutes')::interval
    from generate_series(1, ${ROWS}) as i`);
  // Benefits of the finished and running ones, two each.
  await db.execute(sql`
    insert into initiative_benefits (initiative_id, benefit, score, comment)
    select id, (${sql.param([...BENEFITS])}::text[])[1 + n], 1 + (abs(hashtext(id::text)) + n) % 5, ''
    from initiatives, (values (0), (3)) as b(n) where status in ('running', 'closed')`);
  // What autovacuum does after a bulk load: statistics and the visibility map (index-only scans).
  await db.execute(sql`vacuum analyze initiatives`);
  await db.execute(sql`analyze`);
}

async function main(): Promise<void> {
  const test = await createPostgresDatabase();
  try {
    const db = test.database.db;
    const started = performance.now();
    const orgs = await seedTree(db);
    const coordinator = await createTestUser(db, 'coordinator@bench.example', { name: 'Benchmark Coordinator' });
    await setMembership(db, coordinator.id, orgs[0]!.id, 'coordinator', SETUP_ACTOR);
    await seedInitiatives(db, orgs);
    const seeded = Math.round(performance.now() - started);
    console.log(`seeded ${ROWS} initiatives in ${orgs.length} organisations in ${seeded} ms`);

    const app = await buildServer({ database: test.database, serveWeb: false, mailer: createMailer({ smtpUrl: undefined, from: 'x@y.z' }, { info: () => undefined, warn: () => undefined }) });
    const times = new Map<string, number[]>();
    app.addHook('onResponse', async (request, reply) => {
      const label = request.headers['x-bench-label'];
      if (typeof label === 'string') times.get(label)?.push(reply.elapsedTime);
    });
    const client = await signIn(app, 'coordinator@bench.example');
    const scenarios: Array<[string, string, 'list' | 'dashboard']> = [
      ['list, first page', '/api/portfolio/initiatives', 'list'],
      ['list, filtered (status + sector + q)', '/api/portfolio/initiatives?status=running&status=granted&sector=education&q=kyststi', 'list'],
      ['list, one municipality by deadline', `/api/portfolio/initiatives?organisation=${orgs[2]!.id}&sort=deadline`, 'list'],
      ['dashboard', '/api/portfolio/dashboard', 'dashboard'],
      ['dashboard, filtered (sector + year)', '/api/portfolio/dashboard?sector=culture&year=2022', 'dashboard'],
    ];
    const results: Record<string, ReturnType<typeof summarise> & { total: number; target: number; pass: boolean }> = {};
    for (const [label, url, kind] of scenarios) {
      times.set(label, []);
      let total = 0;
      for (let i = 0; i < WARM_UP + REQUESTS; i++) {
        const response = await client.request({ url, headers: i < WARM_UP ? {} : { 'x-bench-label': label } });
        if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
        total = kind === 'list' ? response.json<{ total: number }>().total : response.json<{ totals: { count: number } }>().totals.count;
      }
      const summary = summarise(times.get(label)!);
      results[label] = { ...summary, total, target: TARGETS[kind], pass: summary.p95 <= TARGETS[kind] };
    }
    await app.close();

    console.log(`\nPortfolio on PostgreSQL, ${ROWS} initiatives, server-side ms over ${REQUESTS} sequential requests (county coordinator):`);
    console.log('scenario                                      matches      p50      p95      max   target');
    for (const [label, r] of Object.entries(results)) {
      console.log(`${label.padEnd(44)} ${String(r.total).padStart(8)} ${String(r.p50).padStart(8)} ${String(r.p95).padStart(8)} ${String(r.max).padStart(8)}   ≤ ${r.target} ${r.pass ? 'PASS' : 'FAIL'}`);
    }
    await mkdir(new URL('./results/', import.meta.url), { recursive: true });
    await writeFile(new URL('./results/portfolio.json', import.meta.url), `${JSON.stringify({ rows: ROWS, organisations: orgs.length, seededMs: seeded, requests: REQUESTS, results }, null, 2)}\n`);
    if (Object.values(results).some((r) => !r.pass)) process.exitCode = 1;
  } finally {
    await test.dispose();
  }
}

await main();
