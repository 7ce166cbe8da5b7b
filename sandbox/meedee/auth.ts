/** MeeDee POS simulator: POST /oauth/token, the HS256 JWT it issues, Bearer checks and branch scoping. */
import { createHmac } from 'node:crypto';
import { bearer, type SimRequest, type SimResponse } from '../core';
import { ApiError, b64url, fail, invalid, many, ok } from './helpers';
import { type Grant, type MeeDeeApplication, type Obj, UUID_RE } from './model';
import type { MeeDeeSim } from './index';

export function token(sim: MeeDeeSim, req: SimRequest): SimResponse {
	sim.tokenRequests++;
	if (!String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
		return fail(400, 'invalid_request', 'Send the token request as application/x-www-form-urlencoded'); // [INF]
	}
	if (req.headers.authorization) {
		return fail(400, 'invalid_request', 'Send client_id and client_secret in the form body, not an Authorization header'); // [INF]
	}
	const form = (req.body ?? {}) as Record<string, string>;
	if (!form.grant_type) return fail(400, 'invalid_request', 'grant_type is required');
	if (form.grant_type !== 'client_credentials') {
		return fail(400, 'unsupported_grant_type', 'Only grant_type=client_credentials is supported');
	}
	if (!form.client_id || !form.client_secret) return fail(400, 'invalid_request', 'client_id and client_secret are required');
	const app = sim.applications.get(form.client_id);
	if (!app || app.clientSecret !== form.client_secret) {
		return fail(401, 'invalid_client', 'Client authentication failed'); // [INF] status 401
	}
	return ok(issueToken(sim, app), 200);
}

/** A HS256 JWT whose `jti` is a core TokenIssuer token, so expiry and "expire all" use the core. */
export function issueToken(sim: MeeDeeSim, app: MeeDeeApplication): Obj {
	const { token: jti, expiresIn } = sim.issuer.issue(app.clientId, app.scopes);
	const now = Math.floor(Date.now() / 1000);
	const header = b64url({ alg: 'HS256', typ: 'JWT' });
	const payload = b64url({
		iss: 'meedee-pos',
		sub: app.clientId,
		aud: 'partner-api',
		scopes: app.scopes,
		allowed_branch_ids: app.allowedBranchIds,
		iat: now,
		exp: now + expiresIn,
		jti,
	});
	const signature = createHmac('sha256', sim.signingKey).update(`${header}.${payload}`).digest('base64url');
	return { access_token: `${header}.${payload}.${signature}`, token_type: 'Bearer', expires_in: expiresIn };
}

export function authenticate(sim: MeeDeeSim, req: SimRequest): Grant {
	const token = bearer(req);
	if (!token) throw new ApiError(401, 'invalid_token', 'Missing bearer access token'); // [INF] same code as a bad token
	const [header, payload, signature] = token.split('.');
	const expected = header && payload ? createHmac('sha256', sim.signingKey).update(`${header}.${payload}`).digest('base64url') : '';
	if (!signature || signature !== expected) throw new ApiError(401, 'invalid_token', 'The access token is invalid');
	const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
		sub: string;
		jti: string;
		scopes: string[];
		allowed_branch_ids: string[];
	};
	const live = sim.issuer.check(claims.jti);
	const app = sim.applications.get(claims.sub);
	if (!live || !app) throw new ApiError(401, 'invalid_token', 'The access token is invalid or has expired');
	return { app, scopes: claims.scopes, branches: claims.allowed_branch_ids };
}

/** The branch filter for a request: the given branch_id values, each of which must be allowed. */
export function branchFilter(req: SimRequest, grant: Grant): Set<string> {
	const asked = many(req, 'branch_id');
	for (const id of asked) {
		if (!UUID_RE.test(id)) throw invalid('branch_id must be a UUID');
		if (!grant.branches.includes(id)) {
			throw new ApiError(403, 'access_denied', `Branch ${id} is not allowed for this application`); // [INF]
		}
	}
	return new Set(asked.length ? asked : grant.branches);
}
