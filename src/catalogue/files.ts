/** Reads catalogue YAML files from disk; parse errors become problems with their line. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectPath } from '../platform/paths.js';
import { loadOnce } from '../platform/kept-load.js';
import type { CatalogueFile, CatalogueProblem } from './validate.js';

/** The catalogue shipped with the product. */
export const DEFAULT_CATALOGUE_DIR = projectPath('catalogue', 'programmes');

export interface ReadCatalogue {
  files: CatalogueFile[];
  problems: CatalogueProblem[];
}

/** The concept vocabulary lives beside the programme folder: `catalogue/concepts.yaml`. */
export const vocabularyFileFor = (programmesDir: string) => path.join(programmesDir, '..', 'concepts.yaml');

/** The YAML parser, loaded when a file is first read: a start with an unchanged catalogue reads none. */
const yaml = loadOnce(async () => (await import('yaml')).default);

async function parseYaml(file: string, text: string): Promise<{ document?: unknown; problems: CatalogueProblem[] }> {
  const parsed = (await yaml()).parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (parsed.errors.length === 0) return { document: parsed.toJS(), problems: [] };
  return {
    problems: parsed.errors.map((error) => {
      const line = error.linePos?.[0];
      return { file, path: line ? `line ${line.line}, column ${line.col}` : '/', message: error.message.split('\n')[0] ?? error.code };
    }),
  };
}

/** Reads one YAML file; `undefined` when it does not exist. */
export async function readYamlFile(file: string): Promise<{ document?: unknown; problems: CatalogueProblem[] } | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return await parseYaml(file, text);
}

export async function readCatalogueDirectory(dir: string): Promise<ReadCatalogue> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch (error) {
    return { files: [], problems: [{ file: dir, path: '/', message: `cannot read the directory: ${(error as Error).message}` }] };
  }
  const files: CatalogueFile[] = [];
  const problems: CatalogueProblem[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const parsed = await parseYaml(file, await readFile(file, 'utf8'));
    problems.push(...parsed.problems);
    if (parsed.problems.length === 0) files.push({ file, document: parsed.document });
  }
  return { files, problems };
}

/**
 * A fingerprint of the catalogue sources (programme files and vocabulary) as they are on disk. Read
 * synchronously: it runs at start, when Node's thread pool waits behind V8 compiling PGlite in the
 * background (some 200 ms on two cores), while reading the files directly takes a few milliseconds.
 */
export function hashCatalogueSources(dir: string): string {
  const hash = createHash('sha256');
  const names = readdirOrNone(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
  for (const file of [...names.map((name) => path.join(dir, name)), vocabularyFileFor(dir)]) {
    hash.update(path.basename(file)).update('\0').update(readFileOrNone(file) ?? '(none)').update('\0');
  }
  return hash.digest('hex');
}

function readdirOrNone(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function readFileOrNone(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
