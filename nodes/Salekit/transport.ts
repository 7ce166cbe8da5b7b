/**
 * Salekit through the shared transport. Salekit answers `{"error": true, "msg": "<Vietnamese>"}`,
 * often with HTTP 200, so every body is checked for the flag; the message is kept as Salekit wrote
 * it and explained in English.
 */
import type { IDataObject } from 'n8n-workflow';

import { apiRequest, type RequestContext, type VendorApi } from '../shared/transport';
import type { VendorErrorInfo } from '../shared/errors';
import { requireSecureUrl } from '../shared/secureUrl';

/** Plain-English help for Salekit's usual refusals, matched on words in its message. */
const EXPLANATIONS: Array<[RegExp, string]> = [
	[/token/i, 'Salekit refused the token. Copy it again from Salekit: Cấu hình (Settings) → API.'],
	[/custom attribute|tùy chỉnh/i, 'A custom field is not declared in Salekit. Create it first: Audience → pick a customer → Chỉnh sửa (Edit) → Thêm mới (Add).'],
	[/bắt buộc|cần ít nhất/i, 'A required field is missing.'],
	[/email/i, 'The email address is not valid.'],
	[/điện thoại|phone/i, 'The phone number is not valid.'],
	[/không tìm thấy/i, 'The record was not found in Salekit.'],
	[/đã tồn tại/i, 'A record with this code already exists in Salekit.'],
	[/trạng thái|status/i, 'The status value is not one Salekit accepts.'],
];

export const salekitApi: VendorApi = {
	name: 'Salekit',
	credentialType: 'salekitApi',
	baseUrl: (credentials) => requireSecureUrl('Salekit', String(credentials.baseUrl || 'https://salekit.io/api/v1').trim()),
	isEnvelopeFailure: (body) => !!body && typeof body === 'object' && (body as IDataObject).error === true,
	errorInfo: (body): VendorErrorInfo | undefined => {
		if (!body || typeof body !== 'object') return undefined;
		const msg = (body as IDataObject).msg;
		return typeof msg === 'string' ? { message: msg } : undefined;
	},
	hint: (status, info) => {
		const found = EXPLANATIONS.find(([re]) => re.test(info.message ?? ''));
		const why = found?.[1] ?? 'Salekit reported a failure; its message is shown above in its own words.';
		return status === 200 ? `${why} (Salekit answered HTTP 200 with error: true.)` : why;
	},
};

export async function salekitRequest(
	this: RequestContext,
	path: string,
	body: IDataObject,
	options: { qs?: IDataObject; idempotent?: boolean; itemIndex?: number } = {},
): Promise<IDataObject> {
	return (await apiRequest.call(this, salekitApi, { method: 'POST', path, body, ...options })) as IDataObject;
}
