/**
 * The webhook events, one list for the Webhook resource and the trigger. [INF] MeeDee's pages
 * 20-25 (event names) were not retrievable; these follow the sandbox's guess.
 */
export const WEBHOOK_EVENTS = [
	{ name: 'Customer Created', value: 'customer.created', description: 'Needs the read:customers scope' },
	{ name: 'Customer Updated', value: 'customer.updated', description: 'Needs the read:customers scope' },
	{ name: 'Inventory Updated', value: 'inventory.updated', description: 'Needs the read:inventory scope' },
	{ name: 'Product Updated', value: 'product.updated', description: 'Needs the read:products scope' },
	{ name: 'Sale Created', value: 'sale.created', description: 'Needs the read:sales scope' },
	{ name: 'Sale Updated', value: 'sale.updated', description: 'Needs the read:sales scope' },
	{ name: 'Sale Voided', value: 'sale.voided', description: 'Needs the read:sales scope' },
];

