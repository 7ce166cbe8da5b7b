/**
 * Salekit simulator: audiences (customers).
 *
 *   POST /audience/create   create or update (seed 004) → {error:false, msg:"Thành công"}
 *   GET  /audience/create   [INF] the credential test: refused as a create without fields, never creates
 */
import { person, seededTime } from '../data';
import { SALEKIT_MSG } from './messages';
import { type Audience, type AudienceField, GENDERS, salekitTime } from './model';
import { type Body, EMAIL_RE, fail, Failure, isAbsent, isPhone, type Kind, KIND_WORDS, phoneDigits, readFields } from './validation';
import type { SalekitSim } from './index';

const AUDIENCE_FIELDS: Record<string, Kind> = {
	full_name: 'string',
	email: 'string',
	phone: 'string',
	src: 'string',
	cid: 'string',
	gender: 'string',
	address: 'string',
	note: 'string',
	custom_field: 'object',
	type: 'int',
};

/** "Đã mua, Khách hàng mới" → ['Đã mua', 'Khách hàng mới']; NFC so composed and decomposed accents match. */
export function splitTags(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map(String) : String(value ?? '').split(',');
	return [...new Set(parts.map((t) => t.normalize('NFC').trim()).filter(Boolean))];
}

export function upsertAudience(sim: SalekitSim, body: Body): Record<string, unknown> | Failure {
	const read = readFields(body, AUDIENCE_FIELDS, sim.options.audienceRequired, sim.options.strictTypes);
	if ('error' in read) return fail('validation', read.error);
	const v = read.values;
	// [INF] Even when nothing is configured as required, a record needs something to identify it.
	if (v.full_name === undefined && v.email === undefined && v.phone === undefined) {
		return fail('validation', SALEKIT_MSG.needContact);
	}
	const problem = checkAudienceValues(sim, v) ?? checkTagFields(sim, body) ?? checkCustomFields(sim, v.custom_field);
	if (problem) return fail('validation', problem);

	const existing = findAudience(sim, v);
	const audience = existing ?? newAudience(sim);
	applyAudience(sim, audience, v);
	applyTags(sim, audience, splitTags(body.tag), splitTags(body.un_tag));
	if (!existing) sim.audiences.push(audience);

	const answer: Record<string, unknown> = { error: false, msg: SALEKIT_MSG.success };
	if (sim.options.audienceReturnsData) answer.data = structuredClone(audience); // [INF]
	return answer;
}

/** [INF] A GET carries no fields: refused as an empty create would be, without ever creating. */
export function refuseBodilessAudience(sim: SalekitSim): Failure {
	const read = readFields({}, AUDIENCE_FIELDS, sim.options.audienceRequired, sim.options.strictTypes);
	return fail('validation', 'error' in read ? read.error : SALEKIT_MSG.needContact);
}

function checkAudienceValues(sim: SalekitSim, v: Record<string, any>): string | undefined {
	if (v.email !== undefined && sim.options.validateEmail && !EMAIL_RE.test(v.email)) return SALEKIT_MSG.email;
	if (v.phone !== undefined && sim.options.validatePhone && !isPhone(v.phone)) return SALEKIT_MSG.phone;
	if (v.gender !== undefined && !GENDERS.includes(v.gender.normalize('NFC'))) return SALEKIT_MSG.gender;
	if (v.type !== undefined && (v.type < 0 || v.type > 7)) return SALEKIT_MSG.audienceType;
	return undefined;
}

/** `tag` and `un_tag` are documented as String (comma-separated); arrays only when types are lenient. */
function checkTagFields(sim: SalekitSim, body: Body): string | undefined {
	for (const field of ['tag', 'un_tag']) {
		const value = body[field];
		if (isAbsent(value) || typeof value === 'string') continue;
		const lenientArray = !sim.options.strictTypes && Array.isArray(value) && value.every((t) => typeof t === 'string');
		if (!lenientArray) return SALEKIT_MSG.wrongType(field, KIND_WORDS.string);
	}
	return undefined;
}

