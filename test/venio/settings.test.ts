/** Venio CRM node, Setting resource, inside n8n-core against the Venio simulator. */
import { HEADER_TEMPLATES } from '../../sandbox/venio/settings';
import { useVenio } from './setup';

const env = useVenio();

describe('Setting: Get Header Templates', () => {
	it('lists the header templates, one item each (GET /v1/settings/header-templates)', async () => {
		const { items, error } = await env.run({ resource: 'setting', operation: 'getHeaderTemplates' }, [{}, {}]);
		expect(error).toBeUndefined();
		expect(env.calls().map((c) => [c.method, c.path])).toEqual([
			['GET', '/v1/settings/header-templates'],
			['GET', '/v1/settings/header-templates'],
		]);
		expect(items.map((i) => i.json)).toEqual([...HEADER_TEMPLATES, ...HEADER_TEMPLATES]);
	});

	it('a Venio failure names the vendor and the item', async () => {
		env.sim.failNext = 5;
		const { error } = await env.run({ resource: 'setting', operation: 'getHeaderTemplates' });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toContain('Venio CRM');
	});
});
