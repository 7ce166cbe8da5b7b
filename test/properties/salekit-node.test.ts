/**
 * End to end: random Unicode audience names, emails and tags through the compiled Salekit node in
 * n8n-core, against the Salekit simulator. Each run ends one of two ways: a clear item/field error
 * before any request (the simulator saw nothing), or one request whose body is exactly the input
 * as validated.
 */
import fc from 'fast-check';
import { z } from 'zod';

import { sandboxCredentials } from '../../sandbox';
import { SandboxServer } from '../../sandbox/core';
import { createSalekit, type SalekitSim } from '../../sandbox/salekit';
import { createHarness, runNode, type Harness } from '../harness/n8n';
// The node runs from dist/, so its pacing state is the compiled limiter's (the TS copy is another module).
import { resetLimiters } from '../../dist/nodes/shared/limiter';
import { hugeText, plainEmail, propertySuite, unicodeText } from './support';

const tally = propertySuite('salekit-node');

let server: SandboxServer;
let sim: SalekitSim;
let h: Harness;
let credentials: { salekitApi: { baseUrl: string; token: string } };

beforeAll(async () => {
	sim = createSalekit();
	server = new SandboxServer().mount(sim);
	const base = await server.start();
	credentials = { salekitApi: sandboxCredentials(base).salekitApi };
	h = createHarness();
});
afterAll(async () => server.stop());

const name = fc.oneof({ weight: 4, arbitrary: unicodeText({ maxLength: 30 }) }, { weight: 1, arbitrary: hugeText.map((s) => s.slice(0, 20_000)) });
const email = fc.oneof(plainEmail, unicodeText({ maxLength: 20 }), fc.tuple(unicodeText({ minLength: 1, maxLength: 8 }), plainEmail).map(([a, b]) => `${a}${b}`));
const tags = fc.oneof(unicodeText({ maxLength: 30 }), fc.array(unicodeText({ minLength: 1, maxLength: 8 }), { maxLength: 4 }).map((t) => t.join(', ')));

/** What the node must send for this input: our own reading of the audience table. */
function expectedBody(input: { name: string; email: string; tags: string }): Record<string, unknown> | undefined {
	if (input.name === '' || !z.string().email().safeParse(input.email).success) return undefined;
	const list = input.tags.split(',').map((t) => t.trim()).filter((t) => t !== '');
	return { full_name: input.name, email: input.email, ...(list.length ? { tag: list.join(',') } : {}) };
}

describe('Salekit node with random audiences', () => {
	it('refuses before any request, or sends exactly the validated body', async () => {
		const outcomes = { refused: 0, sent: 0 };
		await tally.check(
			'random audiences: clear field error with no request, or the exact body sent',
			fc.asyncProperty(fc.record({ name, email, tags }), async (input) => {
				server.reset();
				resetLimiters();
				const { items, error } = await runNode(
					h,
					{
						type: 'salekit',
						parameters: { resource: 'audience', operation: 'createOrUpdate', full_name: '={{ $json.name }}', email: '={{ $json.email }}', additionalFields: { tag: '={{ $json.tags }}' } } as never,
						credentials,
					},
					[input],
				);
				const requests = server.requests('salekit');
				const expected = expectedBody(input);
				if (error && requests.length === 0) {
					outcomes.refused++;
					expect(error.message).toMatch(/^Item 1: "(Full Name|Email|Tags)"/);
					expect(error.message).not.toMatch(/\[object |undefined/);
					expect(expected).toBeUndefined();
					return;
				}
				outcomes.sent++;
				expect(requests).toHaveLength(1);
				expect(requests[0].body).toEqual(expected);
				// The simulator may still refuse the content; that must be a clear Salekit error, not a crash.
				if (error) expect(error.message).toMatch(/^Salekit /);
				else expect(items[0].json).toMatchObject({ success: true, email: input.email, full_name: input.name });
			}),
			30,
		);
		// Both ways are exercised (with 30 runs the odds of missing one are far below one in a million).
		expect(outcomes.refused).toBeGreaterThan(0);
		expect(outcomes.sent).toBeGreaterThan(0);
		expect(outcomes.refused + outcomes.sent).toBe(tally.tried['random audiences: clear field error with no request, or the exact body sent']);
	});

	tally.summaryTest();
});
