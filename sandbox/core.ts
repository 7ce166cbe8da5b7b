/**
 * The sandbox's shared machinery: one loopback HTTP server hosting every vendor simulator under its
 * own path prefix, with a router, fault injection, a masked request log and outbound webhooks.
 * Vendor folders (venio/, meedee/, shopline/, salekit/: one file per resource) only describe their API.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface SimRequest {
	method: string;
	/** Path below the vendor prefix, e.g. `/v3/customers`. */
	path: string;
	params: Record<string, string>;
	/** Query values; keys written `x[]` or repeated keys become arrays under `x`. */
	query: Record<string, string | string[]>;
	headers: http.IncomingHttpHeaders;
	rawBody: Buffer;
	/** JSON or form body, parsed; `undefined` when empty; `INVALID_JSON` when it could not be parsed. */
	body: any;
}

export interface SimResponse {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** Send this text as-is instead of JSON (HTML error pages, binary attachments). */
	raw?: Buffer | string;
}

export const INVALID_JSON = Symbol('invalid-json');

export type Handler = (req: SimRequest) => SimResponse | Promise<SimResponse>;

/** Faults that can be switched on per vendor at run time. Counters apply to the next N requests. */
export interface Faults {
	latencyMs: number;
	/** Extra random latency, 0..jitterMs, drawn from the seeded RNG. */
	jitterMs: number;
	/** Fraction (0..1) of requests answered with `status5xx`. */
	rate5xx: number;
	status5xx: number;
	/** The next N requests are answered 429 (the vendor's own rate-limit body). */
	next429: number;
	/** Retry-After header value sent with injected 429s; empty sends none. */
	retryAfter: string;
	next5xx: number;
	nextMalformedJson: number;
	nextHtmlError: number;
	nextReset: number;
	/** The next N requests never get an answer (the client must time out). */
	nextHang: number;
	/** The next N requests are carried out, then their answer is lost (the connection closes): the client cannot tell whether they were applied. */
	nextDropReply: number;
	/** The next N requests are answered `redirectStatus` with Location `redirectTo` + the request's path and query. */
	nextRedirect: number;
	/** Where injected redirects point: another origin (`http://127.0.0.1:<port>`), this one, or '' for a relative Location. */
	redirectTo: string;
	redirectStatus: number;
	/**
	 * Redirect each request at most once: the Location carries `REDIRECTED_MARK=1`, and a request
	 * carrying it is not redirected again (so many redirects at once never make a loop).
	 */
	redirectOnce: boolean;
	/** Only requests whose path contains this text are affected; empty = all (token endpoints included). */
	pathFilter: string;
}

export const noFaults = (): Faults => ({
	latencyMs: 0,
	jitterMs: 0,
	rate5xx: 0,
	status5xx: 503,
	next429: 0,
	retryAfter: '1',
	next5xx: 0,
	nextMalformedJson: 0,
	nextHtmlError: 0,
	nextReset: 0,
	nextHang: 0,
	nextDropReply: 0,
	nextRedirect: 0,
	redirectTo: '',
	redirectStatus: 307,
	redirectOnce: false,
	pathFilter: '',
});

export interface LogEntry {
	vendor: string;
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	headers: Record<string, string>;
	body: unknown;
	status: number;
	at: number;
	fault?: string;
}

/**
 * Header names and body keys whose values are secrets; they are masked in the log. Headers go by
 * a name pattern, like body keys, so a vendor's own header (X-Probe-Token, X-Api-Key) is covered
 * without being listed.
 */
const SECRET_HEADERS = /token|secret|key|password|authorization|cookie|signature/i;
const SECRET_KEYS = /secret|password|token|subscription|authorization/i;

export function maskValue(value: string): string {
	return value.length <= 4 ? '****' : `${value.slice(0, 2)}****`;
}

function maskBody(body: unknown): unknown {
	if (Array.isArray(body)) return body.map(maskBody);
	if (body && typeof body === 'object') {
		return Object.fromEntries(
			Object.entries(body as Record<string, unknown>).map(([k, v]) => [
				k,
				SECRET_KEYS.test(k) && typeof v === 'string' ? maskValue(v) : maskBody(v),
			]),
		);
	}
	return body;
}

/** Small deterministic PRNG (mulberry32) so seeded data and fault rates repeat run to run. */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface Route {
	method: string;
	parts: string[];
	handler: Handler;
}

/** A vendor simulator: routes plus state. Vendor modules create one with `new Vendor(...)`. */
export class Vendor {
	readonly routes: Route[] = [];
	faults: Faults = noFaults();
	private random = rng(42);
	/** Called by `reset()`; vendor modules put their state (re)initialisation here. */
	onReset: () => void = () => {};

