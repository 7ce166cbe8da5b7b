/** SHOPLINE simulator: constants, options and record shapes shared by the resource files. */

// ---------------------------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------------------------

export const SHOPLINE_RATE_LIMIT_BODY = {
	error: 'Rate limit exceeded for attempts to access Open API. please try again later',
	code: 'RateLimitExceeded',
};

/**
 * Every webhook topic the Open API documents [PUB docs webhook-topic-and-payload-example]; the
 * payload each carries is built in events.ts.
 */
export const SHOPLINE_TOPICS = [
	'user/create',
	'user/update',
	'user/remove',
	'user/sign_in',
	'user/mobile_sign_in',
	'user/mobile_sign_up',
	'user/membership_tier_update',
	'member_point/create',
	'user_credit/create',
	'user_coupon/create',
	'customer_group/update',
	'customer_group/remove',
	'order/cancel',
	'order/create',
	'order/update',
	'order/remove',
	'order/pending',
	'order/confirm',
	'order/complete',
	'order/status_notify_customer',
	'order/product_detail_notify_customer',
	'order/payment_slip_upload',
	'order_payment/update',
	'order_payment/complete',
	'order_payment/refund',
	'order_payment/status_notify_customer',
	'order_delivery/update',
	'order_delivery/status_update',
	'order_delivery/status_notify_customer',
	'return_order/create',
	'return_order/complete',
	'return_order/cancel',
	'pos_return_order/create',
	'pos_return_order/update',
	'invoice/create',
	'invoice/update',
	'product/create',
	'product/update',
	'product/remove',
	'product/inventory_update',
	'category/create',
	'category/update',
	'category/remove',
	'merchant/update',
	'comment/payment_slip_upload',
] as const;

export const ORDER_STATUSES = ['pending', 'confirmed', 'completed', 'cancelled'] as const;

export const GENDERS = ['male', 'female', 'other'] as const;

/** [INF] values from the public SDK's enum; the seed shows "Allowed:" with the list cut off. */
export const CREATION_SOURCES = ['shop', 'admin', 'openapi', 'shop_crm', 'pos'];

export const MERCHANT_ID = '5f1a2b3c4d5e6f7081920a1b';

export const SHOPLINE_DEMO = {
	accessToken: 'shopline-demo-7c1e5a0b9d3f4e2a8b6c',
	/** The merchant handle SHOPLINE asks for in the User-Agent header. */
	userAgent: 'asiademoshop',
};

export const MEMBERSHIP_TIERS = [
	{ id: '60a1b2c3d4e5f60718293a01', level: 1, name_translations: { en: 'Silver', 'zh-hant': '銀卡會員' } },
	{ id: '60a1b2c3d4e5f60718293a02', level: 2, name_translations: { en: 'Gold', 'zh-hant': '金卡會員' } },
];

/**
 * Delivery options; documented: Create Order cannot use third-party logistics. `region_type` codes
 * from the SDK's DeliveryOption model [PUB SDK]; Execute Shipment works only for integrated ones.
 */
export const DELIVERY_OPTIONS = [
	{ id: '61b0c0ffee00000000000001', name_translations: { en: 'Home delivery', 'zh-hant': '宅配' }, third_party: false, region_type: 'custom' },
	{ id: '61b0c0ffee00000000000002', name_translations: { en: 'Store pickup', 'zh-hant': '門市自取' }, third_party: false, region_type: 'custom' },
	{ id: '61b0c0ffee00000000000003', name_translations: { en: '7-ELEVEN B2C', 'zh-hant': '7-11 取貨' }, third_party: true, region_type: 'tw_711_b2c_nopay' },
	{ id: '61b0c0ffee00000000000004', name_translations: { en: 'T-cat home delivery', 'zh-hant': '黑貓宅配' }, third_party: true, region_type: 'tw_tcat_roomtemp' },
];

/** Payment methods; documented: no third-party payment and no SHOPLINE Payments on Create Order. */
export const PAYMENT_METHODS = [
	{ id: '62c0ffee0000000000000001', name_translations: { en: 'Bank transfer', 'zh-hant': '銀行轉帳' }, type: 'bank_transfer' },
	{ id: '62c0ffee0000000000000002', name_translations: { en: 'Cash on delivery', 'zh-hant': '貨到付款' }, type: 'cash_on_delivery' },
	{ id: '62c0ffee0000000000000003', name_translations: { en: 'SHOPLINE Payments', 'zh-hant': 'SHOPLINE Payments' }, type: 'shopline_payments' },
	{ id: '62c0ffee0000000000000004', name_translations: { en: 'ECPay credit card', 'zh-hant': '綠界信用卡' }, type: 'third_party' },
];

