/**
 * What the order actions beyond create/status share (delivery and payment status, tags,
 * transactions, action log): the order picked and its path.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { readLocator } from '../../../shared/locator';
import { LOCATORS } from '../../locators';
import { orderIdProperty } from './shared';

export { orderIdProperty };

/** The chosen order's ID (picked from the list, typed, old plain text, or from an expression), checked and trimmed. */
export function readOrderId(ctx: IExecuteFunctions, i: number): string {
	return readLocator(ctx, LOCATORS.order, i);
}

export const orderPath = (id: string, suffix: string) => `/orders/${encodeURIComponent(id)}/${suffix}`;

/** [PUB] Update Order Delivery Status: the statuses SHOPLINE takes. */
export const DELIVERY_STATUSES = [
	{ name: 'Arrived', value: 'arrived' },
	{ name: 'Collected', value: 'collected' },
	{ name: 'Pending (Preparing)', value: 'pending' },
	{ name: 'Returned', value: 'returned' },
	{ name: 'Returning', value: 'returning' },
	{ name: 'Shipped', value: 'shipped' },
	{ name: 'Shipping', value: 'shipping' },
];

/** [PUB SDK] Update Order Payment Status: the statuses SHOPLINE takes. */
export const PAYMENT_STATUSES = [
	{ name: 'Completed (Paid)', value: 'completed' },
	{ name: 'Expired', value: 'expired' },
	{ name: 'Failed', value: 'failed' },
	{ name: 'Pending', value: 'pending' },
	{ name: 'Refunded', value: 'refunded' },
	{ name: 'Refunding', value: 'refunding' },
];
