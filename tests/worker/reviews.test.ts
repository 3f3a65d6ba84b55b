import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { seedFixture, seedSubmission } from './helpers.ts';

beforeEach(async () => {
  await seedFixture();
});

describe('the review audit in D1', () => {
  it('refuses UPDATE and DELETE of a transition or a comment', async () => {
    await seedSubmission();
    await env.DB.prepare(
      `INSERT INTO review_transitions (id, commune_id, period, revision, submission_id, version, from_state, to_state, action, role, actor, token_id, at)
       VALUES ('t1', 'xuan-hoa', '2024-Y', 1, 'sub-fixture', 1, 'missing', 'submitted', 'submit', 'commune', 'A', NULL, '2024-12-01T00:00:00.000Z')`,
    ).run();
    await env.DB.prepare(`INSERT INTO review_comments (transition_id, submission_id, scope, body) VALUES ('t1', 'sub-fixture', 'report', 'x')`).run();
    await expect(env.DB.prepare(`UPDATE review_transitions SET actor = 'B'`).run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare(`DELETE FROM review_transitions`).run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare(`UPDATE review_comments SET body = 'y'`).run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare(`DELETE FROM review_comments`).run()).rejects.toThrow(/append-only/);
    const row = await env.DB.prepare('SELECT actor FROM review_transitions').first<{ actor: string }>();
    expect(row).toEqual({ actor: 'A' });
  });
});