	constructor(
		readonly name: string,
		/** Path prefix on the sandbox server, e.g. `/venio`. */
		readonly prefix: string,
		/** The body a rate-limited request gets (each vendor has its own shape). */
		readonly rateLimitBody: () => SimResponse,
	) {}

	route(method: string, pattern: string, handler: Handler): this {
		this.routes.push({ method, parts: pattern.split('/').filter(Boolean), handler });
		return this;
	}

	match(method: string, path: string): { handler: Handler; params: Record<string, string> } | undefined {
		const parts = path.split('/').filter(Boolean);
		let pathMatched = false;
		for (const r of this.routes) {
			if (r.parts.length !== parts.length) continue;
			const params: Record<string, string> = {};
			let ok = true;
			for (let i = 0; i < parts.length; i++) {
				const p = r.parts[i];
				if (p.startsWith(':')) params[p.slice(1)] = decodeURIComponent(parts[i]);
				else if (p.toLowerCase() !== parts[i].toLowerCase()) {
					ok = false;
					break;
				}
			}
			if (!ok) continue;
			pathMatched = true;
			if (r.method === method) return { handler: r.handler, params };
		}
		return pathMatched ? { handler: () => ({ status: 405, body: { error: 'method_not_allowed' } }), params: {} } : undefined;
	}

	setFaults(partial: Partial<Faults>): void {
		this.faults = { ...this.faults, ...partial };
	}

	reset(): void {
		this.faults = noFaults();
		this.random = rng(42);
		this.onReset();
	}

	/** Decides which injected fault (if any) this request gets; consumes one count. */
	drawFault(path: string, { redirected = false } = {}): string | undefined {
		const f = this.faults;
		if (f.pathFilter && !path.includes(f.pathFilter)) return undefined;
		for (const key of ['nextReset', 'nextHang', 'nextRedirect', 'next429', 'next5xx', 'nextMalformedJson', 'nextHtmlError', 'nextDropReply'] as const) {
			if (key === 'nextRedirect' && f.redirectOnce && redirected) continue;
			if (f[key] > 0) {
				f[key]--;
				return key;
			}
		}
		if (f.rate5xx > 0 && this.random() < f.rate5xx) return 'next5xx';
		return undefined;
	}

	delay(): number {
		const f = this.faults;
		return f.latencyMs + (f.jitterMs > 0 ? Math.floor(this.random() * f.jitterMs) : 0);
	}
}

function parseQuery(search: URLSearchParams): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const [rawKey, value] of search) {
		const isArray = rawKey.endsWith('[]');
		const key = isArray ? rawKey.slice(0, -2) : rawKey;
		const prev = out[key];
		if (prev === undefined) out[key] = isArray ? [value] : value;
		else out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
	}
	return out;
}

function parseBody(raw: Buffer, contentType: string | undefined): unknown {
	if (raw.length === 0) return undefined;
	const text = raw.toString('utf8');
	if (contentType?.includes('application/x-www-form-urlencoded')) {
		return Object.fromEntries(new URLSearchParams(text));
	}
	try {
		return JSON.parse(text);
	} catch {
		return INVALID_JSON;
	}
}

/** The query parameter `redirectOnce` adds to an injected redirect's Location. */
export const REDIRECTED_MARK = 'sandbox_redirected';

const sleepMs = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface SandboxServerOptions {
	port?: number;
	/** Largest body accepted, in bytes; bigger bodies get 413. */
	maxBodyBytes?: number;
	/** Log every request to stdout (masked), for `npm run sandbox`. */
	verbose?: boolean;
}

/** The loopback server. Vendors are mounted by prefix; `/__sandbox/*` is the control API. */
export class SandboxServer {
	readonly vendors = new Map<string, Vendor>();
	readonly log: LogEntry[] = [];
	private server?: http.Server;
	private sockets = new Set<import('node:net').Socket>();
	baseUrl = '';

	constructor(private readonly options: SandboxServerOptions = {}) {}

	mount(vendor: Vendor): this {
		this.vendors.set(vendor.name, vendor);
		return this;
	}

	vendor<T extends Vendor = Vendor>(name: string): T {
		const v = this.vendors.get(name);
		if (!v) throw new Error(`No simulator named ${name}`);
		return v as T;
	}

	async start(): Promise<string> {
		this.server = http.createServer((req, res) => void this.handle(req, res));
		this.server.on('connection', (s) => {
			this.sockets.add(s);
			s.on('close', () => this.sockets.delete(s));
		});
		await new Promise<void>((resolve) => this.server!.listen(this.options.port ?? 0, '127.0.0.1', resolve));
		const { port } = this.server.address() as AddressInfo;
		this.baseUrl = `http://127.0.0.1:${port}`;
		return this.baseUrl;
	}

