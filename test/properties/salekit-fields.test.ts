/**
 * Salekit's field tables (audience, order with product lines, product): every body the tables allow
 * parses unchanged; one wrong field is refused naming it; random input gives a conforming body or a
 * clear, labelled refusal. The audience mapper sends exactly what was validated, in Salekit's form.
 */
import fc from 'fast-check';
import { NodeOperationError } from 'n8n-workflow';
import type { ZodTypeAny } from 'zod';

import { fieldLabels, type Field } from '../../nodes/shared/fields';
import { validateInput } from '../../nodes/shared/validation';
import { audienceFields, audienceSchema, GENDER_VALUES, orderFields, orderLineFields, orderSchema, productFields, productSchema } from '../../nodes/Salekit/fields';
import { toSalekitAudience } from '../../nodes/Salekit/actions/audience/shared';
import { bodyWithOneBadField, conforms, hugeText, NODE, plainEmail, propertySuite, RAW_JS, unicodeText, validBody, validValue, wrongType, type Overrides } from './support';

const tally = propertySuite('salekit-fields');

const money = fc.double({ min: 0, max: 1e12, noNaN: true, noDefaultInfinity: true });
const orderLine = validBody(orderLineFields, { quantity: fc.integer({ min: 1, max: 10_000 }), price: money }).filter(
	(l) => l.product_id !== undefined || !!l.sku,
);
/** Tags never hold a comma (Salekit would read two tags); see the comma test below. */
const tags = fc.array(unicodeText({ minLength: 1, maxLength: 12 }).filter((t) => !t.includes(',')), { maxLength: 4 });
const overrides: Overrides = {
	email: plainEmail,
	tag: tags,
	un_tag: tags,
	quantity: fc.integer({ min: 1, max: 10_000 }),
	products: fc.array(orderLine, { minLength: 1, maxLength: 3 }),
	...Object.fromEntries(['price', 'total_price', 'total_pay', 'discount', 'ship_fee', 'pay_fee', 'revenue', 'commission', 'unit_price', 'price_sale'].map((k) => [k, money])),
};
/** Wrong values for the fields whose own schema is stricter than their type. */
const badOverrides: Overrides = {
	tag: fc.constantFrom(['a,b'], ['ok', ','], [''], null, 'a,b'),
	un_tag: fc.constantFrom(['a,b'], [''], [1], null),
	email: fc.oneof(fc.constantFrom('no-mail', 'nva@', '@example.vn', 'nguyễn@ví-dụ.vn', 'a b@c.de', ''), fc.constant(null), fc.integer()),
	products: fc.oneof(fc.constant([]), fc.constant([{ quantity: 1 }]), fc.constant([{ sku: 'A', quantity: 0 }]), fc.constant([{ sku: 'A', quantity: 1.5 }]), fc.constant([{ sku: 'A', quantity: 1, price: -1 }]), fc.constant(null)),
	...Object.fromEntries(['total_price', 'total_pay', 'discount', 'ship_fee', 'pay_fee', 'revenue', 'commission', 'unit_price', 'price_sale'].map((k) => [k, fc.oneof(fc.constantFrom(-1, -0.01, Number.NaN, '100'), fc.constant(null))])),
};

const TABLES: Array<{ name: string; fields: Field[]; schema: ZodTypeAny }> = [
	{ name: 'audience', fields: audienceFields, schema: audienceSchema },
	{ name: 'order', fields: orderFields, schema: orderSchema },
	{ name: 'product', fields: productFields, schema: productSchema },
];

function refusal(schema: ZodTypeAny, fields: Field[], body: unknown, itemIndex: number): string | undefined {
	try {
		validateInput(NODE, schema, body, itemIndex, fieldLabels(fields));
		return undefined;
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		const e = error as NodeOperationError;
		expect(e.description ?? '').not.toMatch(RAW_JS);
		return e.message;
	}
}

