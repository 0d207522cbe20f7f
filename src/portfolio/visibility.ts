/**
 * Who sees which initiatives (pure rules). People with `read` reaching the owning organisation see its
 * initiatives; a private one (an idea not yet shared) only people with `edit` reaching it. Roles reach
 * down the tree only, so a scope is the set of tree tops where a role grants the permission.
 */
import { isSelfOrAncestor, roleGrants, type MembershipAt } from '../organisations/roles.js';

export interface PortfolioScope {
  /** Paths of the organisations whose trees the person may read (none nested in another). */
  readPaths: string[];
  /** Paths of the trees where the person may edit, and so also see private initiatives. */
  editPaths: string[];
}

/** The smallest set of tree tops covering `paths`: a path below another adds nothing. */
function treeTops(paths: readonly string[]): string[] {
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length || a.localeCompare(b));
  const tops: string[] = [];
  for (const path of sorted) if (!tops.some((top) => isSelfOrAncestor(top, path))) tops.push(path);
  return tops.sort();
}

export function portfolioScope(memberships: readonly MembershipAt[]): PortfolioScope {
  return {
    readPaths: treeTops(memberships.filter((m) => roleGrants(m.role, 'read')).map((m) => m.organisationPath)),
    editPaths: treeTops(memberships.filter((m) => roleGrants(m.role, 'edit')).map((m) => m.organisationPath)),
  };
}

const reaches = (tops: readonly string[], path: string) => tops.some((top) => isSelfOrAncestor(top, path));

export function mayRead(scope: PortfolioScope, organisationPath: string, isPrivate: boolean): boolean {
  return reaches(scope.readPaths, organisationPath) && (!isPrivate || reaches(scope.editPaths, organisationPath));
}

export function mayEdit(scope: PortfolioScope, organisationPath: string): boolean {
  return reaches(scope.editPaths, organisationPath);
}

/** Whether the tree at `organisationPath` holds anything the scope may read: it lies in a readable tree, or a readable tree lies in it. */
export function overlapsScope(scope: PortfolioScope, organisationPath: string): boolean {
  return scope.readPaths.some((top) => isSelfOrAncestor(top, organisationPath) || isSelfOrAncestor(organisationPath, top));
}
