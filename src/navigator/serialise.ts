/**
 * The navigator's answer as JSON bytes, assembled from encoded parts. An answer lists every
 * programme-and-priority pair (hundreds of kilobytes), but most of it repeats: a programme's verdict,
 * rules, grant, guidance, deadline and cross-border questions are the same for each of its priorities,
 * and the guidance, questions and names are the same in every answer until the catalogue changes. Each
 * such part is turned into UTF-8 once — per answer, or once for all answers — and copied, instead of
 * serialising and encoding the whole answer as one string (which took most of a request's time): per
 * pair only the score and the `why` are new.
 *
 * The bytes are what the route's response schema describes (`MatchResponse`): the same properties in
 * the same order; a unit test checks them against the schema's own serialiser. Results are treated as
 * immutable: a part is encoded once per object.
 */
import type { MatchResult } from './match.js';

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const json = JSON.stringify;

/**
 * Encoded arrays by identity: answers share the guidance and question arrays of the catalogue
 * snapshot (see `presented` in match.ts), so these are encoded once while it lives.
 */
const encodedParts = new WeakMap<object, Buffer>();
function encodedPart(value: object, toJson: () => string): Buffer {
  let bytes = encodedParts.get(value);
  if (bytes === undefined) encodedParts.set(value, (bytes = utf8(toJson())));
  return bytes;
}

/**
 * Encoded starts of entries, from `{"programmeId"` to `"score":`: the same in every answer for a
 * pair and language. Found by programme name and priority code, then compared field by field.
 */
interface Head {
  result: Pick<MatchResult, 'programmeId' | 'programmeName' | 'priorityCode' | 'priorityName' | 'policyObjective' | 'specificObjective'>;
  bytes: Buffer;
}
const HEADS_MAX = 20_000;
const heads = new Map<string, Map<string | null, Head>>();
let headCount = 0;
const sameHead = (a: Head['result'], b: Head['result']) =>
  a.programmeId === b.programmeId && a.programmeName === b.programmeName && a.priorityCode === b.priorityCode && a.priorityName === b.priorityName && a.policyObjective === b.policyObjective && a.specificObjective === b.specificObjective;
function encodedHead(result: MatchResult): Buffer {
  let byCode = heads.get(result.programmeName);
  const found = byCode?.get(result.priorityCode);
  if (found && sameHead(found.result, result)) return found.bytes;
  if (headCount >= HEADS_MAX) {
    heads.clear();
    headCount = 0;
    byCode = undefined;
  }
  const head: Head = {
    result: { programmeId: result.programmeId, programmeName: result.programmeName, priorityCode: result.priorityCode, priorityName: result.priorityName, policyObjective: result.policyObjective, specificObjective: result.specificObjective },
    bytes: utf8(
      `{"programmeId":${json(result.programmeId)},"programmeName":${json(result.programmeName)},"priorityCode":${json(result.priorityCode)},"priorityName":${json(result.priorityName)},"policyObjective":${json(result.policyObjective)},"specificObjective":${json(result.specificObjective)},"score":`,
    ),
  };
  if (byCode === undefined) heads.set(result.programmeName, (byCode = new Map()));
  if (!byCode.has(result.priorityCode)) headCount++;
  byCode.set(result.priorityCode, head);
  return head.bytes;
}

/** Encoded rules by their content: the same reasons recur in answer after answer (bounded; emptied when full). */
const RULES_MAX = 50_000;
const ruleBytes = new Map<string, Buffer>();
function encodedRule(rule: MatchResult['rules'][number]): Buffer {
  const key = `${rule.id}\u0000${rule.outcome}\u0000${rule.reason}`;
  let bytes = ruleBytes.get(key);
  if (bytes === undefined) {
    if (ruleBytes.size >= RULES_MAX) ruleBytes.clear();
    ruleBytes.set(key, (bytes = utf8(json({ id: rule.id, outcome: rule.outcome, reason: rule.reason }))));
  }
  return bytes;
}
const money = (value: { nok: number; eur: number }) => ({ nok: value.nok, eur: value.eur });
const grantJson = (grant: NonNullable<MatchResult['grant']>) =>
  json({
    budget: money(grant.budget),
    ratePercent: { min: grant.ratePercent.min, max: grant.ratePercent.max },
    grant: grant.grant && money(grant.grant),
    ownShare: grant.ownShare && money(grant.ownShare),
    cappedAtMaximum: grant.cappedAtMaximum,
    exchangeRate: { eurNok: grant.exchangeRate.eurNok, date: grant.exchangeRate.date, source: grant.exchangeRate.source, mustBeChecked: grant.exchangeRate.mustBeChecked },
  });
