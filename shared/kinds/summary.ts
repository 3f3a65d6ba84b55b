/** The summary forms' fields: kept at this path for the rules that import it (shared/rules/summary.ts). */
export * from './summary/fields.ts';