export const ALLOWED_PAYMENT_TYPES = ['bank_transfer', 'cash_on_delivery'];

export const PRODUCT_TRANSLATIONS: Record<string, Record<string, string>> = {
	'P-THAI-TEA': { en: 'Thai tea', 'zh-hant': '泰式奶茶', th: 'ชาไทย' },
	'P-PHO': { en: 'Beef pho', 'zh-hant': '越南牛肉河粉', vi: 'Phở bò' },
	'P-BOBA': { en: 'Bubble tea', 'zh-hant': '珍珠奶茶' },
	'P-EGG-TART': { en: 'Egg tart', 'zh-hant': '蛋撻' },
	'P-MANGO': { en: 'Mango sticky rice', 'zh-hant': '芒果糯米飯', th: 'ข้าวเหนียวมะม่วง' },
	'P-BANH-MI': { en: 'Banh mi', 'zh-hant': '越南法國麵包', vi: 'Bánh mì' },
};

export const CURRENCY_SYMBOLS: Record<string, string> = { TWD: 'NT$', HKD: 'HK$', THB: '฿', VND: '₫', MYR: 'RM', SGD: 'S$' };

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

export interface ShoplineToken {
	token: string;
	/** Merchant handle; with `userAgent: 'handle'` the User-Agent header must equal it. */
	handle: string;
	merchantId: string;
	/** [INF] scope names: customers, orders, products, webhooks. */
	scopes: string[];
	/** ISO time or null: a token made without "Expired At" never expires. */
	expiresAt: string | null;
	staffName?: string;
}

export interface ShoplineOptions {
	tokens?: ShoplineToken[];
	currency?: string;
	/** Requests allowed per token per window (documented 20 per second). */
	rateLimit?: number;
	rateWindowMs?: number;
	/** [INF] 'handle': the header must equal the token's handle; 'present': any non-empty value. */
	userAgent?: 'handle' | 'present';
	/** [INF] status for a missing or wrong User-Agent. */
	userAgentStatus?: 400 | 401;
	defaultPerPage?: number;
	/** [INF] documented "Max: 999" on the search endpoints; used for every list. */
	maxPerPage?: number;
	/** [INF] status when page and previous_id are both sent, and for other bad query values. */
	badQueryStatus?: number;
	/** [INF] status for a duplicate email or mobile phone. */
	duplicateStatus?: number;
	/** [INF] status of successful creates. */
	createStatus?: number;
	/** Admin "age limit" setting checked against birthday; [INF] default 0 (no limit, future dates invalid). */
	minimumAge?: number;
	/** Admin "Mobile sign up country" setting (calling codes); [INF] default list. */
	mobileSignUpCountries?: string[];
	/** "SMS can be sent only after enabling feature"; [INF] default off. */
	smsEnabled?: boolean;
	/** Welcome credit granted when asked and enabled in admin; 0 = disabled. [INF] default 50. */
	welcomeCredit?: number;
	/** [INF] share of seeded orders (the oldest) that are archived. */
	archivedShare?: number;
	seedCustomers?: number;
	seedOrders?: number;
	seed?: number;
	webhookTimeoutMs?: number;
	webhookRetries?: number;
	webhookRetryDelayMs?: number;
	/** [INF] header names on webhook deliveries. */
	topicHeader?: string;
	eventIdHeader?: string;
	/** Extra topics accepted by POST /webhooks (the SDK lists more than vendors.md documents). */
	extraTopics?: string[];
	/** Documented: adding member points needs the shop's "Member Points Toggle" on. Default on. */
	memberPointsEnabled?: boolean;
	/** [INF] customer IDs per answer of Get Customer IDs of a customer group (not documented). */
	groupIdsPageSize?: number;
	/** [INF] most customers one bulk member-points or store-credits update takes (not documented). */
	bulkMaxUsers?: number;
	seedCustomerGroups?: number;
}

export type Config = Required<Omit<ShoplineOptions, 'tokens'>>;

