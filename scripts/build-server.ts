/**
 * `npm run build:server`: the server and CLI as a few bundled ES modules in dist/server (entry:
 * dist/server/main.js). One file to load instead of some 1 500 modules from node_modules cuts the start
 * by about 0.4 s (docs/BENCHMARKS.md, warm start). Type checking is `npm run typecheck`'s job.
 *
 * Left outside the bundle, loaded from node_modules as they are: packages that find their own files
 * next to their code (PGlite's WebAssembly and data, pdfkit's fonts, the API viewer's pages), native
 * addons, and the large ones only some requests need (loaded lazily anyway).
 */
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';
import { projectPath } from '../src/platform/paths.js';

const EXTERNAL = [
  '@electric-sql/pglite',
  '@node-rs/argon2',
  '@fastify/swagger-ui',
  'pdfkit',
  'exceljs',
  'nodemailer',
  'pg',
  'pg-native',
];

const outdir = projectPath('dist', 'server');
await rm(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: { main: projectPath('src', 'cli', 'main.ts') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  // Bundled CommonJS packages call require() for Node's own modules; an ES module has none of its own.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(`server bundled into ${outdir} (${Object.keys(result.metafile.outputs).filter((name) => name.endsWith('.js')).length} files, ${(bytes / 1e6).toFixed(1)} MB with source maps)`);