function checkCustomFields(sim: SalekitSim, custom: Record<string, unknown> | undefined): string | undefined {
	for (const [key, value] of Object.entries(custom ?? {})) {
		if (!sim.customAttributes.has(key)) return SALEKIT_MSG.customFieldUnknown(key);
		if (typeof value !== 'string' && typeof value !== 'number') return SALEKIT_MSG.customFieldValue(key);
	}
	return undefined;
}

/** [INF] Dedupe: the first configured key (email, then phone) that matches an existing audience. */
function findAudience(sim: SalekitSim, v: Record<string, any>): Audience | undefined {
	for (const key of sim.options.dedupeKeys) {
		if (v[key] === undefined) continue;
		const found = sim.audiences.find((a) => a[key] !== null && sameKey(key, a[key] as string, v[key]));
		if (found) return found;
	}
	return undefined;
}

function newAudience(sim: SalekitSim): Audience {
	const at = sim.now();
	return {
		id: sim.nextAudienceId++,
		full_name: null,
		email: null,
		phone: null,
		tags: [],
		src: null,
		cid: null,
		gender: null,
		address: null,
		note: null,
		custom_field: {},
		type: 0, // [INF] "Customer" when not sent
		created_at: at,
		updated_at: at,
	};
}

/** [INF] An update only overwrites fields that were sent; custom fields merge key by key. */
function applyAudience(sim: SalekitSim, a: Audience, v: Record<string, any>): void {
	for (const key of ['full_name', 'email', 'phone', 'src', 'cid', 'address', 'note', 'type'] as const) {
		if (v[key] !== undefined) (a as any)[key] = v[key];
	}
	if (v.gender !== undefined) a.gender = v.gender.normalize('NFC');
	if (v.custom_field) Object.assign(a.custom_field, v.custom_field);
	a.updated_at = sim.now();
}

/** Tags are auto-created shop-wide when first used; un_tag only detaches (unknown names are ignored). */
function applyTags(sim: SalekitSim, a: Audience, add: string[], remove: string[]): void {
	const attach = () => {
		for (const tag of add) {
			sim.tags.add(tag);
			if (!a.tags.includes(tag)) a.tags.push(tag);
		}
	};
	const detach = () => {
		a.tags = a.tags.filter((t) => !remove.includes(t));
	};
	if (sim.options.tagOrder === 'addThenRemove') {
		attach();
		detach();
	} else {
		detach();
		attach();
	}
}

/** Same matching as the upsert's dedupe: email case-insensitive, phone by digits. */
export function sameKey(key: AudienceField, stored: string, sent: string): boolean {
	if (key === 'email') return stored.toLowerCase() === sent.toLowerCase();
	if (key === 'phone') return phoneDigits(stored) === phoneDigits(sent);
	return stored === sent;
}

/** Vietnamese people from the shared generator (every fourth person is from VN). */
export function seedAudiences(sim: SalekitSim, count: number): void {
	const tagSets = [['Khách hàng mới'], ['Đã mua'], ['Đã mua', 'VIP'], []];
	for (let i = 0; i < count; i++) {
		const p = person(i * 4 + 1);
		const at = salekitTime(new Date(seededTime(i)));
		sim.audiences.push({
			id: sim.nextAudienceId++,
			full_name: p.fullName,
			email: p.email,
			phone: p.mobile,
			tags: [...tagSets[i % tagSets.length]],
			src: i % 2 === 0 ? 'chatbot' : 'landing_page',
			cid: null,
			gender: p.firstName.includes('Thị') || p.firstName.includes('Thu') ? 'Nữ' : 'Nam',
			address: `${p.street}, ${p.city}`,
			note: null,
			custom_field: { ma_khach: `KH${String(i + 1).padStart(5, '0')}` },
			type: i % 3 === 2 ? 1 : 0,
			created_at: at,
			updated_at: at,
		});
	}
}
