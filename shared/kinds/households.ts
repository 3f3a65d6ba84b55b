/** The household list's fields: kept at this path for the rules that import it (shared/rules/households.ts). */
export * from './households/fields.ts';
