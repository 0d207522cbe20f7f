/**
 * The organisation tree from the API's flat list (pure). An organisation whose parent is not in the list
 * (the person's role starts below the top) is shown as a root. Siblings come in the order of the
 * hierarchy (counties, regional councils, municipalities, units, …), then by name.
 */
import { ORGANISATION_TYPES, mayBeChildOf, type OrganisationType } from '../../../src/organisations/kinds.js';
import type { OrganisationDetails } from './types.js';

export interface TreeNode {
  organisation: OrganisationDetails;
  children: TreeNode[];
  /** How many organisations lie below this one, at any depth. */
  descendantCount: number;
}

export function buildTree(items: readonly OrganisationDetails[], collator = new Intl.Collator('nb')): TreeNode[] {
  const nodes = new Map(items.map((organisation) => [organisation.id, { organisation, children: [] as TreeNode[], descendantCount: 0 }]));
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.organisation.parentId === null ? undefined : nodes.get(node.organisation.parentId);
    (parent ? parent.children : roots).push(node);
  }
  const order = (a: TreeNode, b: TreeNode) =>
    ORGANISATION_TYPES.indexOf(a.organisation.kind) - ORGANISATION_TYPES.indexOf(b.organisation.kind) || collator.compare(a.organisation.name, b.organisation.name);
  const finish = (node: TreeNode): number => {
    node.children.sort(order);
    node.descendantCount = node.children.reduce((sum, child) => sum + 1 + finish(child), 0);
    return node.descendantCount;
  };
  roots.sort(order).forEach(finish);
  return roots;
}

/** Whether an organisation's name or organisation number contains the search text. */
export function matchesSearch(organisation: OrganisationDetails, search: string): boolean {
  const words = search.trim().toLocaleLowerCase();
  if (words === '') return true;
  const digits = words.replace(/\s/g, '');
  return organisation.name.toLocaleLowerCase().includes(words) || (/^\d+$/.test(digits) && (organisation.orgNumber ?? '').includes(digits));
}

export interface FilteredTree {
  roots: TreeNode[];
  /** Organisations that match the search. */
  matchCount: number;
  /** Organisations to open so that every match shows: the ancestors of each match. */
  open: Set<string>;
}

/**
 * The tree cut down to the matches and the way to them. A match keeps everything below it, so searching
 * for a municipality still lets one open its units.
 */
export function filterTree(roots: readonly TreeNode[], search: string): FilteredTree {
  const open = new Set<string>();
  let matchCount = 0;
  const visit = (node: TreeNode): TreeNode | null => {
    const selfMatches = matchesSearch(node.organisation, search);
    if (selfMatches) matchCount += 1;
    const children = node.children.map(visit).filter((child): child is TreeNode => child !== null);
    if (children.length > 0) open.add(node.organisation.id);
    if (selfMatches) return node;
    return children.length > 0 ? { ...node, children } : null;
  };
  return { roots: roots.map(visit).filter((node): node is TreeNode => node !== null), matchCount, open };
}

/** The organisation and all below it, e.g. the places it cannot be moved into. */
export function subtreeIds(items: readonly OrganisationDetails[], id: string): Set<string> {
  const ids = new Set([id]);
  // A Set iterates over what is added during the loop, so this walks down level by level.
  for (const current of ids) for (const item of items) if (item.parentId === current) ids.add(item.id);
  return ids;
}

/** The chain from the top of the visible tree down to the organisation's parent, for breadcrumbs. */
export function ancestorsOf(items: readonly OrganisationDetails[], id: string): OrganisationDetails[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const chain: OrganisationDetails[] = [];
  for (let current = byId.get(id); current?.parentId && byId.has(current.parentId); ) {
    current = byId.get(current.parentId)!;
    chain.unshift(current);
  }
  return chain;
}

export interface Placement {
  organisation: OrganisationDetails;
  /** Level in the visible tree (0 at the top), to indent the choice. */
  depth: number;
}

/**
 * Where the person may place an organisation: below those they manage organisations in, in tree order.
 * With `kind`, only parents that kind may sit under; `excluding` leaves out e.g. the organisation being
 * moved and everything below it.
 */
export function placements(roots: readonly TreeNode[], kind: OrganisationType | null, excluding: ReadonlySet<string> = new Set()): Placement[] {
  const result: Placement[] = [];
  const visit = (node: TreeNode, depth: number) => {
    const { organisation } = node;
    if (excluding.has(organisation.id)) return;
    if (organisation.permissions.includes('manage-organisations') && (kind === null || mayBeChildOf(kind, organisation.kind))) result.push({ organisation, depth });
    for (const child of node.children) visit(child, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  return result;
}