	async stop(): Promise<void> {
		if (!this.server) return;
		for (const s of this.sockets) s.destroy();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
		this.server = undefined;
	}

	reset(): void {
		this.log.length = 0;
		for (const v of this.vendors.values()) v.reset();
	}

	/** Requests received, optionally only one vendor's. */
	requests(vendor?: string): LogEntry[] {
		return vendor ? this.log.filter((e) => e.vendor === vendor) : this.log;
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		let size = 0;
		// Room for Venio's 10 MB attachments [INF] with their multipart envelope.
		const max = this.options.maxBodyBytes ?? 12 * 1024 * 1024;
		let tooBig = false;
		for await (const chunk of req) {
			size += (chunk as Buffer).length;
			if (size > max) tooBig = true;
			else chunks.push(chunk as Buffer);
		}
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const send = (r: SimResponse) => {
			const headers: Record<string, string> = { ...(r.headers ?? {}) };
			let payload: Buffer | string = '';
			if (r.raw !== undefined) payload = r.raw;
			else if (r.body !== undefined) {
				payload = JSON.stringify(r.body);
				headers['content-type'] ??= 'application/json; charset=utf-8';
			}
			res.writeHead(r.status, headers);
			res.end(payload);
		};
		if (tooBig) return send({ status: 413, body: { error: 'payload_too_large' } });
		if (url.pathname.startsWith('/__sandbox')) {
			// A control call with an unknown vendor or bad JSON is answered, never left to crash the process.
			const answer = await this.control(req.method ?? 'GET', url, Buffer.concat(chunks)).catch(
				(error: Error): SimResponse => ({ status: error instanceof SyntaxError ? 400 : 404, body: { error: 'bad_control_request', message: error.message } }),
			);
			return send(answer);
		}

		const vendor = [...this.vendors.values()].find((v) => url.pathname === v.prefix || url.pathname.startsWith(`${v.prefix}/`));
		if (!vendor) return send({ status: 404, body: { error: 'no_such_vendor' } });
		const path = url.pathname.slice(vendor.prefix.length) || '/';
		const raw = Buffer.concat(chunks);
		const simReq: SimRequest = {
			method: req.method ?? 'GET',
			path,
			params: {},
			query: parseQuery(url.searchParams),
			headers: req.headers,
			rawBody: raw,
			body: parseBody(raw, req.headers['content-type']),
		};
		const entry: LogEntry = {
			vendor: vendor.name,
			method: simReq.method,
			path,
			query: simReq.query,
			headers: Object.fromEntries(
				Object.entries(req.headers).map(([k, v]) => [k, SECRET_HEADERS.test(k) ? maskValue(String(v)) : String(v)]),
			),
			body: simReq.body === INVALID_JSON ? '<invalid json>' : maskBody(simReq.body),
			status: 0,
			at: Date.now(),
		};
		this.log.push(entry);
		const wait = vendor.delay();
		if (wait > 0) await sleepMs(wait);

		const fault = vendor.drawFault(path, { redirected: url.searchParams.has(REDIRECTED_MARK) });
		if (fault) {
			entry.fault = fault;
			switch (fault) {
				case 'nextReset':
					entry.status = -1;
					req.socket.destroy();
					return;
				case 'nextHang':
					entry.status = -2;
					return; // never answered; the socket is destroyed on stop()
				case 'nextRedirect': {
					entry.status = vendor.faults.redirectStatus;
					const query = vendor.faults.redirectOnce ? `${url.search ? `${url.search}&` : '?'}${REDIRECTED_MARK}=1` : url.search;
					return send({ status: vendor.faults.redirectStatus, headers: { location: `${vendor.faults.redirectTo}${url.pathname}${query}` } });
				}
				case 'next429': {
					const r = vendor.rateLimitBody();
					entry.status = r.status;
					return send({ ...r, headers: { ...(r.headers ?? {}), ...(vendor.faults.retryAfter ? { 'retry-after': vendor.faults.retryAfter } : {}) } });
				}
				case 'next5xx':
					entry.status = vendor.faults.status5xx;
					return send({ status: vendor.faults.status5xx, body: { error: 'upstream_unavailable', message: 'Injected fault' } });
				case 'nextMalformedJson':
					entry.status = 200;
					return send({ status: 200, raw: '{"data": [ {"broken": ', headers: { 'content-type': 'application/json' } });
				case 'nextHtmlError':
					entry.status = 502;
					return send({
						status: 502,
						raw: '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>',
						headers: { 'content-type': 'text/html' },
					});
			}
		}

		const found = vendor.match(simReq.method, path);
		if (!found) {
			entry.status = 404;
			return send({ status: 404, body: { error: 'not_found', message: `No route ${simReq.method} ${path}` } });
		}
		simReq.params = found.params;
		try {
			const r = await found.handler(simReq);
			entry.status = r.status;
			// Applied, but the answer never arrives.
			if (fault === 'nextDropReply') return void req.socket.destroy();
			send(r);
		} catch (error) {
			entry.status = 500;
			send({ status: 500, body: { error: 'sandbox_error', message: (error as Error).message } });
		}
		if (this.options.verbose) {
			console.log(`${entry.vendor} ${entry.method} ${entry.path} -> ${entry.status}`);
		}
	}

