/**
 * The command line for operators, as they run it (the built `bin/mulighetsrom.js` in child processes):
 * the first administrator, the retention job on demand, and demo data only with `serve --demo`.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/platform/db/client.js';
import { queryRows } from '../../src/platform/db/rows.js';
import { verifyPassword } from '../../src/accounts/passwords.js';

const BIN = fileURLToPath(new URL('../../bin/mulighetsrom.js', import.meta.url));
const PASSWORD = 'fjellvann-og-bjorkeskog';
/** No catalogue or calls: these tests are about people, and start faster without. */
// A test that migrates a fresh embedded database in a child process and opens it again: slow on a busy machine.
const MIGRATING_RUNS_TIMEOUT = 180_000;
const QUIET = { LOAD_CATALOGUE: 'false', DEMO_CALLS_FILE: '', LOG_LEVEL: 'warn', MULIGHETSROM_ADMIN_PASSWORD: '' };

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...QUIET, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Reads the embedded database the commands wrote (after they have exited: PGlite has one process at a time). */
async function query<T>(dataDir: string, statement: ReturnType<typeof sql>): Promise<T[]> {
  const database = await openPglite(dataDir);
  try {
    return await queryRows<T>(database.db, statement);
  } finally {
    await database.close();
  }
}

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'mulighetsrom-cli-admin-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('mulighetsrom admin create', () => {
  let dataDir: string;
  const admin = (args: string[], password = PASSWORD) => run(['admin', 'create', ...args], { DATA_DIR: dataDir, MULIGHETSROM_ADMIN_PASSWORD: password });
  beforeAll(() => {
    dataDir = path.join(work, 'admin');
  });

  it('creates a system administrator and a top-level organisation they administer, recorded as done by the cli', async () => {
    const result = await admin(['--email', 'anne@fylke.example', '--name', 'Anne Admin', '--organisation', 'Østfold fylkeskommune', '--kind', 'county', '--org-number', '974 760 673']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Created system administrator anne@fylke.example, administrator of Østfold fylkeskommune (county).');
    expect(await query(dataDir, sql`SELECT u.email, u.system_administrator, o.name, o.kind, o.org_number, o.parent_id, m.role
                                      FROM users u JOIN memberships m ON m.user_id = u.id JOIN organisations o ON o.id = m.organisation_id`)).toEqual([
      { email: 'anne@fylke.example', system_administrator: true, name: 'Østfold fylkeskommune', kind: 'county', org_number: '974760673', parent_id: null, role: 'administrator' },
    ]);
    const events = await query<{ action: string; actor_label: string }>(dataDir, sql`SELECT action, actor_label FROM audit_events ORDER BY id`);
    expect(events).toEqual([
      { action: 'account-created', actor_label: 'cli' },
      { action: 'organisation-created', actor_label: 'cli' },
      { action: 'member-added', actor_label: 'cli' },
    ]);
  });

  it('keeps the password it was given, as an argon2id hash only', async () => {
    const [user] = await query<{ password_hash: string }>(dataDir, sql`SELECT password_hash FROM users WHERE email = 'anne@fylke.example'`);
    expect(user!.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user!.password_hash, PASSWORD)).toBe(true);
  });

  it('refuses an address that already has an account, whatever its case (exit 1)', async () => {
    const result = await admin(['--email', 'ANNE@fylke.example', '--name', 'Anne Again']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Nothing was created (email): A user with this e-mail address already exists.');
    expect(await query(dataDir, sql`SELECT count(*)::int AS n FROM users`)).toEqual([{ n: 1 }]);
  });

  it('refuses a weak password and an invalid organisation number, creating nothing', async () => {
    const weak = await admin(['--email', 'bo@fylke.example', '--name', 'Bo'], 'passord123');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('Nothing was created (password): The password must have at least 10 characters');
    const number = await admin(['--email', 'bo@fylke.example', '--name', 'Bo', '--organisation', 'Bo AS', '--kind', 'external', '--org-number', '974760674']);
    expect(number.code).toBe(1);
    expect(number.stderr).toContain('the check digit does not match');
    expect(await query(dataDir, sql`SELECT count(*)::int AS n FROM users WHERE email = 'bo@fylke.example'`)).toEqual([{ n: 0 }]);
  });

  it('never takes the password as an argument, and says where it comes from when there is no terminal', async () => {
    const argument = await admin(['--email', 'bo@fylke.example', '--name', 'Bo', `--password=${PASSWORD}`]);
    expect(argument.code).toBe(2);
    expect(argument.stderr).toContain('The password is never given as an argument');
    const none = await admin(['--email', 'bo@fylke.example', '--name', 'Bo'], '');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('No password: run the command in a terminal, or set MULIGHETSROM_ADMIN_PASSWORD.');
  });

  it('asks for what is missing: the address and name, the kind of the organisation', async () => {
    expect((await admin(['--name', 'Bo'])).code).toBe(2);
    const kind = await admin(['--email', 'bo@fylke.example', '--name', 'Bo', '--organisation', 'Bo AS']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain("Give the organisation's --kind: one of county, regional-council, municipality, unit, secretariat, external.");
    const unit = await admin(['--email', 'bo@fylke.example', '--name', 'Bo', '--organisation', 'Bo skole', '--kind', 'unit']);
    expect(unit.code).toBe(1);
    expect(unit.stderr).toContain('(kind)');
  });
});

