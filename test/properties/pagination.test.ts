/**
 * `paginate` against a fake vendor built from random page lists: it returns exactly the items up to
 * the end or the limit, asks for no page it does not need, and stops with a clear error instead of
 * looping when the vendor repeats a page position.
 */
import fc from 'fast-check';
import { NodeApiError } from 'n8n-workflow';

import { cursorPage, keysetPage, numberedPage, offsetPage, paginate, type Page, type PageWindow } from '../../nodes/shared/pagination';
import type { RequestContext } from '../../nodes/shared/transport';
import { NODE, propertySuite } from './support';

const tally = propertySuite('pagination');

const ctx = { getNode: () => NODE } as unknown as RequestContext;

interface FakePage {
	items: number[];
	next?: string | number | null;
}

/** A vendor that serves `pages` in order (whatever position it is asked for) and counts requests. */
function fakeVendor(pages: FakePage[]) {
	const calls: Array<{ start: unknown; size: number }> = [];
	const fetchPage = async (start: string | number | undefined, size: number): Promise<Page<number>> => {
		calls.push({ start, size });
		const page = pages[calls.length - 1] ?? { items: [] };
		return { items: [...page.items], next: page.next ?? undefined };
	};
	return { calls, fetchPage };
}

const MAX_PAGE = 5;
const END = fc.constantFrom(undefined, null, '');

/** Pages whose positions never repeat, numbered so items show where they came from. */
const distinctPages = fc
	.array(fc.integer({ min: 0, max: MAX_PAGE }), { minLength: 1, maxLength: 8 })
	.chain((sizes) => fc.tuple(fc.constant(sizes), END, fc.boolean()))
	.map(([sizes, end, numeric]) => {
		let n = 0;
		return sizes.map((size, i) => ({
			items: Array.from({ length: size }, () => ++n),
			next: i === sizes.length - 1 ? end : numeric ? i + 1 : `cursor-${i + 1}`,
		}));
	});

/** Pages whose next positions come from a small pool, so they often repeat. */
const repeatingPages = fc.array(
	fc.record({ items: fc.array(fc.nat({ max: 999 }), { minLength: 1, maxLength: MAX_PAGE }), next: fc.constantFrom<string | number>('a', 'b', 'c', 1, '1') }),
	{ minLength: 2, maxLength: 8 },
);

const window = (returnAll: boolean, limit: number): PageWindow => ({ returnAll, limit, maxPageSize: MAX_PAGE });

/** Where paging must stop on its own: the first empty page or a page without a next position. */
function naturalEnd(pages: FakePage[]): number {
	const i = pages.findIndex((p) => p.items.length === 0 || p.next === undefined || p.next === null || p.next === '');
	return i === -1 ? pages.length : i;
}

