/** Kinds of organisation and where each may sit in the tree (pure rules). */
export const ORGANISATION_TYPES = ['county', 'regional-council', 'municipality', 'unit', 'secretariat', 'external'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/**
 * Allowed parents of each kind; `null` means "may be a top-level tenant". A county (or Swedish region)
 * holds regional councils and municipalities; a unit (school, kindergarten, technical services) sits in
 * any public body or in another unit; outside organisations (universities, NGOs, businesses, foreign
 * partners) stand on their own.
 */
const ALLOWED_PARENTS: Record<OrganisationType, ReadonlyArray<OrganisationType | null>> = {
  county: [null],
  'regional-council': [null, 'county'],
  municipality: [null, 'county', 'regional-council'],
  unit: ['county', 'regional-council', 'municipality', 'unit', 'secretariat', 'external'],
  secretariat: [null, 'county'],
  external: [null, 'external'],
};

export function mayBeChildOf(kind: OrganisationType, parentKind: OrganisationType | null): boolean {
  return ALLOWED_PARENTS[kind].includes(parentKind);
}

export function allowedParents(kind: OrganisationType): ReadonlyArray<OrganisationType | null> {
  return ALLOWED_PARENTS[kind];
}

/** The materialised path of a new organisation below `parentPath` (or at the top). */
export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}
