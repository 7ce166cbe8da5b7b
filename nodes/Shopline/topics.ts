/**
 * Every documented SHOPLINE webhook topic (vendors.md C), with the area it belongs to. The
 * trigger offers exactly this list; the tests check it against the simulator's SHOPLINE_TOPICS.
 */
export const TOPICS = [
	{ name: 'Customer Created', value: 'user/create', description: 'Customers: a customer was created' },
	{ name: 'Customer Deleted', value: 'user/remove', description: 'Customers: a customer was removed' },
	{ name: 'Customer Signed In', value: 'user/sign_in', description: 'Customers: a customer signed in' },
	{ name: 'Customer Signed In by Mobile', value: 'user/mobile_sign_in', description: 'Customers: a customer signed in with a mobile phone' },
	{ name: 'Customer Signed Up by Mobile', value: 'user/mobile_sign_up', description: 'Customers: a customer signed up with a mobile phone' },
	{ name: 'Customer Updated', value: 'user/update', description: 'Customers: a customer was changed' },
	{ name: 'Delivery Updated', value: 'order_delivery/update', description: 'Delivery: an order’s delivery changed (this does not change the order’s update time)' },
	{ name: 'Invoice Created', value: 'invoice/create', description: 'Payments and invoices: an invoice was issued' },
	{ name: 'Member Points Added', value: 'member_point/create', description: 'Points and credit: member points were given or taken' },
	{ name: 'Order Cancelled', value: 'order/cancel', description: 'Orders: an order was cancelled' },
	{ name: 'Order Created', value: 'order/create', description: 'Orders: an order was placed' },
	{ name: 'Order Updated', value: 'order/update', description: 'Orders: an order was changed' },
	{ name: 'Payment Completed', value: 'order_payment/complete', description: 'Payments and invoices: an order was paid' },
	{ name: 'Payment Refunded', value: 'order_payment/refund', description: 'Payments and invoices: an order’s payment was refunded' },
	{ name: 'Product Created', value: 'product/create', description: 'Products: a product was created' },
	{ name: 'Product Deleted', value: 'product/remove', description: 'Products: a product was removed' },
	{ name: 'Product Updated', value: 'product/update', description: 'Products: a product was changed' },
	{ name: 'Store Credit Added', value: 'user_credit/create', description: 'Points and credit: store credit was given or taken' },
	{ name: 'Store Updated', value: 'merchant/update', description: 'Store: the shop’s settings changed' },
];
