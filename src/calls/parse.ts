/**
 * Calls (utlysninger) from the EU Funding & Tenders Portal's topic export, one JSON object a line.
 * Pure: turns a line into a call of ours, or a problem naming the line.
 */
export interface Call {
  id: string;
  source: string;
  programmeId: string | null;
  programmeName: string;
  title: string;
  callIdentifier: string | null;
  deadline: string | null;
  status: 'open' | 'forthcoming' | 'closed';
  url: string | null;
  budgetMinEur: number | null;
  budgetMaxEur: number | null;
}

export const EU_PORTAL_SOURCE = 'eu-funding-tenders';

/** The portal's programme names for the catalogue's programmes. */
const PROGRAMME_IDS: Record<string, string> = {
  'Horizon Europe': 'horizon-europe',
  'Digital Europe': 'digital-europe',
  'Erasmus+': 'erasmus-plus',
  'Creative Europe': 'creative-europe',
};

// Windows-1252 code points for bytes 0x80–0x9F, to undo UTF-8 text that was decoded as cp1252.
const CP1252: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e,
  '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};
const MOJIBAKE = /[\u00c2-\u00f4][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]{1,3}/g;

/** "beneficiariesâ€™" → "beneficiaries’": repairs only sequences that decode as valid UTF-8. */
export function repairMojibake(text: string): string {
  return text.replace(MOJIBAKE, (sequence) => {
    const bytes = [...sequence].map((char) => CP1252[char] ?? char.charCodeAt(0));
    if (bytes.some((byte) => byte > 0xff)) return sequence;
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
    } catch {
      return sequence;
    }
  });
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseEuPortalLine(line: string): { call: Call } | { problem: string } {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return { problem: 'not valid JSON' };
  }
  const text = (key: string) => (typeof raw[key] === 'string' && raw[key] !== '' ? repairMojibake(raw[key] as string) : null);
  const number = (key: string) => (typeof raw[key] === 'number' && Number.isFinite(raw[key]) ? (raw[key] as number) : null);
  const id = text('topicId');
  const title = text('title');
  const programmeName = text('programme');
  if (!id) return { problem: 'missing topicId' };
  if (!title) return { problem: 'missing title' };
  if (!programmeName) return { problem: 'missing programme' };
  const status = text('callStatus');
  if (status !== 'open' && status !== 'forthcoming' && status !== 'closed') return { problem: `unknown callStatus "${status}"` };
  const deadline = text('deadline');
  const url = text('portalUrl');
  return {
    call: {
      id,
      source: EU_PORTAL_SOURCE,
      programmeId: PROGRAMME_IDS[programmeName] ?? null,
      programmeName,
      title,
      callIdentifier: text('callIdentifier'),
      deadline: deadline && DATE.test(deadline) ? deadline : null,
      status,
      url: url && /^https?:\/\//.test(url) ? url : null,
      budgetMinEur: number('budgetMin'),
      budgetMaxEur: number('budgetMax'),
    },
  };
}
