/** Validation of the concept vocabulary against its schema and the catalogue. Pure. */
import type { Programme } from './schema.js';
import type { CatalogueProblem } from './validate.js';
import { ConceptVocabulary } from './concept-schema.js';
import { validatorOnFirstUse } from '../platform/validator-on-first-use.js';
import type { ConceptVocabulary as Vocabulary } from './concept-schema.js';

const vocabularySchema = validatorOnFirstUse<Vocabulary>(ConceptVocabulary, { strict: true });

export function validateVocabulary(file: string, document: unknown, programmes: readonly Programme[]): CatalogueProblem[] {
  const validateSchema = vocabularySchema();
  if (!validateSchema(document)) {
    return (validateSchema.errors ?? []).map((error) => ({ file, path: error.instancePath || '/', message: error.message ?? error.keyword }));
  }
  const problems: CatalogueProblem[] = [];
  const known = new Set(programmes.flatMap((programme) => [programme.id, ...programme.priorities.map((priority) => `${programme.id}/${priority.code}`)]));
  const ids = new Set<string>();
  document.concepts.forEach((concept, i) => {
    if (ids.has(concept.id)) problems.push({ file, path: `/concepts/${i}/id`, message: `concept id "${concept.id}" is used twice` });
    ids.add(concept.id);
    concept.targets.forEach((target, j) => {
      if (!known.has(target)) problems.push({ file, path: `/concepts/${i}/targets/${j}`, message: `no programme or priority "${target}" in the catalogue` });
    });
  });
  return problems;
}