	/** Control API for tools outside the process (`npm run sandbox` users; the sandbox tests). */
	private async control(method: string, url: URL, raw: Buffer): Promise<SimResponse> {
		const parts = url.pathname.split('/').filter(Boolean); // ['__sandbox', action, vendor?]
		const [, action, name] = parts;
		const body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
		if (action === 'reset' && method === 'POST') {
			if (name) this.vendor(name).reset();
			else this.reset();
			return { status: 200, body: { ok: true } };
		}
		if (action === 'faults' && name && method === 'POST') {
			this.vendor(name).setFaults(body);
			return { status: 200, body: this.vendor(name).faults };
		}
		if (action === 'log' && method === 'GET') return { status: 200, body: name ? this.requests(name) : this.log };
		if (action === 'state' && name && method === 'GET') {
			const v = this.vendor(name) as Vendor & { snapshot?: () => unknown };
			return { status: 200, body: v.snapshot ? v.snapshot() : {} };
		}
		if (action === 'control' && name && method === 'POST') {
			const v = this.vendor(name) as Vendor & { control?: (b: any) => unknown };
			return { status: 200, body: v.control ? ((await v.control(body)) as Json) : {} };
		}
		return { status: 404, body: { error: 'unknown control action' } };
	}
}

/** Issues opaque bearer tokens with an expiry; `expireAll()` simulates a vendor revoking them. */
export class TokenIssuer {
	private tokens = new Map<string, { expiresAt: number; subject: string; scopes: string[] }>();
	issued = 0;
	constructor(public ttlSeconds = 3600) {}

	issue(subject: string, scopes: string[] = []): { token: string; expiresIn: number } {
		const token = `${subject.slice(0, 4)}.${randomBytes(18).toString('base64url')}`;
		this.tokens.set(token, { expiresAt: Date.now() + this.ttlSeconds * 1000, subject, scopes });
		this.issued++;
		return { token, expiresIn: this.ttlSeconds };
	}

	/** The token's grant, or undefined when unknown or expired. */
	check(token: string | undefined): { subject: string; scopes: string[] } | undefined {
		if (!token) return undefined;
		const t = this.tokens.get(token);
		if (!t || t.expiresAt <= Date.now()) return undefined;
		return t;
	}

	expireAll(): void {
		this.tokens.clear();
	}

	reset(): void {
		this.tokens.clear();
		this.issued = 0;
	}
}

export function bearer(req: SimRequest): string | undefined {
	const h = req.headers.authorization;
	return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}

/** Posts JSON to a URL, retrying on failure; used by the vendors' outbound webhooks. */
export async function deliverWebhook(
	url: string,
	payload: unknown,
	options: { headers?: Record<string, string>; retries?: number; timeoutMs?: number; retryDelayMs?: number } = {},
): Promise<{ attempts: number; status: number }> {
	const body = JSON.stringify(payload);
	const retries = options.retries ?? 0;
	let status = 0;
	for (let attempt = 1; attempt <= retries + 1; attempt++) {
		try {
			const res = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...(options.headers ?? {}) },
				body,
				signal: AbortSignal.timeout(options.timeoutMs ?? 15000),
			});
			status = res.status;
			await res.arrayBuffer();
			if (status >= 200 && status < 300) return { attempts: attempt, status };
		} catch {
			status = 0;
		}
		if (attempt <= retries) await sleepMs(options.retryDelayMs ?? 200);
	}
	return { attempts: retries + 1, status };
}


/** Reads a positive integer query value with bounds; returns an error text when it is out of range. */
export function intParam(
	value: string | string[] | undefined,
	fallback: number,
	min: number,
	max: number,
): number | string {
	if (value === undefined || value === '') return fallback;
	const n = Number(Array.isArray(value) ? value[0] : value);
	if (!Number.isInteger(n) || n < min || n > max) return `must be a whole number from ${min} to ${max}`;
	return n;
}