export const DEFAULTS: Config = {
	currency: 'TWD',
	rateLimit: 20,
	rateWindowMs: 1000,
	userAgent: 'handle',
	userAgentStatus: 400,
	defaultPerPage: 24,
	maxPerPage: 999,
	badQueryStatus: 422,
	duplicateStatus: 422,
	createStatus: 200,
	minimumAge: 0,
	mobileSignUpCountries: ['886', '852', '853', '86', '60', '65', '66', '84', '1'],
	smsEnabled: false,
	welcomeCredit: 50,
	archivedShare: 0.05,
	seedCustomers: 60,
	seedOrders: 240,
	seed: 2,
	webhookTimeoutMs: 15_000,
	webhookRetries: 3,
	webhookRetryDelayMs: 1000,
	topicHeader: 'X-Shopline-Topic',
	eventIdHeader: 'X-Shopline-Event-Id',
	extraTopics: [],
	memberPointsEnabled: true,
	groupIdsPageSize: 100,
	bulkMaxUsers: 1000,
	seedCustomerGroups: 30,
};

export const DEMO_TOKEN: ShoplineToken = {
	token: SHOPLINE_DEMO.accessToken,
	handle: SHOPLINE_DEMO.userAgent,
	merchantId: MERCHANT_ID,
	scopes: ['customers', 'orders', 'products', 'webhooks'],
	expiresAt: null,
	staffName: 'OpenAPI staff',
};

// ---------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------

export interface DeliveryAddress {
	[key: string]: unknown;
}

export interface CustomerRec {
	id: string;
	seq: number;
	seeded: boolean;
	name: string;
	email: string | null;
	mobile_phone: string | null;
	mobile_phone_country_calling_code: string | null;
	phones: string[];
	phone_country_code: string | null;
	gender: string | null;
	birthday: string | null;
	birth_year: number | null;
	birth_month: number | null;
	birth_day: number | null;
	is_member: boolean;
	is_accept_marketing: boolean;
	is_subscribed_marketing_email: boolean;
	is_subscribed_marketing_sms: boolean;
	credit_balance: number;
	member_point_balance: number;
	membership_tier_id: string | null;
	tier_expires_at: string | null;
	delivery_addresses: DeliveryAddress[];
	tags: string[];
	memo: string | null;
	ref_user_id: string | null;
	created_by: string;
	created_by_channel_id: string | null;
	registered_by: string | null;
	registered_by_channel_id: string | null;
	created_at: string;
	updated_at: string;
}

export interface OrderItemRec {
	id: string;
	productId: string;
	variationId: string | null;
	priceCents: number;
	quantity: number;
}

export interface OrderRec {
	id: string;
	seq: number;
	seeded: boolean;
	order_number: string;
	status: string;
	archived: boolean;
	customer_id: string | null;
	customer_name: string | null;
	customer_email: string | null;
	customer_phone: string | null;
	customer_phone_country_code: string | null;
	items: OrderItemRec[];
	subtotalCents: number;
	totalCents: number;
	userCreditCents: number;
	order_points: number;
	delivery_address: DeliveryAddress;
	delivery_option_id: string;
	payment_method_id: string;
	order_remarks: string | null;
	created_by: string;
	created_at: string;
	updated_at: string;
	cancelled_at: string | null;
	cancelled_reason: { key?: string; message?: string } | null;
	credits_reverted: boolean;
	member_points_reverted: boolean;
	/** Delivery and payment status (Update Order Delivery/Payment Status); absent = pending. */
	delivery_status?: string;
	/** Set by Execute Shipment (shipments.ts). */
	tracking_number?: string;
	payment_status?: string;
	tags?: string[];
}

export interface VariationRec {
	id: string;
	sku: string;
	fields_translations: Record<string, string[]>;
	priceCents: number;
	quantity: number;
	/** Stock by warehouse ID (Update Product Stocks); [INF] none until a warehouse is updated. */
	stocks?: Record<string, number>;
}

export interface ProductRec {
	id: string;
	sku: string;
	status: string;
	title_translations: Record<string, string>;
	priceCents: number;
	/** 0 = not on sale; otherwise the sale price is the current price. */
	priceSaleCents: number;
	quantity: number;
	variations: VariationRec[];
	created_at: string;
	updated_at: string;
	/** Set by Create/Update Product (productWrites.ts); seeded products have none. */
	category_ids?: string[];
	unlimited_quantity?: boolean;
	costCents?: number;
	stocks?: Record<string, number>;
}

export interface WebhookRec {
	id: string;
	address: string;
	topics: string[];
	status: 'active' | 'removed';
	webhook_version: string | null;
	created_at: string;
	updated_at: string;
}