const guidanceJson = (guidance: MatchResult['guidance']) => json(guidance.map((body) => ({ name: body.name, role: body.role, url: body.url })));
const whyJson = (why: MatchResult['why']) =>
  `{"concepts":${why.concepts.length === 0 ? '[]' : json(why.concepts.map((concept) => ({ id: concept.id, label: concept.label, term: concept.term })))},"sectorMatch":${json(why.sectorMatch)},"textShare":${json(why.textShare)}}`;

const OPEN = utf8('{"results":[');
const VERDICT_RULES: Record<MatchResult['verdict'], Buffer> = {
  eligible: utf8(',"verdict":"eligible","rules":['),
  check: utf8(',"verdict":"check","rules":['),
  ineligible: utf8(',"verdict":"ineligible","rules":['),
};
const COMMA = utf8(',');
const CLOSE = utf8(']}');

/**
 * `,"verdict":…,"rules":[…],"grant":…,"guidance":[…],"nextDeadline":…,"why":` — the same for every
 * priority of a programme in one answer: encoded once per programme per answer (found by its rules
 * array, checked against the other parts), from rules and guidance encoded once for all answers.
 */
interface Middle {
  verdict: MatchResult['verdict'];
  grant: MatchResult['grant'];
  guidance: MatchResult['guidance'];
  nextDeadline: MatchResult['nextDeadline'];
  bytes: Buffer;
}
function middlePart(result: MatchResult, middles: Map<object, Middle>): Buffer {
  const found = middles.get(result.rules);
  if (found && found.verdict === result.verdict && found.grant === result.grant && found.guidance === result.guidance && found.nextDeadline === result.nextDeadline) return found.bytes;
  const parts = [VERDICT_RULES[result.verdict]];
  result.rules.forEach((rule, index) => {
    if (index > 0) parts.push(COMMA);
    parts.push(encodedRule(rule));
  });
  parts.push(utf8(`],"grant":${result.grant === null ? 'null' : grantJson(result.grant)},"guidance":`), encodedPart(result.guidance, () => guidanceJson(result.guidance)), utf8(`,"nextDeadline":${json(result.nextDeadline)},"why":`));
  const bytes = Buffer.concat(parts);
  middles.set(result.rules, { verdict: result.verdict, grant: result.grant, guidance: result.guidance, nextDeadline: result.nextDeadline, bytes });
  return bytes;
}
/** `,"crossBorderQuestions":[…]}` */
const questionsPart = (result: MatchResult) => encodedPart(result.crossBorderQuestions, () => `,"crossBorderQuestions":${json(result.crossBorderQuestions)}}`);

/** Appends to one buffer; grows by doubling. */
class ByteWriter {
  private buffer: Buffer;
  private length = 0;
  constructor(capacity: number) {
    this.buffer = Buffer.allocUnsafe(capacity);
  }
  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
  bytes(part: Buffer): void {
    this.reserve(part.length);
    this.buffer.set(part, this.length);
    this.length += part.length;
  }
  text(part: string): void {
    this.reserve(part.length * 3); // UTF-8 needs at most 3 bytes per UTF-16 code unit
    this.length += this.buffer.write(part, this.length, 'utf8');
  }
  result(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

/** The largest answer so far: the next one is likely of about that size (every pair, every time). */
let sizeHint = 64 * 1024;

/** `{"results":[…]}` as UTF-8. */
export function serialiseMatchResponse(results: readonly MatchResult[]): Buffer {
  const out = new ByteWriter(sizeHint);
  const middles = new Map<object, Middle>();
  out.bytes(OPEN);
  for (let index = 0; index < results.length; index++) {
    const result = results[index]!;
    if (index > 0) out.bytes(COMMA);
    out.bytes(encodedHead(result));
    out.text(json(result.score));
    out.bytes(middlePart(result, middles));
    out.text(whyJson(result.why));
    out.bytes(questionsPart(result));
  }
  out.bytes(CLOSE);
  const body = out.result();
  sizeHint = Math.max(sizeHint, body.length);
  return body;
}
