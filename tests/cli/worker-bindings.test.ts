import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * types/worker-bindings.d.ts repeats the D1 declarations of worker-configuration.d.ts (`wrangler
 * types`) for the client programs that type-check the Worker for its API types: they must stay
 * the same declarations, or a client would type-check the Worker against another D1.
 */
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** From the line that starts with `first` to the line that starts with `last`, both kept. */
function block(text: string, first: string, last: string): string {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.startsWith(first));
  const to = lines.findIndex((l, i) => i > from && l.startsWith(last));
  expect(from, first).toBeGreaterThanOrEqual(0);
  expect(to, last).toBeGreaterThan(from);
  return lines.slice(from, to + 1).join('\n');
}

describe('types/worker-bindings.d.ts', () => {
  const generated = read('worker-configuration.d.ts');
  const copy = read('types/worker-bindings.d.ts');
  it.each([
    ['interface D1Meta {', 'type D1SessionBookmark = string;'],
    ['declare abstract class D1Database {', '}'],
    ['declare abstract class D1DatabaseSession {', '}'],
    ['declare abstract class D1PreparedStatement {', '}'],
  ])('has the D1 declarations of worker-configuration.d.ts: %s', (first, last) => {
    expect(block(copy, first, last)).toBe(block(generated, first, last));
  });

  it('names the bindings of worker-configuration.d.ts', () => {
    const names = (text: string) => [...block(text, '\tinterface Env {', '\t}').matchAll(/^\t\t(\w+):/gm)].map((m) => m[1]);
    const ours = [...block(copy, 'interface Env {', '}').matchAll(/^ {2}(\w+):/gm)].map((m) => m[1]);
    expect(ours).toEqual(names(generated));
  });
});
