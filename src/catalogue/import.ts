/** Validate a catalogue directory, then load it; nothing is written when any file has a problem. */
import type { Db } from '../platform/db/client.js';
import { createHash } from 'node:crypto';
import { hashCatalogueSources, readCatalogueDirectory, readYamlFile, vocabularyFileFor } from './files.js';
import { validateVocabulary } from './vocabulary.js';
import type { ConceptVocabulary } from './concept-schema.js';
import { DERIVED_DATA_VERSION, lastImportedSourceHash, replaceCatalogue, type ImportReport } from './repository.js';
import { validateCatalogue, type CatalogueProblem } from './validate.js';

export type CatalogueImportResult = { ok: true; report: ImportReport } | { ok: true; unchangedSinceLastImport: true } | { ok: false; problems: CatalogueProblem[] };

export interface ImportOptions {
  /** Who imports, for the audit trail. */
  actor: string;
  /** Skip validation and loading when the files are byte-for-byte those of the last import (start-up). */
  skipIfUnchanged?: boolean;
}

/** Validates the programme files in `dir` and, where it exists, the concept vocabulary beside them. */
export async function checkCatalogue(dir: string) {
  const read = await readCatalogueDirectory(dir);
  const validation = validateCatalogue(read.files);
  const problems = [...read.problems, ...validation.problems];
  const vocabularyFile = vocabularyFileFor(dir);
  const vocabulary = await readYamlFile(vocabularyFile);
  let concepts = 0;
  if (vocabulary) {
    problems.push(...vocabulary.problems);
    if (vocabulary.problems.length === 0) {
      const vocabularyProblems = validateVocabulary(vocabularyFile, vocabulary.document, validation.programmes);
      problems.push(...vocabularyProblems);
      if (vocabularyProblems.length === 0) concepts = (vocabulary.document as ConceptVocabulary).concepts.length;
    }
  }
  return { programmes: validation.programmes, concepts, problems };
}

export async function importCatalogue(db: Db, dir: string, options: ImportOptions): Promise<CatalogueImportResult> {
  const sourceHash = createHash('sha256').update(DERIVED_DATA_VERSION).update(hashCatalogueSources(dir)).digest('hex');
  if (options.skipIfUnchanged && (await lastImportedSourceHash(db)) === sourceHash) return { ok: true, unchangedSinceLastImport: true };
  const { programmes, problems } = await checkCatalogue(dir);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, report: await replaceCatalogue(db, programmes, { actor: options.actor, sourceHash }) };
}

export function formatProblem(problem: CatalogueProblem): string {
  return `${problem.file}: ${problem.path}: ${problem.message}`;
}
