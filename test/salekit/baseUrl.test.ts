/**
 * Salekit's default Base URL is the host seed 004 (the audience API) documents, in the credential
 * form and in the transport's fallback for a credential saved without one.
 */
import { SalekitApi } from '../../dist/credentials/SalekitApi.credentials';
import { salekitApi } from '../../dist/nodes/Salekit/transport';

const DOCUMENTED = 'https://salekit.io/api/v1';

it('the credential form offers the documented Base URL', () => {
	const baseUrl = new SalekitApi().properties.find((p) => p.name === 'baseUrl');
	expect(baseUrl?.default).toBe(DOCUMENTED);
});

it('a credential saved without a Base URL uses the documented one', () => {
	expect(salekitApi.baseUrl({ token: 't' } as never)).toBe(DOCUMENTED);
});