describe('paginate', () => {
	it('Return All: exactly every item, one request per page', async () => {
		await tally.check(
			'returnAll returns the concatenation and fetches each page once',
			fc.asyncProperty(distinctPages, async (pages) => {
				const vendor = fakeVendor(pages);
				const out = await paginate(ctx, 'Fake', window(true, 0), vendor.fetchPage);
				const last = naturalEnd(pages);
				const used = pages.slice(0, Math.min(last + 1, pages.length));
				expect(out).toEqual(used.flatMap((p) => p.items));
				expect(vendor.calls).toHaveLength(used.length);
				expect(vendor.calls[0].start).toBeUndefined();
				vendor.calls.slice(1).forEach((c, i) => expect(c.start).toBe(pages[i].next));
			}),
		);
	});

	it('Limit: exactly the first N items, never a page more than needed', async () => {
		await tally.check(
			'limit returns the first N items without extra requests',
			fc.asyncProperty(distinctPages, fc.integer({ min: 1, max: 40 }), async (pages, limit) => {
				const vendor = fakeVendor(pages);
				const out = await paginate(ctx, 'Fake', window(false, limit), vendor.fetchPage);
				const last = naturalEnd(pages);
				const available = pages.slice(0, Math.min(last + 1, pages.length)).flatMap((p) => p.items);
				expect(out).toEqual(available.slice(0, limit));
				// Pages needed: up to the one that fills the limit, or to the natural end.
				let needed = 0;
				let got = 0;
				while (needed < Math.min(last + 1, pages.length) && got < limit) got += pages[needed++].items.length;
				expect(vendor.calls).toHaveLength(needed);
				let asked = 0;
				for (const c of vendor.calls) {
					expect(c.size).toBeGreaterThanOrEqual(1);
					expect(c.size).toBe(Math.min(MAX_PAGE, limit - asked));
					asked += pages[vendor.calls.indexOf(c)].items.length;
				}
			}),
		);
	});

	it('a repeating page position: a clear error, never a loop', async () => {
		await tally.check(
			'repeating cursors: items up to the limit, or a clear error; bounded requests',
			fc.asyncProperty(repeatingPages, fc.boolean(), fc.integer({ min: 1, max: 30 }), fc.nat({ max: 9 }), async (pages, returnAll, limit, itemIndex) => {
				const vendor = fakeVendor(pages);
				const positions = pages.map((p) => String(p.next));
				const repeat = positions.findIndex((pos, i) => positions.indexOf(pos) < i);
				const all = pages.flatMap((p) => p.items);
				const readThrough = (i: number) => pages.slice(0, i + 1).flatMap((p) => p.items).length;
				let outcome: { items: number[] } | { error: Error };
				try {
					outcome = { items: await paginate(ctx, 'Fake', window(returnAll, limit), vendor.fetchPage, itemIndex) };
				} catch (error) {
					outcome = { error: error as Error };
				}
				const limitReachedBefore = !returnAll && repeat > 0 && readThrough(repeat - 1) >= limit;
				const limitReachedAt = !returnAll && repeat > 0 && readThrough(repeat) >= limit;
				if (repeat === -1 || limitReachedBefore) {
					expect(outcome).toEqual({ items: returnAll ? all : all.slice(0, limit) });
				} else if ('error' in outcome) {
					expect(outcome.error).toBeInstanceOf(NodeApiError);
					expect(outcome.error.message).toMatch(/^Fake returned the same page position twice \("[^"]*"\), so paging stopped to avoid an endless loop$/);
					expect((outcome.error as NodeApiError).description).toBe(`${readThrough(repeat)} items were read before this happened. Try again; if it repeats, narrow the filters.`);
					expect(vendor.calls).toHaveLength(repeat + 1);
				} else {
					// The page that repeats also fills the limit: every item asked for was read.
					expect(limitReachedAt).toBe(true);
					expect(outcome.items).toEqual(all.slice(0, limit));
				}
				if (limitReachedAt) expect(outcome).toEqual({ items: all.slice(0, limit) });
				expect(vendor.calls.length).toBeLessThanOrEqual(new Set(positions).size + 1);
			}),
		);
	});

	// The limit is checked before the repeat, so a full result is never thrown away.
	it('with Limit 2, pages [{items:[1],next:"a"},{items:[2],next:"a"}] give both items', async () => {
		const vendor = fakeVendor([
			{ items: [1], next: 'a' },
			{ items: [2], next: 'a' },
		]);
		await expect(paginate(ctx, 'Fake', window(false, 2), vendor.fetchPage)).resolves.toEqual([1, 2]);
	});

	// maxPages used to end the loop without telling anyone: Return All gave a silent partial list.
	it('fails clearly when maxPages ends paging with more to read, and not when the pages end there', async () => {
		const pages = [
			{ items: [1], next: 'a' },
			{ items: [2], next: 'b' },
			{ items: [3], next: 'c' },
		];
		const vendor = fakeVendor(pages);
		await expect(paginate(ctx, 'Fake', { ...window(true, 0), maxPages: 2 }, vendor.fetchPage, 3)).rejects.toMatchObject({
			message: 'Fake had more than 2 pages to read, so paging stopped before the end',
			description: '2 items were read. Narrow the filters, or use a Limit, to read fewer.',
		});
		expect(vendor.calls).toHaveLength(2);
		await expect(paginate(ctx, 'Fake', { ...window(false, 10), maxPages: 2 }, fakeVendor(pages).fetchPage)).rejects.toThrow(/more than 2 pages/);
		await expect(paginate(ctx, 'Fake', { ...window(false, 2), maxPages: 2 }, fakeVendor(pages).fetchPage)).resolves.toEqual([1, 2]);
		await expect(paginate(ctx, 'Fake', { ...window(true, 0), maxPages: 2 }, fakeVendor([pages[0], { items: [2] }]).fetchPage)).resolves.toEqual([1, 2]);
	});
});

describe('page adapters', () => {
	it('read any vendor answer into a page without throwing', async () => {
		await tally.check(
			'cursorPage / numberedPage / offsetPage / keysetPage never throw and give an item array',
			fc.property(fc.jsonValue({ maxDepth: 3 }), fc.nat({ max: 50 }), fc.array(fc.record({ id: fc.oneof(fc.nat(), fc.string()) }), { maxLength: 6 }), fc.integer({ min: 1, max: 6 }), (body, requested, rows, size) => {
				for (const page of [cursorPage(body), numberedPage(body, requested)]) expect(Array.isArray(page.items)).toBe(true);
				const offset = offsetPage(rows, requested, size);
				expect(offset.next === undefined || offset.next === requested + rows.length).toBe(true);
				const keyset = keysetPage(rows, size);
				if (rows.length < size) expect(keyset.next).toBeUndefined();
				else expect(keyset.next).toBe(String(rows[rows.length - 1].id));
			}),
		);
	});

	tally.summaryTest();
});
