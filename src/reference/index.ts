// PLACEHOLDER written by the lead while the reference tables are compiled (helper task). The real
// module must keep exporting these four functions (used by src/catalogue/validate.ts) with real lookups.
export const isKnownNuts = (code: string): boolean => /^[A-Z]{2}[0-9A-Z]{0,3}$/.test(code);
export const isKnownNorwegianCounty = (code: string): boolean => /^[0-9]{2}$/.test(code);
export const isKnownNorwegianMunicipality = (code: string): boolean => /^[0-9]{4}$/.test(code);
export const isKnownSwedishCounty = (code: string): boolean => /^[0-9]{2}$/.test(code);
