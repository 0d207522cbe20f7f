/** The command line as a user runs it: the built `bin/mulighetsrom.js` in a child process. */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE_DIR } from '../../src/catalogue/files.js';

const BIN = fileURLToPath(new URL('../../bin/mulighetsrom.js', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'mulighetsrom-cli-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('mulighetsrom catalogue check', () => {
  it('passes the shipped catalogue and reports its size', async () => {
    const result = await run(['catalogue', 'check']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Catalogue OK: \d+ programmes, \d+ priorities, \d+ sources, \d+ concepts\./);
  });

  it('names file and path of every problem and exits 1', async () => {
    const dir = path.join(work, 'broken');
    await cp(DEFAULT_CATALOGUE_DIR, dir, { recursive: true });
    const file = path.join(dir, 'erasmus-plus.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^status: .*$/m, 'status: sometimes'));
    await writeFile(path.join(dir, 'bad-yaml.yaml'), 'id: bad-yaml\nname: [unclosed\n');
    const result = await run(['catalogue', 'check', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}: /status: must be one of "active", "forthcoming", "closed"`);
    expect(result.stderr).toMatch(/bad-yaml\.yaml: line \d+, column \d+: /);
  });
});

describe('mulighetsrom with an unreachable DATABASE_URL', () => {
  it('says so plainly and exits 3, without a stack trace', async () => {
    const result = await run(['migrate'], { DATABASE_URL: 'postgres://someone:secret@127.0.0.1:1/nowhere' });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('Cannot connect to PostgreSQL at postgres://someone@127.0.0.1:1/nowhere');
    expect(result.stderr).not.toContain('secret');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('mulighetsrom serve', () => {
  it('creates the data directory, serves, reuses the data on a second start and stops on SIGTERM', async () => {
    const dataDir = path.join(work, 'data');
    for (const start of ['first', 'second']) {
      const child = spawn(process.execPath, [BIN, 'serve'], { env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const address = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${start} start printed no address: ${output}`)), 60_000);
        child.stdout.on('data', () => {
          const match = /running at (http:\/\/\S+)/.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      const page = await fetch(`${address}/programmes`);
      expect(page.status, output).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const api = await fetch(`${address}/api/programmes?q=erasmus`);
      expect((await api.json()).items[0].id, output).toBe('erasmus-plus');
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      child.kill('SIGTERM');
      expect(await exited, output).toBe(0);
      expect(output).toContain('SIGTERM received, shutting down');
    }
  });
});
