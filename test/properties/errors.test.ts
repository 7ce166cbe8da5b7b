/**
 * Error text from vendors: an HTML error page is reduced to bounded, readable words (never markup),
 * and whatever JSON a vendor answers with, the error details are found without throwing.
 */
import fc from 'fast-check';

import { genericErrorInfo, isHtml, mapEnvelopeFailure, mapHttpFailure, readableText } from '../../nodes/shared/errors';
import { NODE, propertySuite, RAW_JS, unicodeText } from './support';

const tally = propertySuite('errors');

/** Text without anything that could become markup once entities are decoded. */
const plainText = unicodeText({ maxLength: 30 }).map((s) => s.replace(/[<>&]/g, ' '));
const tagName = fc.constantFrom('html', 'head', 'body', 'title', 'h1', 'p', 'div', 'span', 'b', 'a', 'center', 'hr', 'br', 'pre', 'meta', 'link');
const attribute = fc
	.tuple(fc.stringMatching(/^[a-z][a-z-]{0,8}$/), unicodeText({ maxLength: 12 }).map((v) => v.replace(/["<>]/g, '')))
	.map(([name, value]) => ` ${name}="${value}"`);
const openTag = fc.tuple(tagName, fc.array(attribute, { maxLength: 2 }), fc.boolean()).map(([t, attrs, upper]) => `<${upper ? t.toUpperCase() : t}${attrs.join('')}>`);

/** Random HTML error pages: nested tags, scripts and styles, entities, doctype, comments. */
const htmlPage: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
	node: fc.oneof(
		{ depthSize: 'small', withCrossShrink: true },
		plainText,
		fc.constantFrom('&nbsp;', '&amp;', ' &copy; ', '<br/>', '<hr>', '<!DOCTYPE html>'),
		fc.tuple(fc.constantFrom('script', 'style'), plainText).map(([t, body]) => `<${t}>${body.replace(/</g, '')}</${t}>`),
		fc.tuple(openTag, fc.array(tie('node'), { maxLength: 4 })).map(([open, kids]) => `${open}${kids.join('')}</${open.slice(1).split(/[ >]/)[0]}>`),
	),
})).node.map((body) => `<html><head><title>${''}</title></head><body>${body}</body></html>`);

const pageWithTitle = fc.tuple(plainText, htmlPage).map(([title, page]) => page.replace('<title></title>', `<title>${title}</title>`));

const MARKUP = /<\/?[a-zA-Z!][^>]*>/;

describe('readableText / isHtml', () => {
	it('never returns markup, and stays within the limit', async () => {
		await tally.check(
			'HTML pages: no markup, bounded length',
			fc.property(fc.oneof(htmlPage, pageWithTitle), fc.integer({ min: 1, max: 400 }), (page, max) => {
				expect(isHtml(page)).toBe(true);
				const text = readableText(page, max);
				expect(text).not.toMatch(MARKUP);
				expect(text.length).toBeLessThanOrEqual(max + 1);
				expect(text).toBe(text.trim());
				expect(text).not.toMatch(/\s{2}/);
			}),
		);
	});

	it("uses the page's title when it has one", async () => {
		await tally.check(
			'the title wins',
			fc.property(plainText.filter((t) => t.trim() !== ''), htmlPage, (title, page) => {
				// A replacer function: a plain string would read `$` patterns in the title ("$`") as special.
				const text = readableText(page.replace('<title></title>', () => `<title>${title}</title>`), 10_000);
				expect(text).toBe(title.replace(/\s+/g, ' ').trim());
			}),
		);
	});

	it('bounds any text, huge or not, and never throws', async () => {
		await tally.check(
			'any text: bounded, never throws',
			fc.property(fc.oneof(unicodeText({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })), fc.integer({ min: 0, max: 300 }), (body, max) => {
				expect(readableText(body, max).length).toBeLessThanOrEqual(max + 1);
			}),
		);
	});

	// Entities are decoded before tags are removed, so an escaped tag cannot come back as a real one.
	it('never turns escaped markup into markup', async () => {
		expect(readableText('<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>')).not.toMatch(MARKUP);
		expect(readableText('<p>&lt;&lt;a&gt;b&gt; &amp;lt;i&amp;gt;</p>')).not.toMatch(MARKUP);
		await tally.check(
			'escaped markup stays text',
			fc.property(fc.array(fc.oneof(plainText, fc.constantFrom('&lt;', '&gt;', '&amp;', '&lt;/', 'script', 'b', '<', '>', '"', '&lt;!--')), { maxLength: 30 }), (parts) => {
				expect(readableText(`<html><body>${parts.join('')}</body></html>`, 10_000)).not.toMatch(MARKUP);
			}),
		);
	});
	// `<[^>]+>` was tried from every "<" to the end of the text when no ">" followed: quadratic time.
	it('takes linear time on pathological pages ("<" without ">", unclosed titles and scripts)', () => {
		for (const page of [`<html>${'<'.repeat(100_000)}`, `<html>${'<title>'.repeat(30_000)}`, `<html>${'<script>'.repeat(30_000)}`, `<html>${'&lt;'.repeat(50_000)}`, `<title>${'< '.repeat(100_000)}`]) {
			const started = Date.now();
			genericErrorInfo(page);
			readableText(page);
			expect(Date.now() - started).toBeLessThan(250);
		}
	});
});

describe('genericErrorInfo / error mapping', () => {
	it('never throws on any JSON a vendor can answer, and finds text only', async () => {
		const envelope = fc.record(
			{
				code: fc.jsonValue({ maxDepth: 1 }),
				message: fc.jsonValue({ maxDepth: 1 }),
				msg: fc.jsonValue({ maxDepth: 1 }),
				error: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.record({ code: fc.jsonValue({ maxDepth: 1 }), message: fc.jsonValue({ maxDepth: 1 }), description: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: [] })),
				status: fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.record({ code: fc.integer(), message: unicodeText() }, { requiredKeys: [] })),
				error_description: fc.jsonValue({ maxDepth: 1 }),
			},
			{ requiredKeys: [] },
		);
		await tally.check(
			'random JSON: code/message are text or absent, never throws',
			fc.property(fc.oneof(fc.jsonValue(), envelope, fc.string({ unit: 'binary', maxLength: 1000 }), htmlPage), (body) => {
				const info = genericErrorInfo(body);
				for (const value of [info.code, info.message]) expect(value === undefined || typeof value === 'string').toBe(true);
				if (typeof body === 'string') expect((info.message ?? '').length).toBeLessThanOrEqual(301);
			}),
		);
	});

	it('builds a message that names the vendor and status, in plain words', async () => {
		await tally.check(
			'mapHttpFailure / mapEnvelopeFailure: readable messages',
			fc.property(fc.integer({ min: 400, max: 599 }), fc.jsonValue(), unicodeText({ minLength: 1, maxLength: 12 }), fc.nat({ max: 99 }), (status, body, vendor, itemIndex) => {
				const info = genericErrorInfo(body);
				const http = mapHttpFailure(NODE, vendor, { status, body }, info, { itemIndex });
				expect(http.message.startsWith(`${vendor} `)).toBe(true);
				expect(http.message).toContain(`(${status})`);
				expect(http.httpCode).toBe(String(status));
				const envelope = mapEnvelopeFailure(NODE, vendor, info, { itemIndex });
				expect(envelope.message.startsWith(`${vendor} refused the request`)).toBe(true);
				for (const text of [http.message, http.description ?? '', envelope.message]) expect(text.replace(vendor, '')).not.toMatch(RAW_JS);
			}),
		);
	});

	tally.summaryTest();
});
