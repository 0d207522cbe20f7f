import { Tag } from '@digdir/designsystemet-react';
import { useAdminNames } from './names.js';
import type { OrganisationDetails } from './types.js';

/** Kinds get their own tag colour as an extra cue; the kind's name is always written out. */
const KIND_COLOURS: Record<OrganisationDetails['kind'], 'brand1' | 'brand2' | 'brand3' | 'neutral' | 'info'> = {
  county: 'brand1',
  'regional-council': 'brand2',
  municipality: 'brand3',
  unit: 'neutral',
  secretariat: 'info',
  external: 'neutral',
};

export function KindTag({ kind }: { kind: OrganisationDetails['kind'] }) {
  const names = useAdminNames();
  return (
    <Tag data-color={KIND_COLOURS[kind]} data-size="sm">
      {names.kind(kind)}
    </Tag>
  );
}
