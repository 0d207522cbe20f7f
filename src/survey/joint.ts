/**
 * Joint-application candidates (pure): "samarbeid gir styrke" — units of the same sector in two or more
 * municipalities that named the same area of cooperation could apply together. A candidate's key
 * (`sector~area`) is stable for as long as the answers hold it, so it can name the candidate in a URL.
 */

export interface UnitInterest {
  inviteeId: string;
  name: string;
  municipality: string | null;
  sector: string | null;
  /** Cooperation area keys the unit chose. */
  areas: readonly string[];
}

export interface JointCandidate {
  key: string;
  sector: string;
  area: string;
  /** Kommunenummer, sorted. */
  municipalities: string[];
  /** The units, by municipality then name. */
  units: Array<{ inviteeId: string; name: string; municipality: string }>;
}

const KEY_SEPARATOR = '~';

export function jointCandidateKey(sector: string, area: string): string {
  return `${sector}${KEY_SEPARATOR}${area}`;
}

export function parseJointCandidateKey(key: string): { sector: string; area: string } | null {
  const parts = key.split(KEY_SEPARATOR);
  return parts.length === 2 && parts[0] !== '' && parts[1] !== '' ? { sector: parts[0]!, area: parts[1]! } : null;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every (sector, area) that units in at least `minMunicipalities` different municipalities share.
 * Units without a municipality or sector cannot be placed and take no part. Most municipalities first,
 * then most units, then by key.
 */
export function jointCandidates(units: readonly UnitInterest[], minMunicipalities = 2): JointCandidate[] {
  const byKey = new Map<string, { sector: string; area: string; units: JointCandidate['units'] }>();
  for (const unit of units) {
    if (unit.municipality === null || unit.sector === null) continue;
    for (const area of new Set(unit.areas)) {
      const key = jointCandidateKey(unit.sector, area);
      let candidate = byKey.get(key);
      if (!candidate) byKey.set(key, (candidate = { sector: unit.sector, area, units: [] }));
      candidate.units.push({ inviteeId: unit.inviteeId, name: unit.name, municipality: unit.municipality });
    }
  }
  const candidates: JointCandidate[] = [];
  for (const [key, candidate] of byKey) {
    const municipalities = [...new Set(candidate.units.map((unit) => unit.municipality))].sort(compare);
    if (municipalities.length < minMunicipalities) continue;
    const sortedUnits = [...candidate.units].sort((a, b) => compare(a.municipality, b.municipality) || a.name.localeCompare(b.name, 'nb') || compare(a.inviteeId, b.inviteeId));
    candidates.push({ key, sector: candidate.sector, area: candidate.area, municipalities, units: sortedUnits });
  }
  return candidates.sort((a, b) => b.municipalities.length - a.municipalities.length || b.units.length - a.units.length || compare(a.key, b.key));
}
