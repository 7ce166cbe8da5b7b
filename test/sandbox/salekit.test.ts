/**
 * Salekit.io simulator: one test per documented rule and per adjustable guess.
 * A real SandboxServer on 127.0.0.1 (port 0) with only Salekit mounted; requests go through fetch.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { SandboxServer } from '../../sandbox/core';
import { createSalekit, SALEKIT_DEMO, SALEKIT_MSG, SalekitSim, salekitToken } from '../../sandbox/salekit';

const TOKEN = SALEKIT_DEMO.token;

let server: SandboxServer;
let sim: SalekitSim;
let base: string;

interface Reply {
	status: number;
	json: any;
	text: string;
	contentType: string;
}

async function call(
	path: string,
	body?: unknown,
	opts: { token?: string | null; headers?: Record<string, string>; raw?: string; method?: string } = {},
): Promise<Reply> {
	const headers: Record<string, string> = { ...(opts.headers ?? {}) };
	if (opts.token !== null) headers.Token = opts.token ?? TOKEN;
	let payload: string | undefined = opts.raw;
	if (body !== undefined) payload = JSON.stringify(body);
	if (payload !== undefined) headers['Content-Type'] ??= 'application/json';
	const res = await fetch(`${base}${path}`, { method: opts.method ?? 'POST', headers, body: payload });
	const text = await res.text();
	let json: any;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, json, text, contentType: res.headers.get('content-type') ?? '' };
}

async function control(body: Record<string, unknown>): Promise<any> {
	const res = await fetch(`${server.baseUrl}/__sandbox/control/salekit`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return res.json();
}

// ----- a loopback receiver for the sync webhooks ------------------------------------------------

interface Received {
	path: string;
	headers: http.IncomingHttpHeaders;
	body: any;
}

const received: Received[] = [];
/** Status the receiver answers per path; each call shifts one value, then 200. */
const scripted = new Map<string, number[]>();
let receiver: http.Server;
let hookBase: string;