describe('mulighetsrom retention run', () => {
  it('deletes what is past its time and prints how much of each', async () => {
    const dataDir = path.join(work, 'retention');
    expect((await run(['migrate'], { DATA_DIR: dataDir })).code).toBe(0);
    const database = await openPglite(dataDir);
    await database.db.execute(sql`INSERT INTO sign_in_throttle (key, failures, window_started_at) VALUES ('email:old@x.example', 2, now() - interval '1 hour')`);
    await database.db.execute(sql`INSERT INTO oidc_logins (state_hash, nonce, code_verifier, return_to, expires_at) VALUES ('s', 'n', 'v', '/', now() - interval '1 minute')`);
    await database.close();
    const result = await run(['retention', 'run'], { DATA_DIR: dataDir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ +1 sign-in throttle entries$/m);
    expect(result.stdout).toMatch(/^ +1 unfinished OpenID Connect sign-ins$/m);
    expect(result.stdout).toMatch(/^ +0 inactive accounts$/m);
    expect(result.stdout).toMatch(/^ +0 survey answers$/m);
    expect(await query(dataDir, sql`SELECT count(*)::int AS n FROM sign_in_throttle`)).toEqual([{ n: 0 }]);
  }, MIGRATING_RUNS_TIMEOUT);
});

describe('mulighetsrom serve with and without --demo', () => {
  /** Starts `serve`, tries a demo person's sign-in, stops the server; returns the sign-in's status. */
  async function demoSignInStatus(dataDir: string, args: string[]): Promise<number> {
    const child = spawn(process.execPath, [BIN, 'serve', ...args], { env: { ...process.env, ...QUIET, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stderr.on('data', (chunk) => (output += chunk));
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve printed no address: ${output}`)), 90_000);
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const match = /running at (http:\/\/\S+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    const response = await fetch(`${address}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'kari.county@demo.example', password: 'moss-demo-passord' }),
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGTERM');
    expect(await exited, output).toBe(0);
    return response.status;
  }


  it('has the demo people with --demo, and a second start loads nothing new', async () => {
    const demo = path.join(work, 'demo');
    expect(await demoSignInStatus(demo, ['--demo'])).toBe(204);
    expect(await demoSignInStatus(demo, ['--demo'])).toBe(204);
    expect(await query(demo, sql`SELECT count(*)::int AS n FROM users`)).toEqual([{ n: 7 }]);
  }, MIGRATING_RUNS_TIMEOUT);

  it('starts empty without --demo, as production does', async () => {
    const production = path.join(work, 'production');
    expect(await demoSignInStatus(production, [])).toBe(401);
    expect(await query(production, sql`SELECT count(*)::int AS n FROM users`)).toEqual([{ n: 0 }]);
  }, MIGRATING_RUNS_TIMEOUT);
});
