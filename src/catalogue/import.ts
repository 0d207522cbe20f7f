/** Validate a catalogue directory, then load it; nothing is written when any file has a problem. */
import type { Db } from '../platform/db/client.js';
import { readCatalogueDirectory } from './files.js';
import { replaceCatalogue, type ImportReport } from './repository.js';
import { validateCatalogue, type CatalogueProblem } from './validate.js';

export type CatalogueImportResult = { ok: true; report: ImportReport } | { ok: false; problems: CatalogueProblem[] };

export async function checkCatalogue(dir: string) {
  const read = await readCatalogueDirectory(dir);
  const validation = validateCatalogue(read.files);
  return { programmes: validation.programmes, problems: [...read.problems, ...validation.problems] };
}

export async function importCatalogue(db: Db, dir: string): Promise<CatalogueImportResult> {
  const { programmes, problems } = await checkCatalogue(dir);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, report: await replaceCatalogue(db, programmes) };
}

export function formatProblem(problem: CatalogueProblem): string {
  return `${problem.file}: ${problem.path}: ${problem.message}`;
}
