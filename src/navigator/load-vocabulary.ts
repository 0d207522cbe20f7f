/** Loads the shipped concept vocabulary; the catalogue check has validated it against the catalogue. */
import { DEFAULT_CATALOGUE_DIR, readYamlFile, vocabularyFileFor } from '../catalogue/files.js';
import type { Concept, ConceptVocabulary } from '../catalogue/concept-schema.js';
import { validateVocabulary } from '../catalogue/vocabulary.js';

export class VocabularyInvalidError extends Error {}

export async function loadShippedVocabulary(file = vocabularyFileFor(DEFAULT_CATALOGUE_DIR)): Promise<Concept[]> {
  const read = await readYamlFile(file);
  if (!read) return [];
  // Targets are checked by `catalogue check`; here only the shape matters (unknown targets never match).
  const problems = [...read.problems, ...validateVocabulary(file, read.document, [])].filter((p) => !p.message.startsWith('no programme or priority'));
  if (problems.length > 0) throw new VocabularyInvalidError(problems.map((p) => `${p.file}: ${p.path}: ${p.message}`).join('\n'));
  return (read.document as ConceptVocabulary).concepts;
}
