/**
 * The concept vocabulary (`catalogue/concepts.yaml`): words in nb, nn, sv and en that mean the same
 * thing, tied to the priorities (and sectors) they point to. The navigator explains a match by the
 * concepts it found in the idea.
 */
import { Type, type Static } from '@sinclair/typebox';
import { MUNICIPAL_SECTORS } from '../reference/codes.js';
import { stringEnum } from '../platform/string-enum.js';

const terms = Type.Array(Type.String({ minLength: 2, maxLength: 60 }), { minItems: 1, description: 'Words or phrases, lower case; a term matches the start of a word (skole → skolene) and, from 5 letters, inside compounds (skole → grunnskole)' });

export const Concept = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }),
    label: Type.Object({ nb: Type.String({ minLength: 1 }), nn: Type.String({ minLength: 1 }), sv: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) }, { additionalProperties: false }),
    terms: Type.Object({ nb: terms, nn: terms, sv: terms, en: terms }, { additionalProperties: false }),
    /** `programme-id/priority-code`, or `programme-id` for a programme as a whole. */
    targets: Type.Array(Type.String({ pattern: '^[a-z0-9-]+(/[A-Za-z0-9.-]+)?$' }), { minItems: 1, uniqueItems: true }),
    sectors: Type.Optional(Type.Array(stringEnum(MUNICIPAL_SECTORS), { uniqueItems: true })),
  },
  { additionalProperties: false },
);

export const ConceptVocabulary = Type.Object({ concepts: Type.Array(Concept, { minItems: 1 }) }, { additionalProperties: false });

export type Concept = Static<typeof Concept>;
export type ConceptVocabulary = Static<typeof ConceptVocabulary>;
