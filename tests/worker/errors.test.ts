import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { ErrorEnvelope, HealthResponse } from '../../shared/api.ts';
import { call, expectError, seedFixture, TOKENS } from './helpers.ts';

describe('bad input is a 4xx with the envelope, never a 500', () => {
  const region = '/api/admin/regions';
  const json = { 'Content-Type': 'application/json' };

  it.each([
    ['malformed JSON', '{"id": "x",', 'MALFORMED_JSON'],
    ['an empty body', '', 'MALFORMED_JSON'],
    ['a JSON array', '[1, 2]', 'INVALID_REQUEST'],
    ['JSON null', 'null', 'INVALID_REQUEST'],
    ['a JSON string', '"tho-xuan"', 'INVALID_REQUEST'],
  ] as const)('answers 400 for %s', async (_name, body, code) => {
    await seedFixture();
    const error = await expectError(await call('POST', region, { token: TOKENS.admin, body, headers: json }), 400, code);
    expect(ErrorEnvelope.parse({ error }).error.code).toBe(code);
  });

  it('answers 400 naming every wrong field, with zod issue paths', async () => {
    await seedFixture();
    const error = await expectError(
      await call('POST', region, { token: TOKENS.admin, json: { id: 7, name: 'Thọ Xuân', level: 'district', province: null } }),
      400,
      'INVALID_REQUEST',
    );
    expect(error.issues?.map((i) => i.path)).toEqual([['id'], ['province']]);
    expect(error.message).toBe('Dữ liệu không hợp lệ ở "id", "province" (invalid request: "id", "province")');
  });

  it('answers 400 for unknown fields rather than dropping them silently', async () => {
    await seedFixture();
    const error = await expectError(
      await call('POST', region, { token: TOKENS.admin, json: { id: 'a', name: 'A', level: 'district', province: 'B', leve: 'x' } }),
      400,
      'INVALID_REQUEST',
    );
    expect(error.issues?.map((i) => i.code)).toEqual(['unrecognized_keys']);
  });

  it('answers 415 for a body that is not declared as JSON', async () => {
    await seedFixture();
    await expectError(
      await call('POST', region, { token: TOKENS.admin, body: 'id=a', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    await expectError(await call('POST', region, { token: TOKENS.admin, body: '{}' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 413 for a body over the limit', async () => {
    await seedFixture();
    const body = JSON.stringify({ id: 'a', name: 'x'.repeat(3 * 1024 * 1024), level: 'district', province: 'B' });
    await expectError(await call('POST', region, { token: TOKENS.admin, body, headers: json }), 413, 'PAYLOAD_TOO_LARGE');
  });

  it.each([
    ['GET', '/api/nope', TOKENS.admin],
    ['GET', '/api/nope', undefined],
    ['GET', '/nope', undefined],
    ['GET', '/addin/taskpane.html', undefined],
    ['DELETE', '/api/me', TOKENS.admin],
    ['GET', '/api/admin/tokens/tok-admin', TOKENS.admin],
  ])('answers 404 with the envelope for %s %s', async (method, url, token) => {
    const error = await expectError(await call(method, url, token === undefined ? {} : { token }), 404, 'NOT_FOUND');
    expect(error.message).toBe('Không tìm thấy địa chỉ này (not found)');
  });
});

describe('public routes and headers', () => {
  it('answers GET /api/health without a token', async () => {
    const response = await call('GET', '/api/health');
    expect(response.status).toBe(200);
    expect(HealthResponse.parse(await response.json())).toEqual({ name: 'gnbv', version: pkg.version, rulePacks: ['mdp-2022', 'mdp-2027'] });
  });

  it('serves through the Worker entry point itself (exports.default.fetch)', async () => {
    const response = await exports.default.fetch('https://localhost:8787/api/health');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { name: string }).name).toBe('gnbv');
  });

  it('serves an OpenAPI 3.1 document describing every error with the envelope', async () => {
    const response = await call('GET', '/api/openapi.json');
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, { content: { 'application/json': { schema: unknown } } }> }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/plan']?.get?.responses['404']?.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ErrorEnvelope',
    });
    expect(doc.paths['/api/admin/plans/{communeId}/{year}']?.put?.responses['422']).toBeDefined();
    expect(Object.keys(doc.components.schemas)).toContain('CommunePlan');
  });

  it('puts secure headers and no-store on /api/* answers, errors included', async () => {
    await seedFixture();
    for (const response of [await call('GET', '/api/health'), await call('GET', '/api/me')]) {
      expect({
        frame: response.headers.get('X-Frame-Options'),
        sniff: response.headers.get('X-Content-Type-Options'),
        cache: response.headers.get('Cache-Control'),
      }).toEqual({ frame: 'SAMEORIGIN', sniff: 'nosniff', cache: 'no-store' });
    }
  });

  it('leaves /addin/* free of X-Frame-Options (Excel frames the task pane)', async () => {
    const response = await call('GET', '/addin/taskpane.html');
    expect(response.headers.get('X-Frame-Options')).toBeNull();
  });

  it('keeps CORS closed to other origins and open to its own', async () => {
    const preflight = (origin: string) =>
      call('OPTIONS', '/api/me', {
        headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
      });
    expect((await preflight('https://evil.example')).headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect((await preflight('http://localhost')).headers.get('Access-Control-Allow-Origin')).toBe('http://localhost');
    const cross = await call('GET', '/api/health', { headers: { Origin: 'https://evil.example' } });
    expect(cross.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});