describe.each(TABLES)('Salekit $name table', ({ name, fields, schema }) => {
	it('accepts every body the table allows, unchanged', async () => {
		await tally.check(
			`${name}: valid bodies parse to themselves`,
			fc.property(validBody(fields, overrides), (body) => {
				const parsed = schema.safeParse(body);
				expect(parsed.success).toBe(true);
				expect(parsed.success && parsed.data).toEqual(body);
			}),
			100,
		);
	});

	it('refuses one wrong field, naming the item and the field', async () => {
		await tally.check(
			`${name}: one bad field refused with its label`,
			fc.property(bodyWithOneBadField(fields, overrides, badOverrides), fc.nat({ max: 99 }), ({ target, body }, itemIndex) => {
				const message = refusal(schema, fields, body, itemIndex);
				expect(message).toBeDefined();
				expect(message!.startsWith(`Item ${itemIndex + 1}: "${target.label}`)).toBe(true);
				expect(message).not.toMatch(RAW_JS);
			}),
			100,
		);
	});

	it('random Unicode, huge text, wrong types: a conforming body or a labelled refusal', async () => {
		const anyValue = (f: Field) => fc.oneof({ weight: 3, arbitrary: validValue(f, overrides) }, wrongType.filter((v) => v !== Infinity && v !== -Infinity), hugeText, unicodeText(), fc.constant(undefined));
		const body = fc.record(Object.fromEntries(fields.map((f) => [f.key, anyValue(f)])), { requiredKeys: [] });
		await tally.check(
			`${name}: random bodies conform or are refused`,
			fc.property(body, (input) => {
				const parsed = schema.safeParse(input);
				if (parsed.success) {
					for (const f of fields) expect({ key: f.key, ok: conforms(f, parsed.data[f.key]) }).toEqual({ key: f.key, ok: true });
					return;
				}
				const message = refusal(schema, fields, input, 0)!;
				const labels = fields.map((f) => `"${f.label}`);
				expect(labels.some((l) => message.startsWith(`Item 1: ${l}`))).toBe(true);
				expect(message).not.toMatch(RAW_JS);
			}),
			100,
		);
	});
});

describe('toSalekitAudience', () => {
	it('sends exactly the validated audience: tags joined by commas, gender in Vietnamese', async () => {
		await tally.check(
			'audience mapper keeps every value',
			fc.property(validBody(audienceFields, overrides), (body) => {
				const validated = audienceSchema.parse(body);
				const sent = toSalekitAudience(validated);
				for (const [key, value] of Object.entries(validated)) {
					if (key === 'tag' || key === 'un_tag') {
						const list = value as string[];
						if (list.length) expect(sent[key]).toBe(list.join(','));
						else expect(key in sent).toBe(false);
					} else if (key === 'gender') expect(sent.gender).toBe(GENDER_VALUES[value as 'male' | 'female']);
					else expect(sent[key]).toEqual(value);
				}
				expect(Object.keys(sent).every((k) => k in validated)).toBe(true);
			}),
			100,
		);
	});

	// money was z.number().nonnegative() without .finite(): Infinity passed, and JSON sent it as null.
	it('refuses Infinity in price and total fields (e.g. "Infinity" typed in Price)', () => {
		const body = { full_name: 'A', phone: '0989123456', total_price: 1, total_pay: 1, status: 0, products: [{ sku: 'A', quantity: 1, price: 1 }] };
		expect(orderSchema.safeParse(body).success).toBe(true);
		for (const bad of [{ total_price: Infinity }, { total_pay: -Infinity }, { products: [{ sku: 'A', quantity: 1, price: Infinity }] }]) {
			expect(refusal(orderSchema, orderFields, { ...body, ...bad }, 0)).toMatch(/^Item 1: "(Total Price|Total to Pay|Products › 1 › Price)" must be a finite number$/);
		}
		expect(productSchema.safeParse({ name: 'A', unit_price: Infinity }).success).toBe(false);
	});
	// A tag that contains a comma would become two tags once joined (only reachable with an array from an expression).
	it('refuses a tag containing a comma, naming the field', () => {
		expect(refusal(audienceSchema, audienceFields, { full_name: 'A', email: 'a@b.co', tag: ['a,b'] }, 0)).toMatch(/^Item 1: "Tags › 1" has a tag with a comma in it/);
		expect(refusal(audienceSchema, audienceFields, { full_name: 'A', email: 'a@b.co', un_tag: ['ok', 'x,y'] }, 0)).toMatch(/^Item 1: "Tags to Remove › 2" has a tag with a comma/);
		expect(audienceSchema.safeParse({ full_name: 'A', email: 'a@b.co', tag: ['Đã mua', 'VIP'] }).success).toBe(true);
	});

	tally.summaryTest();
});
