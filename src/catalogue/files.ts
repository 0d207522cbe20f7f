/** Reads catalogue YAML files from disk; parse errors become problems with their line. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import type { CatalogueFile, CatalogueProblem } from './validate.js';

/** The catalogue shipped with the product, relative to this module in both src/ and dist/server/. */
export const DEFAULT_CATALOGUE_DIR = fileURLToPath(new URL('../../' + (import.meta.url.includes('/dist/') ? '../' : '') + 'catalogue/programmes/', import.meta.url));

export interface ReadCatalogue {
  files: CatalogueFile[];
  problems: CatalogueProblem[];
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
    const text = await readFile(file, 'utf8');
    const parsed = YAML.parseDocument(text, { prettyErrors: true, uniqueKeys: true });
    if (parsed.errors.length > 0) {
      for (const error of parsed.errors) {
        const line = error.linePos?.[0];
        problems.push({ file, path: line ? `line ${line.line}, column ${line.col}` : '/', message: error.message.split('\n')[0] ?? error.code });
      }
      continue;
    }
    files.push({ file, document: parsed.toJS() });
  }
  return { files, problems };
}
