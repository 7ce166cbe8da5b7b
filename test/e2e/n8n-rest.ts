/**
 * n8n's own REST API (the one its editor uses), for end-to-end tests that count what the server
 * did: executions per workflow and a workflow's stored static data. Logged in as the owner.
 */
import { login } from '../../scripts/n8n-server';

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	status: string;
	mode: string;
	startedAt: string | null;
	stoppedAt: string | null;
}

/** Statuses of an execution that has not ended yet. */
const UNFINISHED = new Set(['new', 'running', 'waiting']);

/** More executions than one workflow of a test ever has: one page of n8n's list covers it. */
const PAGE = 100;

export class N8nRest {
	private constructor(
		readonly url: string,
		private readonly session: { cookie: string; browserId: string },
	) {}

	static async login(url: string): Promise<N8nRest> {
		return new N8nRest(url, await login(url));
	}

	async get<T>(pathname: string): Promise<T> {
		const res = await fetch(`${this.url}${pathname}`, {
			headers: { cookie: this.session.cookie, 'browser-id': this.session.browserId },
			signal: AbortSignal.timeout(10_000),
		});
		if (res.status !== 200) throw new Error(`GET ${pathname}: ${res.status} ${(await res.text()).slice(0, 300)}`);
		return ((await res.json()) as { data: T }).data;
	}

	/** Every execution of a workflow, running or ended (n8n 2.41: `{data: {count, results}}`). */
	async executions(workflowId: string): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const page = await this.get<{ count: number; results: ExecutionSummary[] }>(`/rest/executions?filter=${filter}&limit=${PAGE}`);
		if (page.count > PAGE) throw new Error(`Workflow ${workflowId} has ${page.count} executions, more than one page of ${PAGE}`);
		return page.results;
	}

	/** The static data n8n stored for a workflow (what triggers remember between requests). */
	async staticData(workflowId: string): Promise<unknown> {
		return (await this.get<{ staticData?: unknown }>(`/rest/workflows/${encodeURIComponent(workflowId)}`)).staticData ?? null;
	}
}

/**
 * Waits until a workflow has at least `atLeast` executions, all ended, and no new one appeared for
 * `quietMs` (a late extra execution is counted, not missed). Bounded by `timeoutMs` and by a number
 * of polls; on time-out it returns what is there, so the test reports the count it saw.
 */
export async function settledExecutions(
	rest: N8nRest,
	workflowId: string,
	atLeast: number,
	{ timeoutMs = 30_000, quietMs = 1500, pollMs = 250 }: { timeoutMs?: number; quietMs?: number; pollMs?: number } = {},
): Promise<ExecutionSummary[]> {
	const deadline = Date.now() + timeoutMs;
	const maxPolls = Math.ceil(timeoutMs / pollMs) + 1;
	let last = await rest.executions(workflowId);
	let unchangedSince = Date.now();
	for (let poll = 0; poll < maxPolls && Date.now() < deadline; poll++) {
		const ended = last.every((e) => !UNFINISHED.has(e.status));
		if (last.length >= atLeast && ended && Date.now() - unchangedSince >= quietMs) return last;
		await new Promise((r) => setTimeout(r, pollMs));
		const now = await rest.executions(workflowId);
		const changed = now.length !== last.length || now.some((e, i) => e.status !== last[i]?.status);
		if (changed) unchangedSince = Date.now();
		last = now;
	}
	return last;
}
