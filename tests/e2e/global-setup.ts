import { buildPages } from './harness.ts';

/** Once per `vitest run --project e2e`: the pages the Worker serves, built fresh from the sources. */
export default async function buildPagesOnce(): Promise<void> {
  await buildPages();
}
