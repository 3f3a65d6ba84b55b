import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BINDINGS_FILE, readConfiguration, workerBindings } from '../../scripts/worker-bindings.ts';

/**
 * types/worker-bindings.d.ts is generated from worker-configuration.d.ts (`wrangler types`) by
 * scripts/worker-bindings.ts (`prepare`, `npm run types:bindings`) for the client programs that
 * type-check the Worker for its API types: it must be what the script writes from today's
 * configuration, or a client would type-check the Worker against another D1 or other bindings.
 */
describe('types/worker-bindings.d.ts', () => {
  const configuration = readConfiguration();

  it('is what scripts/worker-bindings.ts writes from worker-configuration.d.ts', () => {
    expect(existsSync(BINDINGS_FILE), 'run npm run types:bindings').toBe(true);
    expect(readFileSync(BINDINGS_FILE, 'utf8')).toBe(workerBindings(configuration));
  });

  it("holds worker-configuration.d.ts's D1 declarations as they are", () => {
    const written = workerBindings(configuration);
    for (const first of ['interface D1Meta {', 'declare abstract class D1Database {', 'declare abstract class D1DatabaseSession {', 'declare abstract class D1PreparedStatement {']) {
      const from = configuration.indexOf(`\n${first}`);
      const declaration = configuration.slice(from + 1, configuration.indexOf('\n}\n', from) + 2);
      expect(from, first).toBeGreaterThanOrEqual(0);
      expect(written).toContain(declaration);
    }
  });

  it('names the bindings of worker-configuration.d.ts', () => {
    const env = (text: string, indent: string) => {
      const from = text.indexOf(`${indent}interface Env {`);
      return [...text.slice(from, text.indexOf(`\n${indent}}`, from)).matchAll(new RegExp(`^${indent}(?:\\t|  )(\\w+):`, 'gm'))].map((m) => m[1]);
    };
    expect(env(workerBindings(configuration), '')).toEqual(env(configuration, '\t'));
    expect(env(configuration, '\t').length).toBeGreaterThan(0);
  });
});
