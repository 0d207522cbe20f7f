/**
 * Norwegian organisation numbers (organisasjonsnummer): nine digits, the last a modulus-11 check digit
 * over the first eight with the weights 3 2 7 6 5 4 3 2 (Brønnøysundregistrene's rule). Pure.
 *
 * People write them in many ways: "974 760 673", "974.760.673", "NO 974760673 MVA" (the VAT form).
 * `checkOrgNumber` accepts all of these and says what is wrong when the result is not a number.
 */

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

export type OrgNumberProblem =
  /** After removing spaces, separators, "NO" and "MVA" there are not exactly nine digits. */
  | 'not-nine-digits'
  /** Nine digits, but the last is not the check digit of the first eight (a typing error). */
  | 'check-digit';

export type OrgNumberCheck =
  | { ok: true; number: string }
  | { ok: false; problem: 'not-nine-digits'; normalised: string }
  /** `expectedCheckDigit` is null when no ninth digit can complete the first eight (remainder 1). */
  | { ok: false; problem: 'check-digit'; normalised: string; expectedCheckDigit: number | null };

/**
 * The input without what people put around the digits: whitespace (also non-breaking), dots, hyphens,
 * a leading country prefix "NO" and a trailing "MVA". Anything else stays, so "97476O673" stays wrong.
 */
export function normaliseOrgNumber(input: string): string {
  return input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s.\-\u00a0\u202f]/g, '')
    .replace(/^NO(?=\d)/, '')
    .replace(/(?<=\d)MVA$/, '');
}

/** The check digit of eight digits, or null when the remainder is 1 (no valid number starts so). */
export function orgNumberCheckDigit(firstEight: string): number | null {
  if (!/^\d{8}$/.test(firstEight)) throw new RangeError(`expected eight digits, got "${firstEight}"`);
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(firstEight[i]), 0);
  const remainder = sum % 11;
  if (remainder === 0) return 0;
  if (remainder === 1) return null;
  return 11 - remainder;
}

/** Normalise and validate: nine digits with a correct check digit, or the problem. */
export function checkOrgNumber(input: string): OrgNumberCheck {
  const normalised = normaliseOrgNumber(input);
  if (!/^\d{9}$/.test(normalised)) return { ok: false, problem: 'not-nine-digits', normalised };
  const expectedCheckDigit = orgNumberCheckDigit(normalised.slice(0, 8));
  if (expectedCheckDigit === null || expectedCheckDigit !== Number(normalised[8])) {
    return { ok: false, problem: 'check-digit', normalised, expectedCheckDigit };
  }
  return { ok: true, number: normalised };
}

export function isValidOrgNumber(input: string): boolean {
  return checkOrgNumber(input).ok;
}

/** "974760673" → "974 760 673", the way Brønnøysundregistrene prints it. */
export function formatOrgNumber(number: string): string {
  return /^\d{9}$/.test(number) ? `${number.slice(0, 3)} ${number.slice(3, 6)} ${number.slice(6)}` : number;
}
