/**
 * Deterministic seeded people, addresses and phones for the four markets (TH, VN, TW, HK).
 * Generating 100,000 records takes well under a second: plain arrays, no per-record allocation
 * beyond the record itself.
 */
import { createHash } from 'node:crypto';

import { rng } from './core';

export type Market = 'TH' | 'VN' | 'TW' | 'HK';

const TH = {
	first: ['สมชาย', 'สมหญิง', 'ณัฐวุฒิ', 'กนกพร', 'ธนพล', 'ปิยะนุช', 'วรวุฒิ', 'อรุณี', 'ชัยวัฒน์', 'สุภาพร', 'Anan', 'Kanya'],
	last: ['ใจดี', 'ศรีสุข', 'วงศ์ไทย', 'แก้วมณี', 'บุญมา', 'สายทอง', 'Srisuk', 'Chaiyaporn'],
	city: ['กรุงเทพมหานคร', 'เชียงใหม่', 'ขอนแก่น', 'ภูเก็ต', 'ชลบุรี'],
	street: ['ถนนสุขุมวิท', 'ถนนพหลโยธิน', 'ถนนรัชดาภิเษก', 'ถนนนิมมานเหมินท์'],
	mobilePrefix: ['081', '082', '086', '089', '091', '092', '095', '098'],
	country: 'Thailand',
	cc: '66',
};
const VN = {
	first: ['Nguyễn Văn', 'Trần Thị', 'Lê Hoàng', 'Phạm Minh', 'Hoàng Thu', 'Võ Quốc', 'Đặng Ngọc'],
	last: ['An', 'Bình', 'Châu', 'Dũng', 'Hương', 'Lan', 'Phúc', 'Thảo'],
	city: ['Hà Nội', 'TP. Hồ Chí Minh', 'Đà Nẵng', 'Cần Thơ', 'Hải Phòng'],
	street: ['Cầu Giấy', 'Nguyễn Huệ', 'Lê Lợi', 'Trần Phú'],
	mobilePrefix: ['090', '091', '093', '098', '097', '086', '088'],
	country: 'Vietnam',
	cc: '84',
};
const TW = {
	first: ['志明', '春嬌', '怡君', '家豪', '雅婷', '冠宇', '淑芬'],
	last: ['陳', '林', '黃', '張', '李', '王', '吳'],
	city: ['台北市', '新北市', '台中市', '高雄市', '台南市'],
	street: ['忠孝東路', '中山北路', '信義路', '民生東路'],
	mobilePrefix: ['0912', '0922', '0933', '0955', '0988'],
	country: 'Taiwan',
	cc: '886',
};
const HK = {
	first: ['嘉欣', '志偉', '詠詩', '家樂', 'Wing', 'Ka Ho'],
	last: ['陳', '李', '張', '黃', 'Chan', 'Wong'],
	city: ['香港島', '九龍', '新界'],
	street: ['彌敦道', '皇后大道中', '軒尼詩道'],
	mobilePrefix: ['5', '6', '9'],
	country: 'Hong Kong',
	cc: '852',
};
const MARKETS = { TH, VN, TW, HK };

export interface Person {
	index: number;
	market: Market;
	firstName: string;
	lastName: string;
	fullName: string;
	/** Local mobile form, e.g. 0812345678, 0912345678, 91234567 (HK). */
	mobile: string;
	countryCallingCode: string;
	email: string;
	street: string;
	city: string;
	postcode: string;
	country: string;
	/** ISO date-only birthday, e.g. 1990-04-30. */
	birthday: string;
}

function pick<T>(r: () => number, list: T[]): T {
	return list[Math.floor(r() * list.length)];
}

function digits(r: () => number, n: number): string {
	let s = '';
	for (let i = 0; i < n; i++) s += Math.floor(r() * 10);
	return s;
}

/** Person number `index` of the stream for `seed`; the same inputs always give the same person. */
export function person(index: number, seed = 1): Person {
	const r = rng(seed * 1_000_003 + index);
	const market = (['TH', 'VN', 'TW', 'HK'] as const)[index % 4];
	const m = MARKETS[market];
	const firstName = pick(r, m.first);
	const lastName = pick(r, m.last);
	const fullName = market === 'TW' || (market === 'HK' && /[\u4e00-\u9fff]/.test(lastName)) ? `${lastName}${firstName}` : `${firstName} ${lastName}`;
	const prefix = pick(r, m.mobilePrefix);
	const localLength = market === 'HK' ? 8 : 10;
	const mobile = prefix + digits(r, localLength - prefix.length);
	const year = 1960 + Math.floor(r() * 45);
	const month = 1 + Math.floor(r() * 12);
	const day = 1 + Math.floor(r() * 28);
	return {
		index,
		market,
		firstName,
		lastName,
		fullName,
		mobile,
		countryCallingCode: m.cc,
		email: `customer${index}@example.${market.toLowerCase()}`,
		street: `${1 + Math.floor(r() * 999)} ${pick(r, m.street)}`,
		city: pick(r, m.city),
		postcode: digits(r, market === 'TW' ? 3 : 5),
		country: m.country,
		birthday: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
	};
}

/** A deterministic UUID-shaped id for record `index` of kind `kind`. */
export function uuid(kind: string, index: number): string {
	const hex = createHash('sha1').update(`${kind}:${index}`).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A timestamp `index` minutes after a fixed start, so seeded records have stable, ordered dates. */
export function seededTime(index: number, start = Date.UTC(2026, 0, 1)): string {
	return new Date(start + index * 60_000).toISOString();
}

export const PRODUCTS = [
	{ code: 'P-THAI-TEA', name: 'ชาไทย (Thai tea)', price: 45 },
	{ code: 'P-PHO', name: 'Phở bò', price: 65 },
	{ code: 'P-BOBA', name: '珍珠奶茶 Bubble tea', price: 55 },
	{ code: 'P-EGG-TART', name: '蛋撻 Egg tart', price: 25 },
	{ code: 'P-MANGO', name: 'ข้าวเหนียวมะม่วง Mango sticky rice', price: 90 },
	{ code: 'P-BANH-MI', name: 'Bánh mì', price: 35 },
];
