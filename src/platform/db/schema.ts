/** Every table of the product, gathered for Drizzle (queries and `drizzle-kit generate`). */
export * from '../../catalogue/tables.js';
export * from '../../calls/tables.js';
export * from '../../organisations/tables.js';
export * from '../../accounts/tables.js';
export * from '../audit/tables.js';
export * from '../../portfolio/tables.js';
export * from '../../survey/tables.js';