async function startReceiver(): Promise<void> {
	receiver = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const path = req.url ?? '/';
			received.push({ path, headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
			const status = scripted.get(path)?.shift() ?? 200;
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end('{"ok":true}');
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	hookBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
}

async function useSyncUrls(): Promise<void> {
	await control({
		action: 'setSyncUrls',
		orderCreated: `${hookBase}/created`,
		statusChanged: `${hookBase}/status`,
		paymentChanged: `${hookBase}/payment`,
	});
}

/** Waits (bounded) for the simulator's queued deliveries. */
async function settled(): Promise<void> {
	await Promise.race([sim.flush(), new Promise((_, reject) => setTimeout(() => reject(new Error('sync deliveries did not finish')), 5000))]);
}

// ----- fixtures ---------------------------------------------------------------------------------

const AUDIENCE = { full_name: 'Khách hàng 01', email: 'khachhang01@gmail.com', phone: '0985666555' };

const orderBody = (extra: Record<string, unknown> = {}) => ({
	total_price: 130000,
	total_pay: 130000,
	full_name: 'Nguyễn Văn An',
	phone: '0912345678',
	status: 0,
	products: [{ product_id: 1907502, quantity: 2, price: 65000 }],
	...extra,
});

const without = (obj: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(obj).filter(([k]) => k !== key));

const audienceByEmail = (email: string) => sim.audienceBy('email', email);

beforeAll(async () => {
	sim = createSalekit();
	server = new SandboxServer().mount(sim);
	await server.start();
	base = `${server.baseUrl}/salekit/api/v1`;
	await startReceiver();
});

afterAll(async () => {
	await server.stop();
	await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

beforeEach(async () => {
	server.reset();
	received.length = 0;
	scripted.clear();
});

// =================================================================================================

describe('demo credentials', () => {
	it('the demo token is an HS256 JWT whose payload carries iat and shop_id', () => {
		const [head, payload, signature] = TOKEN.split('.');
		expect(JSON.parse(Buffer.from(head, 'base64url').toString())).toEqual({ typ: 'jwt', alg: 'HS256' });
		expect(Object.keys(JSON.parse(Buffer.from(payload, 'base64url').toString()))).toEqual(['iat', 'shop_id']);
		expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
	});

	it('a token for another shop is a different token', () => {
		expect(salekitToken('other-shop', '2026-01-01T09:00:00+0700')).not.toBe(TOKEN);
	});
});

describe('auth: the Token header', () => {
	const endpoints = ['/audience/create', '/order/create', '/order/update?id=235686', '/product/create'];

	it.each(endpoints)('%s without a Token header → 401 error:true (nothing created)', async (path) => {
		const before = JSON.stringify(sim.snapshot());
		const r = await call(path, AUDIENCE, { token: null });
		expect(r.status).toBe(401);
		expect(r.json).toEqual({ error: true, msg: SALEKIT_MSG.tokenMissing });
		expect(JSON.stringify(sim.snapshot())).toBe(before);
	});

	it.each(endpoints)('%s with a wrong token → 401 error:true', async (path) => {
		const r = await call(path, AUDIENCE, { token: salekitToken('someone-else', '2026-01-01T09:00:00+0700') });
		expect(r.status).toBe(401);
		expect(r.json).toEqual({ error: true, msg: SALEKIT_MSG.tokenInvalid });
	});

	it('the token sent as Authorization: Bearer is not accepted (the header must be named Token)', async () => {
		const r = await call('/audience/create', AUDIENCE, { token: null, headers: { Authorization: `Bearer ${TOKEN}` } });
		expect(r.status).toBe(401);
		expect(r.json.msg).toBe(SALEKIT_MSG.tokenMissing);
	});

	it('the header name is case-insensitive, as in HTTP', async () => {
		const r = await call('/audience/create', AUDIENCE, { token: null, headers: { TOKEN: TOKEN } });
		expect(r.json).toEqual({ error: false, msg: 'Thành công' });
	});

	it('the ci_session cookie from the vendor samples is irrelevant', async () => {
		const r = await call('/audience/create', AUDIENCE, { headers: { Cookie: 'ci_session=ql0qo1u9jf7p37k8pviq9a3m30372dke' } });
		expect(r.json.error).toBe(false);
	});

	it('auth is checked before the body is read: bad JSON with a bad token is an auth error', async () => {
		const r = await call('/audience/create', undefined, { token: 'nope', raw: '{bad' });
		expect(r.status).toBe(401);
	});

	it('the auth failure status is configurable (e.g. 200 with error:true)', async () => {
		await control({ action: 'configure', errorStatus: { auth: 200 } });
		const r = await call('/audience/create', AUDIENCE, { token: 'nope' });
		expect(r.status).toBe(200);
		expect(r.json).toEqual({ error: true, msg: SALEKIT_MSG.tokenInvalid });
	});

	it('the accepted token is configurable (a regenerated token invalidates the old one)', async () => {
		const fresh = salekitToken(SALEKIT_DEMO.shopId, '2026-02-01T09:00:00+0700');
		await control({ action: 'configure', token: fresh });
		expect((await call('/audience/create', AUDIENCE)).status).toBe(401);
		expect((await call('/audience/create', AUDIENCE, { token: fresh })).json.error).toBe(false);
	});

	it('every answer is application/json', async () => {
		const ok = await call('/audience/create', AUDIENCE);
		const bad = await call('/audience/create', AUDIENCE, { token: null });
		expect(ok.contentType).toMatch(/^application\/json/);
		expect(bad.contentType).toMatch(/^application\/json/);
	});
});

describe('credential test (creates nothing)', () => {
	it('a good token with an empty body → HTTP 200 error:true validation message, nothing created', async () => {
		const before = sim.audiences.length;
		const r = await call('/audience/create', undefined);
		expect(r.status).toBe(200);
		expect(r.json).toEqual({ error: true, msg: SALEKIT_MSG.required('full_name') });
		expect(sim.audiences.length).toBe(before);
	});

	it('a good token with {} → the same validation error', async () => {
		const r = await call('/audience/create', {});
		expect(r.json).toEqual({ error: true, msg: SALEKIT_MSG.required('full_name') });
	});

	it('an empty body still creates nothing when no field is configured as required', async () => {
		await control({ action: 'configure', audienceRequired: [] });
		const before = sim.audiences.length;
		const r = await call('/audience/create', {});
		expect(r.json).toEqual({ error: true, msg: SALEKIT_MSG.needContact });
		expect(sim.audiences.length).toBe(before);
	});

	it('a bad token with an empty body → the auth error, distinguishable by status and message', async () => {
		const r = await call('/audience/create', undefined, { token: 'bad' });
		expect(r.status).toBe(401);
		expect(r.json.msg).toBe(SALEKIT_MSG.tokenInvalid);
	});

	it('[INF] GET /audience/create (the credential test): token checked, then refused as a create without fields', async () => {
		const before = sim.snapshot();
		const good = await call('/audience/create', undefined, { method: 'GET' });
		expect([good.status, good.json]).toEqual([200, { error: true, msg: SALEKIT_MSG.required('full_name') }]);
		const bad = await call('/audience/create', undefined, { method: 'GET', token: 'bad' });
		expect([bad.status, bad.json.msg]).toEqual([401, SALEKIT_MSG.tokenInvalid]);
		const missing = await call('/audience/create', undefined, { method: 'GET', token: null });
		expect([missing.status, missing.json.msg]).toEqual([401, SALEKIT_MSG.tokenMissing]);
		await control({ action: 'configure', audienceRequired: [] });
		const lenient = await call('/audience/create', undefined, { method: 'GET' });
		expect(lenient.json).toEqual({ error: true, msg: SALEKIT_MSG.needContact });
		expect({ ...sim.snapshot(), options: undefined }).toEqual({ ...before, options: undefined });
	});
});

describe('request body', () => {
	it('malformed JSON → error:true inside HTTP 200', async () => {
		const r = await call('/audience/create', undefined, { raw: '{"full_name": ' });
		expect(r.status).toBe(200);
		expect(r.json).toEqual({ error: true, msg: SALEKIT_MSG.invalidJson });
	});

	it.each([['[]'], ['"text"'], ['42']])('a JSON body that is not an object (%s) is refused', async (raw) => {
		const r = await call('/audience/create', undefined, { raw });
		expect(r.json).toEqual({ error: true, msg: SALEKIT_MSG.notObject });
	});

	it('a form-encoded body is refused (the doc sends Content-Type: application/json)', async () => {
		const r = await call('/audience/create', undefined, {
			raw: 'full_name=A&email=a%40b.vn',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		});
		expect(r.json).toEqual({ error: true, msg: SALEKIT_MSG.contentType });
	});

	it('the content-type rule can be switched off', async () => {
		await control({ action: 'configure', requireJsonContentType: false });
		const r = await call('/audience/create', undefined, {
			raw: 'full_name=A&email=a%40b.vn',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		});
		expect(r.json.error).toBe(false);
	});

	it('unknown body keys are ignored', async () => {
		const r = await call('/audience/create', { ...AUDIENCE, favourite_colour: 'xanh' });
		expect(r.json.error).toBe(false);
		expect(audienceByEmail(AUDIENCE.email)).not.toHaveProperty('favourite_colour');
	});

	it('an unknown path answers 404', async () => {
		const r = await call('/audience/list', {});
		expect(r.status).toBe(404);
	});
});

describe('POST /audience/create', () => {
	it('the seed example creates a customer and answers exactly {"error":false,"msg":"Thành công"}', async () => {
		const before = sim.audiences.length;
		const r = await call('/audience/create', AUDIENCE);
		expect(r.status).toBe(200);
		expect(r.json).toEqual({ error: false, msg: 'Thành công' });
		expect(sim.audiences.length).toBe(before + 1);
		expect(audienceByEmail(AUDIENCE.email)).toMatchObject({ ...AUDIENCE, type: 0, tags: [] });
	});

	it('every documented field is stored', async () => {
		await call('/audience/create', {
			...AUDIENCE,
			tag: 'Đã mua',
			src: 'chatbot',
			cid: '8a3dfbc1',
			gender: 'Nữ',
			address: 'Cầu Giấy - Hà Nội',
			note: 'Khách hàng mới',
			custom_field: { madon: '12345' },
			type: 1,
		});
		expect(audienceByEmail(AUDIENCE.email)).toMatchObject({
			src: 'chatbot',
			cid: '8a3dfbc1',
			gender: 'Nữ',
			address: 'Cầu Giấy - Hà Nội',
			note: 'Khách hàng mới',
			custom_field: { madon: '12345' },
			type: 1,
			tags: ['Đã mua'],
		});
	});

	it.each(['full_name', 'email'])('%s is required (the seed does not mark it "Không")', async (field) => {
		const r = await call('/audience/create', without(AUDIENCE, field));
		expect(r.status).toBe(200);
		expect(r.json).toEqual({ error: true, msg: SALEKIT_MSG.required(field) });
	});

	it.each(['', '   ', null])('a blank full_name (%p) counts as missing', async (value) => {
		const r = await call('/audience/create', { ...AUDIENCE, full_name: value });
		expect(r.json.msg).toBe(SALEKIT_MSG.required('full_name'));
	});

	it('phone is optional', async () => {
		const r = await call('/audience/create', without(AUDIENCE, 'phone'));
		expect(r.json.error).toBe(false);
	});

	it('the required fields are configurable (e.g. phone alone)', async () => {
		await control({ action: 'configure', audienceRequired: ['phone'] });
		expect((await call('/audience/create', { phone: '0909000111' })).json.error).toBe(false);
		expect((await call('/audience/create', { full_name: 'A', email: 'a@b.vn' })).json.msg).toBe(SALEKIT_MSG.required('phone'));
	});

	it.each([
		['full_name', 123, 'chuỗi'],
		['email', true, 'chuỗi'],
		['phone', 985666555, 'chuỗi'],
		['note', ['x'], 'chuỗi'],
		['custom_field', ['madon'], 'đối tượng'],
		['custom_field', 'madon=1', 'đối tượng'],
		['type', '1', 'số nguyên'],
		['type', 1.5, 'số nguyên'],
	])('%s = %p has the wrong JSON type', async (field, value, kind) => {
		const r = await call('/audience/create', { ...AUDIENCE, [field]: value });
		expect(r.json).toEqual({ error: true, msg: SALEKIT_MSG.wrongType(field, kind) });
	});

	it('lenient types accept a numeric phone and a numeric-string type', async () => {
		await control({ action: 'configure', strictTypes: false });
		const r = await call('/audience/create', { ...AUDIENCE, phone: 985666555, type: '2' });
		expect(r.json.error).toBe(false);
		expect(audienceByEmail(AUDIENCE.email)).toMatchObject({ phone: '985666555', type: 2 });
	});

	it.each(['not-an-email', 'a@b', 'a b@c.vn'])('email %p is refused', async (email) => {
		const r = await call('/audience/create', { ...AUDIENCE, email });
		expect(r.json).toEqual({ error: true, msg: SALEKIT_MSG.email });
	});

	it.each(['abc', '12345', '09x8123456', '+84 1234567890123456'])('phone %p is refused', async (phone) => {
		const r = await call('/audience/create', { ...AUDIENCE, phone });
		expect(r.json).toEqual({ error: true, msg: SALEKIT_MSG.phone });
	});

	it.each(['0985666555', '+84 985 666 555', '(098) 566-6555', '0812345678'])('phone %p is accepted', async (phone) => {
		expect((await call('/audience/create', { ...AUDIENCE, phone })).json.error).toBe(false);
	});

	it('email and phone format checks can be switched off', async () => {
		await control({ action: 'configure', validateEmail: false, validatePhone: false });
		expect((await call('/audience/create', { ...AUDIENCE, email: 'odd', phone: 'x' })).json.error).toBe(false);
	});

	it.each([['Nam'], ['Nữ'], ['Nữ'.normalize('NFD')]])('gender %p is accepted', async (gender) => {
		const r = await call('/audience/create', { ...AUDIENCE, gender });
		expect(r.json.error).toBe(false);
		expect(audienceByEmail(AUDIENCE.email)?.gender).toBe(gender.normalize('NFC'));
	});

	it.each(['Male', 'Female', 'nam', 'Nu', 'Khác'])('gender %p is refused (only "Nam" or "Nữ")', async (gender) => {
		const r = await call('/audience/create', { ...AUDIENCE, gender });
		expect(r.json).toEqual({ error: true, msg: SALEKIT_MSG.gender });
	});

	it.each([0, 1, 2, 3, 4, 5, 6, 7])('type %i is accepted', async (type) => {
		await call('/audience/create', { ...AUDIENCE, type });
		expect(audienceByEmail(AUDIENCE.email)?.type).toBe(type);
	});

	it.each([-1, 8, 100])('type %i is refused', async (type) => {
		const r = await call('/audience/create', { ...AUDIENCE, type });
		expect(r.json).toEqual({ error: true, msg: SALEKIT_MSG.audienceType });
	});

	it('a refused request creates nothing', async () => {
		const before = JSON.stringify(sim.audiences);
		await call('/audience/create', { ...AUDIENCE, gender: 'Male', tag: 'Mới' });
		expect(JSON.stringify(sim.audiences)).toBe(before);
		expect(sim.tags.has('Mới')).toBe(false);
	});

	it('answers carry the stored audience under data when that option is on', async () => {
		await control({ action: 'configure', audienceReturnsData: true });
		const r = await call('/audience/create', { ...AUDIENCE, tag: 'VIP' });
		expect(r.json).toMatchObject({ error: false, msg: 'Thành công', data: { ...AUDIENCE, tags: ['VIP'] } });
		expect(typeof r.json.data.id).toBe('number');
	});
});

describe('audience upsert (dedupe)', () => {
	it('the same email updates the existing customer instead of creating one (case-insensitive)', async () => {
		await call('/audience/create', AUDIENCE);
		const count = sim.audiences.length;
		const r = await call('/audience/create', { ...AUDIENCE, email: AUDIENCE.email.toUpperCase(), full_name: 'Khách hàng 01 (sửa)' });
		expect(r.json.error).toBe(false);
		expect(sim.audiences.length).toBe(count);
		expect(audienceByEmail(AUDIENCE.email)?.full_name).toBe('Khách hàng 01 (sửa)');
	});

	it('a new email but a known phone (any formatting) updates the phone match', async () => {
		await call('/audience/create', AUDIENCE);
		const count = sim.audiences.length;
		await call('/audience/create', { full_name: 'Khách hàng 01', email: 'moi@gmail.com', phone: '098 566 6555' });
		expect(sim.audiences.length).toBe(count);
		expect(sim.audienceBy('phone', '0985666555')?.email).toBe('moi@gmail.com');
	});

	it('with dedupe on email only, a known phone with a new email creates a second customer', async () => {
		await control({ action: 'configure', dedupeKeys: ['email'] });
		await call('/audience/create', AUDIENCE);
		const count = sim.audiences.length;
		await call('/audience/create', { ...AUDIENCE, email: 'khac@gmail.com' });
		expect(sim.audiences.length).toBe(count + 1);
	});

	it('an update keeps fields that were not sent and merges custom fields', async () => {
		await call('/audience/create', { ...AUDIENCE, address: 'Hà Nội', type: 1, custom_field: { madon: '1' } });
		await call('/audience/create', { full_name: AUDIENCE.full_name, email: AUDIENCE.email, custom_field: { ngay_mua: '2026-01-02' } });
		expect(audienceByEmail(AUDIENCE.email)).toMatchObject({
			phone: AUDIENCE.phone,
			address: 'Hà Nội',
			type: 1,
			custom_field: { madon: '1', ngay_mua: '2026-01-02' },
		});
	});

	it('a seeded customer can be updated by its email', async () => {
		const seeded = sim.audiences[0];
		const count = sim.audiences.length;
		await call('/audience/create', { full_name: seeded.full_name, email: seeded.email, note: 'Gọi lại' });
		expect(sim.audiences.length).toBe(count);
		expect(sim.audiences[0].note).toBe('Gọi lại');
	});
});

describe('tags: tag and un_tag', () => {
	/** Creates the customer with `start` tags, then sends tag/un_tag and returns the resulting tags. */
	async function tagsAfter(start: string, change: { tag?: string; un_tag?: string }): Promise<string[]> {
		await call('/audience/create', { ...AUDIENCE, ...(start ? { tag: start } : {}) });
		const r = await call('/audience/create', { ...AUDIENCE, ...change });
		expect(r.json.error).toBe(false);
		return audienceByEmail(AUDIENCE.email)!.tags;
	}

	it.each([
		['add one', 'A, B', { tag: 'C' }, ['A', 'B', 'C']],
		['add several in one call', '', { tag: 'Đã mua, Khách hàng mới, VIP' }, ['Đã mua', 'Khách hàng mới', 'VIP']],
		['remove one', 'A, B', { un_tag: 'A' }, ['B']],
		['remove several', 'A, B, C', { un_tag: 'A,C' }, ['B']],
		['add and remove different tags', 'A, B', { tag: 'C', un_tag: 'A' }, ['B', 'C']],
		['add an already attached tag', 'A', { tag: 'A' }, ['A']],
		['remove a tag the customer does not have', 'A', { un_tag: 'B' }, ['A']],
		['tag and un_tag name the same tag: removal wins', 'A, B', { tag: 'A', un_tag: 'A' }, ['B']],
		['duplicates and blanks in the list are dropped', '', { tag: 'A, A ,  , C,' }, ['A', 'C']],
		['names are trimmed', '', { tag: '  Đã mua  ' }, ['Đã mua']],
		['tags are kept when neither field is sent', 'A, B', {}, ['A', 'B']],
	])('%s', async (_name, start, change, expected) => {
		expect(await tagsAfter(start, change)).toEqual(expected);
	});

	it('with tagOrder removeThenAdd, a tag in both fields ends up attached', async () => {
		await control({ action: 'configure', tagOrder: 'removeThenAdd' });
		expect(await tagsAfter('A, B', { tag: 'A', un_tag: 'A' })).toEqual(['B', 'A']);
	});

	it('a missing tag is created shop-wide', async () => {
		expect(sim.tags.has('Khóa học AI')).toBe(false);
		await call('/audience/create', { ...AUDIENCE, tag: 'Khóa học AI' });
		expect(sim.tags.has('Khóa học AI')).toBe(true);
	});

	it('un_tag of an unknown tag does not create it', async () => {
		await call('/audience/create', { ...AUDIENCE, un_tag: 'Không tồn tại' });
		expect(sim.tags.has('Không tồn tại')).toBe(false);
	});

	it('an existing tag in decomposed Unicode matches the stored (composed) name', async () => {
		await call('/audience/create', { ...AUDIENCE, tag: 'Đã mua' });
		await call('/audience/create', { ...AUDIENCE, tag: 'Đã mua'.normalize('NFD') });
		expect(audienceByEmail(AUDIENCE.email)!.tags).toEqual(['Đã mua']);
		expect([...sim.tags].filter((t) => t.normalize('NFC') === 'Đã mua')).toHaveLength(1);
	});

	it.each(['tag', 'un_tag'])('%s sent as an array is refused (the doc says String)', async (field) => {
		const r = await call('/audience/create', { ...AUDIENCE, [field]: ['A', 'B'] });
		expect(r.json).toEqual({ error: true, msg: SALEKIT_MSG.wrongType(field, 'chuỗi') });
	});

	it('lenient types accept tag as an array of strings', async () => {
		await control({ action: 'configure', strictTypes: false });
		expect(await tagsAfter('', { tag: ['A', 'B'] as unknown as string })).toEqual(['A', 'B']);
	});
});

describe('custom_field', () => {
	it.each(['madon', 'ma_khach', 'ngay_mua'])('the seeded Custom Attribute %s is accepted', async (key) => {
		const r = await call('/audience/create', { ...AUDIENCE, custom_field: { [key]: 'x1' } });
		expect(r.json.error).toBe(false);
		expect(audienceByEmail(AUDIENCE.email)!.custom_field[key]).toBe('x1');
	});

	it('an unknown key → error:true inside HTTP 200 with a message naming the key, nothing created', async () => {
		const before = sim.audiences.length;
		const r = await call('/audience/create', { ...AUDIENCE, custom_field: { madon: '1', so_thich: 'cà phê' } });
		expect(r.status).toBe(200);
		expect(r.json).toEqual({ error: true, msg: SALEKIT_MSG.customFieldUnknown('so_thich') });
		expect(r.json.msg).toContain('"so_thich"');
		expect(r.json.msg).toContain('Custom Attribute');
		expect(sim.audiences.length).toBe(before);
	});

	it('keys are case-sensitive', async () => {
		const r = await call('/audience/create', { ...AUDIENCE, custom_field: { MADON: '1' } });
		expect(r.json.msg).toBe(SALEKIT_MSG.customFieldUnknown('MADON'));
	});

	it('numbers are accepted as values', async () => {
		expect((await call('/audience/create', { ...AUDIENCE, custom_field: { madon: 12345 } })).json.error).toBe(false);
	});

	it.each([[{ a: 1 }], [[1]], [true]])('a non-scalar value %p is refused', async (value) => {
		const r = await call('/audience/create', { ...AUDIENCE, custom_field: { madon: value } });
		expect(r.json).toEqual({ error: true, msg: SALEKIT_MSG.customFieldValue('madon') });
	});

	it('an attribute declared later (control setCustomAttributes) is then accepted', async () => {
		expect((await call('/audience/create', { ...AUDIENCE, custom_field: { so_thich: 'trà' } })).json.error).toBe(true);
		await control({ action: 'setCustomAttributes', keys: ['madon', 'so_thich'] });
		expect((await call('/audience/create', { ...AUDIENCE, custom_field: { so_thich: 'trà' } })).json.error).toBe(false);
	});

	it('the declared attributes can be set through the options', async () => {
		const own = createSalekit({ customAttributes: ['hang_thanh_vien'] });
		expect([...own.customAttributes]).toEqual(['hang_thanh_vien']);
	});
});

describe('POST /order/create', () => {
	it('creates the order and answers {error:false, msg:"OK", data:{id, ...order}}', async () => {
		const r = await call('/order/create', orderBody({ email: 'an@gmail.com', note: 'Giao giờ hành chính' }));
		expect(r.status).toBe(200);
		expect(r.json).toMatchObject({
			error: false,
			msg: 'OK',
			data: {
				total_price: 130000,
				total_pay: 130000,
				full_name: 'Nguyễn Văn An',
				status: 0,
				pay_status: 0,
				email: 'an@gmail.com',
				note: 'Giao giờ hành chính',
				products: [{ product_id: 1907502, sku: 'P-PHO', name: 'Phở bò', quantity: 2, price: 65000 }],
			},
		});
		expect(typeof r.json.data.id).toBe('number');
		expect(sim.orders.find((o) => o.id === r.json.data.id)).toBeDefined();
		expect(r.json.data.created_at).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
	});

	it('every documented optional field is stored', async () => {
		const optional = {
			website_id: 'w-1',
			discount: 5000,
			revenue: 120000,
			ship_fee: 20000,
			pay_fee: 1000,
			email: 'an@gmail.com',
			ref: 'aff01',
			ref_sub: 'm02',
			src: 'facebook',
			province_id: 1,
			district_id: 5,
			ward_id: 77,
			address: '12 Lê Lợi',
			store_id: 3,
			pay_type: 1,
			pay_status: 1,
			pay_time: 1767225600,
			commission: 3000,
			sale_id: 9,
			note: 'ghi chú',
		};
		const r = await call('/order/create', orderBody(optional));
		expect(r.json.data).toMatchObject(optional);
	});

	it.each(['total_price', 'total_pay', 'full_name', 'phone', 'status', 'products'])('%s is required', async (field) => {
		const r = await call('/order/create', without(orderBody(), field));
		expect(r.status).toBe(200);
		expect(r.json).toEqual({ error: true, msg: SALEKIT_MSG.required(field) });
	});

	it.each([
		['total_price', '130000', 'số'],
		['total_pay', null, undefined],
		['province_id', 1.5, 'số nguyên'],
		['store_id', 'kho-1', 'số nguyên'],
		['email', 5, 'chuỗi'],
		['products', { product_id: 1 }, 'mảng'],
	])('%s = %p has the wrong JSON type', async (field, value, kind) => {
		const r = await call('/order/create', orderBody({ [field]: value }));
		expect(r.json).toEqual({ error: true, msg: kind ? SALEKIT_MSG.wrongType(field, kind) : SALEKIT_MSG.required(field) });
	});

	it.each([0, 1, 2, 3, 4, 5, 6, 7])('status %i is accepted', async (status) => {
		expect((await call('/order/create', orderBody({ status }))).json.data.status).toBe(status);
	});

	it.each([-1, 8])('status %i is refused', async (status) => {
		const r = await call('/order/create', orderBody({ status }));
		expect(r.json).toEqual({ error: true, msg: SALEKIT_MSG.orderStatus });
	});

	it.each([2, -1])('pay_status %i is refused (0 unpaid, 1 paid)', async (pay_status) => {
		const r = await call('/order/create', orderBody({ pay_status }));
		expect(r.json).toEqual({ error: true, msg: SALEKIT_MSG.payStatus });
	});

	it.each(['discount', 'ship_fee', 'total_pay'])('a negative %s is refused', async (field) => {
		const r = await call('/order/create', orderBody({ [field]: -1 }));
		expect(r.json).toEqual({ error: true, msg: SALEKIT_MSG.negative(field) });
	});

	it.each([['yesterday'], [-5], [true]])('pay_time %p is refused (a timestamp is expected)', async (pay_time) => {
		const r = await call('/order/create', orderBody({ pay_time }));
		expect(r.json).toEqual({ error: true, msg: SALEKIT_MSG.wrongType('pay_time', 'timestamp') });
	});

	it('pay_time as a date string is accepted', async () => {
		expect((await call('/order/create', orderBody({ pay_time: '2026-01-02 10:00:00' }))).json.error).toBe(false);
	});

	it('an invalid phone is refused', async () => {
		expect((await call('/order/create', orderBody({ phone: 'abc' }))).json).toEqual({ error: true, msg: SALEKIT_MSG.phone });
	});

	it('an empty products array is refused', async () => {
		expect((await call('/order/create', orderBody({ products: [] }))).json).toEqual({ error: true, msg: SALEKIT_MSG.productsEmpty });
	});

	it.each([
		['no product_id or sku', [{ quantity: 1 }], SALEKIT_MSG.lineIdent(1)],
		['a line that is not an object', ['P-PHO'], SALEKIT_MSG.lineIdent(1)],
		['quantity 0', [{ sku: 'P-PHO', quantity: 0 }], SALEKIT_MSG.lineQuantity(1)],
		['quantity missing', [{ sku: 'P-PHO' }], SALEKIT_MSG.lineQuantity(1)],
		['fractional quantity', [{ sku: 'P-PHO', quantity: 1.5 }], SALEKIT_MSG.lineQuantity(1)],
		['negative price', [{ sku: 'P-PHO', quantity: 1, price: -1 }], SALEKIT_MSG.linePrice(1)],
		['text price', [{ sku: 'P-PHO', quantity: 1, price: 'free' }], SALEKIT_MSG.linePrice(1)],
		['product_id as text', [{ product_id: '1907502', quantity: 1 }], SALEKIT_MSG.wrongType('products[0].product_id', 'số nguyên')],
		['sku as a number', [{ sku: 42, quantity: 1 }], SALEKIT_MSG.wrongType('products[0].sku', 'chuỗi')],
		['unknown product_id', [{ product_id: 1, quantity: 1 }], SALEKIT_MSG.lineUnknown(1)],
		['unknown sku', [{ sku: 'NOPE', quantity: 1 }], SALEKIT_MSG.lineUnknown(1)],
		['the second line is wrong', [{ sku: 'P-PHO', quantity: 1 }, { sku: 'NOPE', quantity: 1 }], SALEKIT_MSG.lineUnknown(2)],
	])('order lines: %s', async (_name, products, msg) => {
		const before = sim.orders.length;
		const r = await call('/order/create', orderBody({ products }));
		expect(r.json).toEqual({ error: true, msg });
		expect(sim.orders.length).toBe(before);
	});

	it('sku is used when product_id is not sent; the product price fills a missing line price', async () => {
		const r = await call('/order/create', orderBody({ products: [{ sku: 'P-BANH-MI', quantity: 3 }] }));
		expect(r.json.data.products).toEqual([{ product_id: 1907506, sku: 'P-BANH-MI', name: 'Bánh mì', quantity: 3, price: 35000 }]);
	});

	it('product_id wins over sku when both are sent', async () => {
		const r = await call('/order/create', orderBody({ products: [{ product_id: 1907501, sku: 'P-PHO', quantity: 1 }] }));
		expect(r.json.data.products[0].sku).toBe('P-THAI-TEA');
	});

	it('unknown products are accepted when requireKnownProducts is off', async () => {
		await control({ action: 'configure', requireKnownProducts: false });
		const r = await call('/order/create', orderBody({ products: [{ sku: 'EXT-1', quantity: 1, price: 10 }] }));
		expect(r.json.data.products[0]).toMatchObject({ sku: 'EXT-1', quantity: 1, price: 10 });
	});

	it('new orders get increasing ids after the seeded ones', async () => {
		const a = await call('/order/create', orderBody());
		const b = await call('/order/create', orderBody());
		expect(b.json.data.id).toBe(a.json.data.id + 1);
		expect(a.json.data.id).toBeGreaterThan(Math.max(...sim.orders.slice(0, 3).map((o) => o.id)));
	});
});

describe('POST /order/update?id=', () => {
	let id: number;
	beforeEach(async () => {
		id = (await call('/order/create', orderBody())).json.data.id;
	});

	it('changes the status and answers {"data":<order>,"msg":"OK","error":false} in that key order', async () => {
		const r = await call(`/order/update?id=${id}`, { status: 3 });
		expect(r.status).toBe(200);
		expect(Object.keys(r.json)).toEqual(['data', 'msg', 'error']);
		expect(r.json).toMatchObject({ msg: 'OK', error: false, data: { id, status: 3, full_name: 'Nguyễn Văn An' } });
		expect(sim.orders.find((o) => o.id === id)!.status).toBe(3);
	});

	it('the documented form with a slash before the query (/order/update/?id=) works too', async () => {
		expect((await call(`/order/update/?id=${id}`, { status: 1 })).json.error).toBe(false);
	});

	it('a seeded order can be updated', async () => {
		const seeded = sim.orders[0].id;
		expect((await call(`/order/update?id=${seeded}`, { status: 4 })).json.data.status).toBe(4);
	});

	it.each([['/order/update'], ['/order/update?id='], ['/order/update?id=abc']])('%s → missing/invalid id', async (path) => {
		const r = await call(path, { status: 1 });
		expect(r.json).toEqual({ error: true, msg: SALEKIT_MSG.orderId });
	});

	it('an unknown id → error:true inside HTTP 200', async () => {
		const r = await call('/order/update?id=999', { status: 1 });
		expect(r.status).toBe(200);
		expect(r.json).toEqual({ error: true, msg: SALEKIT_MSG.orderNotFound('999') });
	});

	it('status is required', async () => {
		expect((await call(`/order/update?id=${id}`, {})).json).toEqual({ error: true, msg: SALEKIT_MSG.required('status') });
	});

	it.each([8, -1])('status %i is refused and nothing changes', async (status) => {
		const r = await call(`/order/update?id=${id}`, { status });
		expect(r.json).toEqual({ error: true, msg: SALEKIT_MSG.orderStatus });
		expect(sim.orders.find((o) => o.id === id)!.status).toBe(0);
	});

	it('status "3" as a string is refused with strict types and accepted when lenient', async () => {
		expect((await call(`/order/update?id=${id}`, { status: '3' })).json.msg).toBe(SALEKIT_MSG.wrongType('status', 'số nguyên'));
		await control({ action: 'configure', strictTypes: false });
		expect((await call(`/order/update?id=${id}`, { status: '3' })).json.data.status).toBe(3);
	});
});

describe('POST /product/create', () => {
	const PRODUCT = { name: 'Cà phê sữa đá', type: 0, sku: 'CF-SUA-DA', unit_price: 30000, price_sale: 25000, unit_name: 'Ly' };

	it('creates the product and answers {status:200, msg:"OK", error:false, data:{id,...}}', async () => {
		const r = await call('/product/create', { ...PRODUCT, photos: ['https://photo.example/1.jpg'], category_id: 2, trademark: 4 });
		expect(r.status).toBe(200);
		expect(r.json).toMatchObject({ status: 200, msg: 'OK', error: false, data: { ...PRODUCT, category_id: 2, trademark: 4 } });
		expect(sim.products.find((p) => p.id === r.json.data.id)?.sku).toBe('CF-SUA-DA');
	});

	it('without productReturnsData the answer is exactly the documented one', async () => {
		await control({ action: 'configure', productReturnsData: false });
		expect((await call('/product/create', PRODUCT)).json).toEqual({ status: 200, msg: 'OK', error: false });
	});

	it.each(['name', 'type'])('%s is required', async (field) => {
		expect((await call('/product/create', without(PRODUCT, field))).json).toEqual({ error: true, msg: SALEKIT_MSG.required(field) });
	});

	it.each([0, 1, 2])('type %i (product, service, course) is accepted', async (type) => {
		expect((await call('/product/create', { ...PRODUCT, type })).json.data.type).toBe(type);
	});

	it.each([3, -1])('type %i is refused', async (type) => {
		expect((await call('/product/create', { ...PRODUCT, type })).json).toEqual({ error: true, msg: SALEKIT_MSG.productType });
	});

	it.each([
		['package_width', 1.5, 'số nguyên'],
		['category_id', 'đồ uống', 'số nguyên'],
		['weight', 'nặng', 'số'],
		['photos', 'https://photo.example/1.jpg', 'mảng'],
		['slug', 5, 'chuỗi'],
	])('%s = %p has the wrong JSON type', async (field, value, kind) => {
		expect((await call('/product/create', { ...PRODUCT, [field]: value })).json).toEqual({ error: true, msg: SALEKIT_MSG.wrongType(field, kind) });
	});

	it('photos must be an array of URLs', async () => {
		expect((await call('/product/create', { ...PRODUCT, photos: [1, ''] })).json).toEqual({ error: true, msg: SALEKIT_MSG.photos });
	});

	it.each(['unit_price', 'price_sale', 'weight'])('a negative %s is refused', async (field) => {
		expect((await call('/product/create', { ...PRODUCT, [field]: -1 })).json).toEqual({ error: true, msg: SALEKIT_MSG.negative(field) });
	});

	it('a duplicate sku → error:true inside HTTP 200, nothing created', async () => {
		await call('/product/create', PRODUCT);
		const count = sim.products.length;
		const r = await call('/product/create', { ...PRODUCT, name: 'Khác' });
		expect(r.status).toBe(200);
		expect(r.json).toEqual({ error: true, msg: SALEKIT_MSG.duplicateSku('CF-SUA-DA') });
		expect(sim.products.length).toBe(count);
	});

	it('a seeded sku counts as a duplicate', async () => {
		expect((await call('/product/create', { ...PRODUCT, sku: 'P-PHO' })).json.error).toBe(true);
	});

	it('duplicate skus are allowed when rejectDuplicateSku is off', async () => {
		await control({ action: 'configure', rejectDuplicateSku: false });
		await call('/product/create', PRODUCT);
		expect((await call('/product/create', PRODUCT)).json.error).toBe(false);
	});

	it('products without a sku never clash', async () => {
		await call('/product/create', without(PRODUCT, 'sku'));
		expect((await call('/product/create', without(PRODUCT, 'sku'))).json.error).toBe(false);
	});

	it('a created product can be ordered by its sku', async () => {
		await call('/product/create', PRODUCT);
		const r = await call('/order/create', orderBody({ products: [{ sku: 'CF-SUA-DA', quantity: 2 }] }));
		expect(r.json.data.products[0]).toMatchObject({ name: 'Cà phê sữa đá', price: 25000 });
	});
});

describe('configurable HTTP status per error kind', () => {
	it.each([
		['validation', 422, () => call('/audience/create', {})],
		['notFound', 404, () => call('/order/update?id=1', { status: 1 })],
		['conflict', 409, () => call('/product/create', { name: 'x', type: 0, sku: 'P-PHO' })],
		['auth', 403, () => call('/product/create', {}, { token: 'x' })],
	])('%s errors can answer %i', async (kind, status, send) => {
		await control({ action: 'configure', errorStatus: { [kind]: status } });
		const r = await send();
		expect(r.status).toBe(status);
		expect(r.json.error).toBe(true);
	});

	it('defaults: auth 401, every other kind 200', () => {
		expect(sim.options.errorStatus).toEqual({ auth: 401, validation: 200, notFound: 200, conflict: 200 });
	});

	it('the statuses can also be given when the simulator is created', () => {
		expect(createSalekit({ errorStatus: { validation: 400 } as any }).options.errorStatus).toEqual({
			auth: 401,
			validation: 400,
			notFound: 200,
			conflict: 200,
		});
	});
});

describe('sync webhooks (Bán hàng > Đồng bộ)', () => {
	it('nothing is sent while no sync URL is configured', async () => {
		await call('/order/create', orderBody());
		await settled();
		expect(received).toHaveLength(0);
		expect(sim.syncHistory).toHaveLength(0);
	});

	it('order create → POST to "API tạo đơn" with the order detail plus event, unsigned JSON', async () => {
		await useSyncUrls();
		const order = (await call('/order/create', orderBody())).json.data;
		await settled();
		expect(received).toHaveLength(1);
		expect(received[0].path).toBe('/created');
		expect(received[0].body).toEqual({ event: 'order_created', ...order });
		expect(received[0].headers['content-type']).toBe('application/json');
		expect(Object.keys(received[0].headers).filter((h) => /sign|hmac|token/i.test(h))).toEqual([]);
		expect(sim.syncHistory[0]).toMatchObject({ event: 'order_created', order_id: order.id, state: 'success', http_status: 200, attempts: 1 });
	});

	it('order/update with a new status → "API cập nhật trạng thái xử lý"', async () => {
		await useSyncUrls();
		const id = (await call('/order/create', orderBody())).json.data.id;
		await call(`/order/update?id=${id}`, { status: 2 });
		await settled();
		expect(received.map((r) => r.path)).toEqual(['/created', '/status']);
		expect(received[1].body).toMatchObject({ event: 'order_status_changed', id, status: 2 });
	});

	it('order/update with the same status sends nothing', async () => {
		await useSyncUrls();
		const id = (await call('/order/create', orderBody({ status: 1 }))).json.data.id;
		await call(`/order/update?id=${id}`, { status: 1 });
		await settled();
		expect(received.map((r) => r.path)).toEqual(['/created']);
	});

	it('a payment change (control payOrder) → "API cập nhật trạng thái thanh toán"', async () => {
		await useSyncUrls();
		const id = sim.orders.find((o) => o.pay_status === 0)!.id;
		const answer = await control({ action: 'payOrder', id });
		await settled();
		expect(answer).toMatchObject({ ok: true, record: { id, pay_status: 1 } });
		expect(received).toHaveLength(1);
		expect(received[0].path).toBe('/payment');
		expect(received[0].body).toMatchObject({ event: 'order_payment_changed', id, pay_status: 1 });
		expect(typeof received[0].body.pay_time).toBe('number');
	});

	it('paying an already paid order sends nothing; marking it unpaid does', async () => {
		await useSyncUrls();
		const id = sim.orders.find((o) => o.pay_status === 1)!.id;
		await control({ action: 'payOrder', id });
		await control({ action: 'payOrder', id, pay_status: 0 });
		await settled();
		expect(received.map((r) => r.body.pay_status)).toEqual([0]);
	});

	it('an admin status change (control changeStatus) is synced', async () => {
		await useSyncUrls();
		const id = sim.orders[0].id;
		await control({ action: 'changeStatus', id, status: 7 });
		await settled();
		expect(received[0]).toMatchObject({ path: '/status', body: { event: 'order_status_changed', id, status: 7 } });
	});

	it('control actions on an unknown order or with a bad status answer ok:false', async () => {
		expect(await control({ action: 'payOrder', id: 1 })).toMatchObject({ ok: false });
		expect(await control({ action: 'changeStatus', id: sim.orders[0].id, status: 9 })).toMatchObject({ ok: false });
		expect(await control({ action: 'resync', id: 42 })).toMatchObject({ ok: false });
		expect(await control({ action: 'fly' })).toMatchObject({ ok: false });
	});

	it('each event goes only to its own URL; an empty URL switches that event off', async () => {
		await control({ action: 'setSyncUrls', orderCreated: '', statusChanged: `${hookBase}/status`, paymentChanged: '' });
		const id = (await call('/order/create', orderBody())).json.data.id;
		await call(`/order/update?id=${id}`, { status: 1 });
		await control({ action: 'payOrder', id });
		await settled();
		expect(received.map((r) => r.path)).toEqual(['/status']);
	});

	it('deliveries arrive in the order the changes happened', async () => {
		await useSyncUrls();
		const id = (await call('/order/create', orderBody())).json.data.id;
		for (const status of [1, 2, 3]) await call(`/order/update?id=${id}`, { status });
		await control({ action: 'payOrder', id });
		await settled();
		expect(received.map((r) => `${r.body.event}:${r.body.status}`)).toEqual([
			'order_created:0',
			'order_status_changed:1',
			'order_status_changed:2',
			'order_status_changed:3',
			'order_payment_changed:3',
		]);
	});

	it('a failed delivery is recorded as failed in the sync history (no retry by default)', async () => {
		await useSyncUrls();
		scripted.set('/created', [500]);
		await call('/order/create', orderBody());
		await settled();
		expect(received).toHaveLength(1);
		expect(sim.syncHistory[0]).toMatchObject({ state: 'failed', http_status: 500, attempts: 1 });
	});

	it('an unreachable URL is recorded as failed with status 0', async () => {
		await control({ action: 'setSyncUrls', orderCreated: 'http://127.0.0.1:9/closed' });
		await call('/order/create', orderBody());
		await settled();
		expect(sim.syncHistory[0]).toMatchObject({ state: 'failed', http_status: 0 });
	});

	it('retries are configurable', async () => {
		await useSyncUrls();
		await control({ action: 'configure', syncRetries: 2 });
		scripted.set('/created', [503, 502]);
		await call('/order/create', orderBody());
		await settled();
		expect(received).toHaveLength(3);
		expect(sim.syncHistory[0]).toMatchObject({ state: 'success', attempts: 3 });
	});

	it('resync re-sends an identical payload (a duplicate the trigger must drop) and logs it as a resend', async () => {
		await useSyncUrls();
		await call('/order/create', orderBody());
		await settled();
		const answer = await control({ action: 'resync', id: sim.syncHistory[0].id });
		await settled();
		expect(answer).toMatchObject({ ok: true, record: { resend_of: sim.syncHistory[0].id, event: 'order_created' } });
		expect(received).toHaveLength(2);
		expect(received[1].body).toEqual(received[0].body);
		expect(sim.syncHistory.map((h) => [h.id, h.resend_of, h.state])).toEqual([
			[1, null, 'success'],
			[2, 1, 'success'],
		]);
	});

	it('resync of a failed delivery goes to the URL configured now', async () => {
		await control({ action: 'setSyncUrls', orderCreated: 'http://127.0.0.1:9/closed' });
		await call('/order/create', orderBody());
		await settled();
		await useSyncUrls();
		await control({ action: 'resync', id: 1 });
		await settled();
		expect(received.map((r) => r.path)).toEqual(['/created']);
		expect(sim.syncHistory[1]).toMatchObject({ state: 'success', url: `${hookBase}/created` });
	});

	it('the wrapped payload option sends {event, data: order}', async () => {
		await useSyncUrls();
		await control({ action: 'configure', syncPayload: 'wrapped' });
		const order = (await call('/order/create', orderBody())).json.data;
		await settled();
		expect(received[0].body).toEqual({ event: 'order_created', data: order });
	});

	it('with syncOnApiWrites off, API writes are not synced but admin changes are', async () => {
		await useSyncUrls();
		await control({ action: 'configure', syncOnApiWrites: false });
		const id = (await call('/order/create', orderBody())).json.data.id;
		await call(`/order/update?id=${id}`, { status: 3 });
		await control({ action: 'payOrder', id });
		await settled();
		expect(received.map((r) => r.path)).toEqual(['/payment']);
	});

	it('the sync history and URLs are visible in the state endpoint', async () => {
		await useSyncUrls();
		await call('/order/create', orderBody());
		await settled();
		const state: any = await (await fetch(`${server.baseUrl}/__sandbox/state/salekit`)).json();
		expect(state.syncUrls.orderCreated).toBe(`${hookBase}/created`);
		expect(state.syncHistory).toHaveLength(1);
	});
});

describe('seeded data, reset and inspection', () => {
	it('seeds Vietnamese customers with tags, products and orders', () => {
		expect(sim.audiences).toHaveLength(5);
		expect(sim.audiences.every((a) => a.email?.endsWith('.vn'))).toBe(true);
		expect(sim.audiences.some((a) => a.tags.includes('Đã mua'))).toBe(true);
		expect(sim.products.map((p) => p.sku)).toContain('P-PHO');
		expect(sim.orders).toHaveLength(3);
		expect([...sim.tags]).toEqual(expect.arrayContaining(['Khách hàng mới', 'Đã mua', 'VIP']));
	});

	it('the seed is deterministic', () => {
		expect(createSalekit().snapshot().audiences).toEqual(createSalekit().snapshot().audiences);
	});

	it('large seeds are generated whole', () => {
		const big = createSalekit({ seedAudiences: 100_000, seedOrders: 1000 });
		expect(big.audiences).toHaveLength(100_000);
		expect(big.orders).toHaveLength(1000);
	});

	it('reset restores the seed, the options and clears the sync settings', async () => {
		await control({ action: 'configure', audienceRequired: [], tagOrder: 'removeThenAdd' });
		await useSyncUrls();
		await call('/audience/create', { phone: '0909000111' });
		await fetch(`${server.baseUrl}/__sandbox/reset/salekit`, { method: 'POST' });
		expect(sim.audiences).toHaveLength(5);
		expect(sim.options.audienceRequired).toEqual(['full_name', 'email']);
		expect(sim.options.tagOrder).toBe('addThenRemove');
		expect(sim.syncUrls).toEqual({ orderCreated: '', statusChanged: '', paymentChanged: '' });
	});

	it('the request log masks the Token header', async () => {
		await call('/audience/create', AUDIENCE);
		const entry = server.requests('salekit')[0];
		expect(entry.headers.token).not.toContain(TOKEN.slice(5));
		expect(entry.status).toBe(200);
	});

	it('an injected 429 answers in the error:true envelope', async () => {
		sim.setFaults({ next429: 1 });
		const r = await call('/audience/create', AUDIENCE);
		expect(r.status).toBe(429);
		expect(r.json).toEqual({ error: true, msg: SALEKIT_MSG.rateLimited });
	});
});
