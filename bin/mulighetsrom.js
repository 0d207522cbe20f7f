#!/usr/bin/env node
// Runs the compiled CLI; `npm run build` (part of `npm start` and `npm test`) produces it.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/server/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('Mulighetsrom is not built yet: run `npm run build` first.');
  process.exit(2);
}
await import(entry.href);
