/**
 * The shared record-picker helpers: reading old plain text and picker values, the checks, and one
 * offset-paged search page (what every vendor's "From List" relies on).
 */
import { locatorProblem, locatorProperty, locatorValue, offsetSearchPage, searchText, type RecordLocator } from '../../nodes/shared/locator';

const customer: RecordLocator = {
	name: 'customerCode',
	displayName: 'Customer',
	description: 'The customer',
	searchListMethod: 'searchCustomers',
	key: { mode: 'code', label: 'Customer Code', placeholder: 'e.g. C000123', regex: '^\\S+$', format: 'a code without spaces, e.g. C000123' },
};

describe('locatorValue reads what n8n hands over', () => {
	it.each([
		['C000123', 'C000123'],
		['  C000123 ', 'C000123'],
		[5001, '5001'],
		[{ __rl: true, mode: 'list', value: 'C000123', cachedResultName: 'Somchai' }, 'C000123'],
		[{ __rl: true, mode: 'code', value: ' C000123 ' }, 'C000123'],
		[{ __rl: true, mode: 'id', value: 5001 }, '5001'],
		[{ __rl: true, mode: 'list', value: '' }, ''],
		[{ __rl: true, mode: 'list', value: null }, ''],
		[undefined, ''],
		[null, ''],
		[{ unrelated: 'object' }, ''],
		[['C000123'], ''],
	])('%j → %j', (raw, want) => {
		expect(locatorValue(raw)).toBe(want);
	});
});

describe('locatorProblem', () => {
	it('names the field and the way out', () => {
		expect(locatorProblem(customer, '')).toBe('"Customer" is required: pick one from the list or enter its code');
		expect(locatorProblem(customer, 'C 1')).toBe('"Customer" must be a code without spaces, e.g. C000123 (got "C 1")');
		expect(locatorProblem(customer, 'C000123')).toBeUndefined();
		expect(locatorProblem({ ...customer, key: { ...customer.key, mode: 'id' } }, '')).toMatch(/enter its ID$/);
	});
});

describe('locatorProperty', () => {
	it('is a resource locator keeping the old parameter name, From List first and the typed mode validated', () => {
		const p = locatorProperty(customer);
		expect(p).toMatchObject({ name: 'customerCode', type: 'resourceLocator', required: true, default: { mode: 'list', value: '' } });
		expect(p.modes?.map((m) => [m.name, m.displayName])).toEqual([
			['list', 'From List'],
			['code', 'By Code'],
		]);
		expect(p.modes?.[0].typeOptions).toEqual({ searchListMethod: 'searchCustomers', searchable: true });
		expect(p.modes?.[1].validation).toEqual([{ type: 'regex', properties: { regex: '^\\S+$', errorMessage: 'Customer Code must be a code without spaces, e.g. C000123' } }]);
		expect(locatorProperty(customer, false).required).toBeUndefined();
	});
});

describe('offsetSearchPage', () => {
	const records = Array.from({ length: 120 }, (_, n) => ({ code: `C${n}` }));
	const fetchPage = jest.fn(async (offset: number, size: number) => records.slice(offset, offset + size));
	const item = (r: { code: string }) => ({ name: r.code, value: r.code });

	it('pages by offset until a short page, each record once', async () => {
		const seen: string[] = [];
		let token: string | undefined;
		let pages = 0;
		do {
			const page = await offsetSearchPage(token, fetchPage, item);
			seen.push(...page.results.map((r) => String(r.value)));
			token = page.paginationToken as string | undefined;
			pages++;
		} while (token && pages < 10);
		expect(pages).toBe(3);
		expect(seen).toEqual(records.map((r) => r.code));
	});

	it('starts over on a token it cannot read', async () => {
		for (const token of ['', 'abc', '-50', '1e400']) {
			fetchPage.mockClear();
			await offsetSearchPage(token, fetchPage, item);
			expect(fetchPage).toHaveBeenCalledWith(0, 50);
		}
	});

	it('leaves out records without a value and still pages by what was read', async () => {
		const page = await offsetSearchPage(undefined, async () => [{ code: '' }, ...records.slice(0, 49)], (r) => (r.code ? item(r) : undefined));
		expect(page.results).toHaveLength(49);
		expect(page.paginationToken).toBe('50');
	});

	it('searchText trims and treats blank as no search', () => {
		expect(searchText('  ชา ')).toBe('ชา');
		expect(searchText('   ')).toBeUndefined();
		expect(searchText(undefined)).toBeUndefined();
	});
});
