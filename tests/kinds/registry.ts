import { KIND_REGISTRY as PRODUCT_KINDS } from '../../shared/kinds/registry.ts';
import { TRAININGS_KIND } from './fixture-kind/index.ts';

/**
 * The tests' registry: the product's kinds and the test kinds (tests/kinds/<kind>/), one line each.
 * The "kinds" projects of vitest.config.ts give it to every module that imports
 * shared/kinds/registry.ts (this file aside), and apply the test kinds' migrations.
 */
export const KIND_REGISTRY = [
  ...PRODUCT_KINDS,
  TRAININGS_KIND,
] as const;
