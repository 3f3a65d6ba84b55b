import { Hono } from 'hono';
import { CreateTokenRequest, TokenParams, type CreateTokenResponse, type TokenInfo, type TokenListResponse } from '../../../shared/api.ts';
import { ApiError } from '../../api-error.ts';
import { newTokenSecret, sha256Hex } from '../../crypto.ts';
import { findCommune, findRegion, insertToken, listTokens, revokeToken } from '../../db/queries.ts';
import type { AppEnv } from '../../env.ts';
import { allow } from '../../middleware/allow.ts';
import { validate } from '../../middleware/validate.ts';

/** Admin: tokens for people. The plain token is answered once, at creation; only its SHA-256 is kept. */
export const tokens = new Hono<AppEnv>()
  .get('/', allow('admin'), async (c) => {
    const body: TokenListResponse = { tokens: await listTokens(c.var.db) };
    return c.json(body, 200);
  })
  .post('/', allow('admin'), validate('json', CreateTokenRequest), async (c) => {
    const request = c.req.valid('json');
    const db = c.var.db;
    let communeId: string | null = null;
    let regionId: string | null = null;
    if (request.role === 'commune') {
      if ((await findCommune(db, request.communeId)) === null) {
        throw new ApiError(422, 'UNKNOWN_COMMUNE', {
          params: { id: request.communeId },
          issues: [{ path: ['communeId'], code: 'unknown_commune', message: 'Không có xã này (unknown commune)' }],
        });
      }
      communeId = request.communeId;
    } else if (request.role === 'district') {
      if ((await findRegion(db, request.regionId)) === null) {
        throw new ApiError(422, 'UNKNOWN_REGION', {
          params: { id: request.regionId },
          issues: [{ path: ['regionId'], code: 'unknown_region', message: 'Không có đơn vị này (unknown region)' }],
        });
      }
      regionId = request.regionId;
    }

    const token = newTokenSecret();
    const info: TokenInfo = {
      id: `tok_${crypto.randomUUID()}`,
      label: request.label,
      role: request.role,
      communeId,
      regionId,
      demo: false,
      createdAt: new Date().toISOString(),
      revokedAt: null,
    };
    await insertToken(db, { info, tokenHash: await sha256Hex(token) });
    const body: CreateTokenResponse = { token, info };
    return c.json(body, 201);
  })
  .post('/:id/revoke', allow('admin'), validate('param', TokenParams), async (c) => {
    const { id } = c.req.valid('param');
    const info = await revokeToken(c.var.db, id, new Date().toISOString());
    if (info === null) throw new ApiError(404, 'TOKEN_NOT_FOUND', { params: { id } });
    return c.json(info, 200);
  });
