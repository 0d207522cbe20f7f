/** The organisations a signed-in person sees, as choices in the portfolio's selects (pure). */
import type { OrganisationDetails } from '../admin/types.js';

export interface OrganisationChoice {
  id: string;
  name: string;
  /** Depth in what the person sees, for indenting the choice. */
  depth: number;
  mayEdit: boolean;
}

/** The organisations the signed-in person sees, in tree order, with whether they may register initiatives there. */
export function organisationChoices(items: readonly OrganisationDetails[]): OrganisationChoice[] {
  const byId = new Map(items.map((o) => [o.id, o]));
  const depth = (organisation: OrganisationDetails): number => {
    let level = 0;
    for (let parent = organisation.parentId && byId.get(organisation.parentId); parent; parent = parent.parentId ? byId.get(parent.parentId) : undefined) level += 1;
    return level;
  };
  return items.filter((o) => o.permissions.includes('read')).map((o) => ({ id: o.id, name: o.name, depth: depth(o), mayEdit: o.permissions.includes('edit') }));
}
