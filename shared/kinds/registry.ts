import { BENEFICIARIES_KIND } from './beneficiaries/index.ts';
import { HOUSEHOLDS_KIND } from './households/index.ts';
import { PROGRESS_KIND } from './progress/index.ts';
import { SUMMARY_KIND } from './summary/index.ts';

/**
 * Every sheet kind, one line each, in the order they are shown, stored and merged. A new kind is a
 * folder beside these (see shared/kinds/kind.ts) and its line here. The tests' registry
 * (tests/kinds/registry.ts) is this list and a fixture kind.
 */
export const KIND_REGISTRY = [
  HOUSEHOLDS_KIND,
  BENEFICIARIES_KIND,
  PROGRESS_KIND,
  SUMMARY_KIND,
] as const;
