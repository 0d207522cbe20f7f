/** Every table of the product, gathered for Drizzle (queries and `drizzle-kit generate`). */
export * from '../../catalogue/tables.js';
export * from '../../calls/tables.js';