export interface DeliveryAttempt {
	at: string;
	status: number;
	ms: number;
}

export interface DeliveryRec {
	eventId: string;
	webhookId: string;
	topic: string;
	address: string;
	payload: unknown;
	headers: Record<string, string>;
	attempts: DeliveryAttempt[];
	delivered: boolean;
}

export interface NotificationRec {
	to: string;
	channel: 'email' | 'sms';
	kind: string;
	resource_id: string;
}

export interface MemberPointRec {
	id: string;
	seq: number;
	customer_id: string;
	value: number;
	point_balance: number;
	remarks: string;
	type: string;
	end_at: string | null;
	performer_id: string | null;
	created_at: string;
}

export interface StoreCreditRec {
	id: string;
	seq: number;
	customer_id: string;
	value: number;
	credit_balance: number;
	remarks: string;
	type: string;
	end_at: string | null;
	performer_id: string | null;
	created_at: string;
}

/** A membership tier action log (level up / down / extend). */
export interface TierLogRec {
	id: string;
	seq: number;
	customer_id: string;
	key: 'updated_user_membership_tier' | 'extended_user_membership_tier';
	from_tier_id: string | null;
	to_tier_id: string | null;
	created_at: string;
}

export interface CustomerGroupRec {
	id: string;
	seq: number;
	name: string;
	status: 'active' | 'expired';
	update_type: 'manual' | 'auto';
	customerIds: string[];
	expired_at: string | null;
	created_at: string;
	updated_at: string;
}

// ---------------------------------------------------------------------------------------------
// Loyalty settings of the demo shop
// ---------------------------------------------------------------------------------------------

/** [INF] the demo shop's upgrade thresholds (total spending), lowest tier first. */
export const TIER_THRESHOLDS: Record<string, number> = {
	[MEMBERSHIP_TIERS[0].id]: 3000,
	[MEMBERSHIP_TIERS[1].id]: 10000,
};

/** Store credit types (SDK enum from the docs). */
export const STORE_CREDIT_TYPES = [
	'manual_credit',
	'welcome_credit',
	'birthday_credit',
	'auto_reward',
	'applied_credit',
	'user_credit_expired',
	'welcome_member_referral_credit',
	'member_referral_credit',
	'member_info_quick_completion_credit',
	'order_split_revert',
	'product_review_reward',
	'return_order_revert',
	'order_edit_revert',
];

/** The demo shop's promotions a customer can see (shape of the docs' CustomerPromotion). */
export const PROMOTIONS = [
	{ id: '64d0c0ffee00000000000001', title: { en: 'Member 10% off', 'zh-hant': '會員九折' }, discount_on: 'order', coupon_type: 'multi', platforms: ['ec', 'retail'], start: '2024-01-01T00:00:00.000Z', end: null, codes: ['MEMBER10'] },
	{ id: '64d0c0ffee00000000000002', title: { en: 'Birthday gift', 'zh-hant': '生日禮' }, discount_on: 'order', coupon_type: 'draw', platforms: ['ec'], start: '2024-01-01T00:00:00.000Z', end: null, codes: [] },
	{ id: '64d0c0ffee00000000000003', title: { en: 'Bubble tea 2 for 1', 'zh-hant': '珍奶買一送一' }, discount_on: 'item', coupon_type: 'single', platforms: ['retail'], start: '2023-01-01T00:00:00.000Z', end: '2023-12-31T23:59:59.000Z', codes: ['BOBA2FOR1'] },
	{ id: '64d0c0ffee00000000000004', title: { en: 'New year sale', 'zh-hant': '新年特賣' }, discount_on: 'category', coupon_type: 'single', platforms: ['ec', 'app'], start: '2099-01-01T00:00:00.000Z', end: null, codes: ['NY2099'] },
] as const;

/** One entry of an order's action log (Get Order Action Logs). */
export interface OrderLogRec {
	id: string;
	seq: number;
	order_id: string;
	key: string;
	data: Record<string, unknown>;
	created_at: string;
}

export interface ReturnOrderRec {
	id: string;
	seq: number;
	return_order_number: string;
	order_id: string;
	status: 'confirmed' | 'completed' | 'cancelled';
	order_payment_status: 'pending' | 'refunded';
	order_delivery_status: 'return_collected' | 'returning';
	inspect_status: 'pending' | 'inspected';
	totalCents: number;
	created_at: string;
	updated_at: string;
}

