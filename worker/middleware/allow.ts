import type { Context, MiddlewareHandler } from 'hono';
import type { Role } from '../../shared/api.ts';
import { ApiError } from '../api-error.ts';
import { constantTimeEqual, sha256Hex } from '../crypto.ts';
import { clock } from '../clock.ts';
import { findCommune, findRegion, findTokenByHash, type TokenRecord } from '../db/queries.ts';
import { recordSignInFailure, signInBlockedFor } from '../db/sign-in-failures.ts';
import type { AppEnv } from '../env.ts';
import type { Principal } from '../principal.ts';

/** Longer bearer values are refused before hashing. */
const MAX_TOKEN_LENGTH = 256;

/**
 * The role check every route starts with: authenticates the bearer token, then lets the listed
 * roles through (401 without a valid token, 403 for another role).
 */
export function allow(...roles: readonly [Role, ...Role[]]): MiddlewareHandler<AppEnv> {
  return async function allow(c, next) {
    const principal = await authenticate(c);
    if (!roles.includes(principal.role)) throw new ApiError(403, 'FORBIDDEN');
    c.set('principal', principal);
    await next();
  };
}

async function authenticate(c: Context<AppEnv>): Promise<Principal> {
  const match = /^Bearer +(\S+) *$/i.exec(c.req.header('Authorization') ?? '');
  const token = match?.[1];
  // No token at all is not a guess: refused without counting.
  if (token === undefined) throw new ApiError(401, 'UNAUTHORIZED');

  // A client that guessed wrong too often is refused before its token is even looked at, so a
  // right guess during the wait is not told apart from a wrong one.
  const client = await sha256Hex(`sign-in:${c.req.header('CF-Connecting-IP') ?? 'unknown'}`);
  const now = clock.now();
  const wait = await signInBlockedFor(c.var.db, client, now);
  if (wait !== null) throw new ApiError(429, 'RATE_LIMITED', { params: { minutes: Math.ceil(wait / 60) }, retryAfter: wait });

  try {
    return await principalOf(c, token);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) await recordSignInFailure(c.var.db, client, now);
    throw err;
  }
}

async function principalOf(c: Context<AppEnv>, token: string): Promise<Principal> {
  if (token.length > MAX_TOKEN_LENGTH) throw new ApiError(401, 'UNAUTHORIZED');

  const tokenHash = await sha256Hex(token);
  const adminSecret = c.env.ADMIN_TOKEN;
  // The first admin token is a deployment secret, not a row: compared hashed, in constant time.
  if (typeof adminSecret === 'string' && adminSecret.length > 0) {
    if (constantTimeEqual(tokenHash, await sha256Hex(adminSecret))) {
      return { role: 'admin', tokenId: null, label: 'ADMIN_TOKEN' };
    }
  }

  const record = await findTokenByHash(c.var.db, tokenHash);
  if (record === null || !constantTimeEqual(record.tokenHash, tokenHash)) throw new ApiError(401, 'UNAUTHORIZED');
  if (record.info.revokedAt !== null) throw new ApiError(401, 'UNAUTHORIZED');
  // Demo tokens have published values: never honoured in production.
  if (record.info.demo && c.env.ENVIRONMENT === 'production') throw new ApiError(401, 'UNAUTHORIZED');
  return toPrincipal(record);
}

function toPrincipal({ info }: TokenRecord): Principal {
  const { id: tokenId, label } = info;
  switch (info.role) {
    case 'admin':
      return { role: 'admin', tokenId, label };
    case 'district':
      if (info.regionId === null) break;
      return { role: 'district', tokenId, label, regionId: info.regionId };
    case 'commune':
      if (info.communeId === null) break;
      return { role: 'commune', tokenId, label, communeId: info.communeId };
  }
  // The schema's CHECK makes this unreachable; refuse rather than guess a scope.
  throw new ApiError(401, 'UNAUTHORIZED');
}

/**
 * After allow('district'): the district principal and its region (403 when the region is gone).
 * Every district route reads only its own region's communes from here.
 */
export async function districtRegion(c: Context<AppEnv>) {
  const principal = c.var.principal;
  if (principal.role !== 'district') throw new ApiError(403, 'FORBIDDEN');
  const region = await findRegion(c.var.db, principal.regionId);
  if (region === null) throw new ApiError(403, 'FORBIDDEN');
  return { principal, region };
}

/**
 * After allow('commune', 'district'): the database of the caller's own region — the district's
 * region, or the region of the commune — and never another: a commune or district principal
 * cannot reach another region's data through it. 404 when the commune is gone.
 */
export async function ownDb(c: Context<AppEnv>): Promise<D1Database> {
  const principal = c.var.principal;
  switch (principal.role) {
    case 'district':
      return c.var.regionDb(principal.regionId);
    case 'commune': {
      const commune = await findCommune(c.var.db, principal.communeId);
      if (commune === null) throw new ApiError(404, 'COMMUNE_NOT_FOUND', { params: { id: principal.communeId } });
      return c.var.regionDb(commune.regionId);
    }
    case 'admin':
      throw new ApiError(403, 'FORBIDDEN');
  }
}
