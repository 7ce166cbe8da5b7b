/**
 * Map Automatically for SHOPLINE customers: a customer in the pack's common shape (from Venio,
 * MeeDee POS, Salekit or SHOPLINE) as SHOPLINE's customer body. The E.164 phone is split into
 * number and country calling code by the same code that handles typed phones.
 */
import type { IDataObject } from 'n8n-workflow';

import type { CommonCustomerInput } from '../shared/shapes';

const SOURCES = { venio: 'Venio CRM', meedee: 'MeeDee POS', shopline: 'SHOPLINE', salekit: 'Salekit' } as const;

export function shoplineCustomerFromCommon(c: CommonCustomerInput): IDataObject {
	const a = c.address;
	const hasAddress = !!a && [a.line1, a.line2, a.city, a.postcode, a.country].some(Boolean);
	return {
		name: c.name ?? ([c.firstName, c.lastName].filter(Boolean).join(' ') || undefined),
		email: c.email ?? undefined,
		mobile_phone: c.phone ?? undefined,
		birthday: c.birthday ?? undefined,
		tags: c.tags,
		memo: c.source && c.source !== 'shopline' ? `From ${SOURCES[c.source]}${c.code ? ` (${c.code})` : ''}` : undefined,
		delivery_addresses: hasAddress
			? [
					{
						recipient_name: c.name ?? undefined,
						address_1: a?.line1 ?? undefined,
						address_2: a?.line2 ?? undefined,
						city: a?.city ?? undefined,
						postcode: a?.postcode ?? undefined,
						country: a?.country ?? undefined,
					},
				]
			: undefined,
	};
}
