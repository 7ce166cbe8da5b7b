/** What the vendor saw during a run, counted from the sandbox's request log times. */

/** The most requests that arrived within any 1 s: every window [t, t + 1000 ms) starting at a request. */
export function mostInAnySecond(times: number[]): number {
	const sorted = [...times].sort((a, b) => a - b);
	let most = 0;
	let end = 0;
	for (let start = 0; start < sorted.length; start++) {
		while (end < sorted.length && sorted[end] < sorted[start] + 1000) end++;
		most = Math.max(most, end - start);
	}
	return most;
}

/** Requests per second between the first and the last request ((n - 1) gaps over the span). */
export function ratePerSecond(times: number[]): number {
	if (times.length < 2) return 0;
	const first = Math.min(...times);
	const last = Math.max(...times);
	return last > first ? ((times.length - 1) * 1000) / (last - first) : 0;
}

export interface WebhookAnswer {
	status: number;
	body: any;
	ms: number;
	error?: string;
}

/** POSTs JSON to an n8n webhook and reads its answer (JSON when it is JSON). */
export async function callWebhook(url: string, body: unknown, timeoutMs = 240_000): Promise<WebhookAnswer> {
	const started = Date.now();
	try {
		const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
		const text = await res.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// not JSON: keep the text
		}
		return { status: res.status, body: parsed, ms: Date.now() - started };
	} catch (error) {
		return { status: 0, body: undefined, ms: Date.now() - started, error: (error as Error).message };
	}
}
