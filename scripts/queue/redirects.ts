/**
 * Redirects in the real server (issue 14's promise, proven where users run it): n8n's own HTTP
 * stack in a queue-mode worker, n8n's credential test on the main, and n8n's token requests.
 * The sandbox answers one request 307, pointing at another origin on this machine that records
 * whatever reaches it, or back at itself. For every vendor: an action redirected away fails naming
 * that origin, which receives nothing; an action redirected within the vendor's origin is followed;
 * the credential test does not follow a redirect away; and the token requests (Venio, MeeDee) of a
 * credential that has no token yet follow none.
 */
import type { Sandbox } from '../../sandbox/index';
import { startElsewhere } from '../elsewhere';
import { REDIRECT_TARGETS, type RedirectTarget } from '../redirect-targets';
import { login } from '../n8n-server';
import type { CheckResult } from './checks';
import type { QueueCluster } from './cluster';
import { callWebhook } from './traffic';
import { vendorAction, type CredentialRef, type ImportedCredential, type WorkflowJson } from './workflows';

/** A vendor's redirect target, with the credentials its workflows use. */
interface RedirectVendor extends RedirectTarget {
	credential: CredentialRef;
	/** A second credential that has never asked for a token: its first request is the token request. */
	fresh?: CredentialRef;
}

/** Credential ids: n8n's are 16 characters. */
const CREDENTIAL_IDS: Record<RedirectTarget['sim'], string> = { salekit: 'queueSalekitRdr1', shopline: 'queueShoplineRd1', venio: 'queueVenioRdr001', meedee: 'queueMeeDeeRdr01' };
/** For the vendors with a token endpoint. */
const FRESH_IDS: Partial<Record<RedirectTarget['sim'], string>> = { venio: 'queueVenioFresh1', meedee: 'queueMeeDeeFresh' };

function redirectVendors(): RedirectVendor[] {
	return REDIRECT_TARGETS.map((t) => ({
		...t,
		credential: { id: CREDENTIAL_IDS[t.sim], name: `${t.vendor} (redirects)` },
		fresh: t.tokenPath && FRESH_IDS[t.sim] ? { id: FRESH_IDS[t.sim]!, name: `${t.vendor} (no token yet)` } : undefined,
	}));
}

const workflowOf = (v: RedirectVendor, token: boolean) => ({ id: `queueRedirect${token ? 'T' : 'A'}${v.sim.slice(0, 2)}`, path: `queue-redirect-${v.sim}${token ? '-token' : ''}` });

/** The credentials and workflows the redirect checks need, imported with the rest before n8n starts. */
export function redirectSetup(sandbox: Sandbox): { credentials: ImportedCredential[]; workflows: WorkflowJson[] } {
	const credentials: ImportedCredential[] = [];
	const workflows: WorkflowJson[] = [];
	for (const v of redirectVendors()) {
		const action = { node: v.node, credentialType: v.credentialType, parameters: v.read(sandbox) };
		for (const [credential, token] of [[v.credential, false], ...(v.fresh ? [[v.fresh, true] as const] : [])] as const) {
			credentials.push({ ...credential, type: v.credentialType, data: { ...sandbox.credentials[v.credentialType] } });
			const w = workflowOf(v, token);
			workflows.push(vendorAction(w.id, w.path, action, credential));
		}
	}
	return { credentials, workflows };
}

/** n8n's credential test, as the editor's "Test" button asks the main for it. */
async function testOnMain(url: string, v: RedirectVendor, sandbox: Sandbox): Promise<{ status?: string; message?: string }> {
	const { cookie, browserId } = await login(url);
	const res = await fetch(`${url}/rest/credentials/test`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie, 'browser-id': browserId },
		body: JSON.stringify({ credentials: { ...v.credential, type: v.credentialType, data: { ...sandbox.credentials[v.credentialType] } } }),
		signal: AbortSignal.timeout(30_000),
	});
	if (res.status !== 200) return { message: `HTTP ${res.status} ${(await res.text()).slice(0, 300)}` };
	return ((await res.json()) as { data: { status: string; message: string } }).data;
}

const errorOf = (body: unknown): string => String((body as { error?: unknown } | undefined)?.error ?? '');

type Redirected = { answer: unknown; statuses: number[]; leaked: number };

/**
 * Runs `checks` with another origin up, each probe answering one request on `pathFilter` with a
 * 307 to `to`: what the run answered, what reached the vendor on that path, and what reached the
 * other origin.
 */
async function withRedirects(
	sandbox: Sandbox,
	checks: (probe: { elsewhere: string; redirected: (v: RedirectVendor, to: string, pathFilter: string, run: () => Promise<unknown>) => Promise<Redirected> }) => Promise<CheckResult[]>,
): Promise<CheckResult[]> {
	const elsewhere = await startElsewhere();
	try {
		return await checks({
			elsewhere: elsewhere.origin,
			redirected: async (v, to, pathFilter, run) => {
				const sim = sandbox[v.sim];
				const from = sandbox.server.log.length;
				elsewhere.received.length = 0;
				sim.setFaults({ nextRedirect: 1, redirectTo: to, redirectStatus: 307, pathFilter });
				try {
					const answer = await run();
					const statuses = sandbox.server.log.slice(from).filter((e) => e.vendor === sim.name && e.path.includes(pathFilter)).map((e) => e.status);
					return { answer, statuses, leaked: elsewhere.received.length };
				} finally {
					sim.setFaults({ nextRedirect: 0, redirectTo: '', pathFilter: '' });
				}
			},
		});
	} finally {
		await elsewhere.stop();
	}
}

/** Starts the vendor action's workflow; its answer, or `{ error }` when n8n itself answered an error. */
const runAction = (cluster: QueueCluster, v: RedirectVendor, token: boolean) => async () => {
	const a = await callWebhook(`${cluster.url}/webhook/${workflowOf(v, token).path}`, {}, 60_000);
	return a.status === 200 ? a.body : { error: `HTTP ${a.status} ${a.error ?? JSON.stringify(a.body).slice(0, 300)}` };
};

/**
 * Token requests (Venio, MeeDee) redirected to another origin. Run before anything else asks these
 * vendors for a token in the workers: a worker keeps a token per client and token URL, so a later
 * run would reuse one and ask for none (the check then fails on the missing token request).
 */
export async function tokenRedirectCheck(cluster: QueueCluster, sandbox: Sandbox): Promise<CheckResult[]> {
	const home = new URL(sandbox.server.baseUrl).origin;
	return await withRedirects(sandbox, async ({ elsewhere, redirected }) => {
		const results: CheckResult[] = [];
		for (const v of redirectVendors()) {
			if (!v.tokenPath) continue;
			const token = await redirected(v, elsewhere, v.tokenPath, runAction(cluster, v, true));
			const error = errorOf(token.answer);
			results.push({
				name: `${v.vendor}: a token request redirected to another origin is not followed; the client secret stays home`,
				ok: error.includes(`${v.vendor}'s token endpoint answered with a redirect (HTTP 307) to ${elsewhere}. It was not followed: the client secret is only sent to ${home}`) && token.leaked === 0 && token.statuses.join() === '307',
				detail: `error "${error.slice(0, 160)}"; ${token.leaked} request(s) reached the other origin; the token endpoint answered ${token.statuses.join(', ') || 'nothing'}`,
			});
		}
		return results;
	});
}

/** Every vendor's action in a worker and credential test on the main, redirected away and within the origin. */
export async function redirectCheck(cluster: QueueCluster, sandbox: Sandbox): Promise<CheckResult[]> {
	return await withRedirects(sandbox, async ({ elsewhere, redirected }) => {
		const results: CheckResult[] = [];
		for (const v of redirectVendors()) {
			const away = await redirected(v, elsewhere, v.apiPath, runAction(cluster, v, false));
			const awayError = errorOf(away.answer);
			results.push({
				name: `${v.vendor}: an action in a worker redirected to another origin fails naming it; that origin receives nothing`,
				ok: awayError.includes(`${v.vendor} redirected the request to ${elsewhere}`) && away.leaked === 0 && away.statuses.join() === '307',
				detail: `error "${awayError.slice(0, 160)}"; ${away.leaked} request(s) reached the other origin; the vendor answered ${away.statuses.join(', ')}`,
			});

			const within = await redirected(v, '', v.apiPath, runAction(cluster, v, false));
			results.push({
				name: `${v.vendor}: an action redirected within the vendor's origin is followed`,
				ok: errorOf(within.answer) === '' && within.statuses[0] === 307 && within.statuses.length === 2 && within.statuses[1] >= 200 && within.statuses[1] < 300,
				detail: `answer ${JSON.stringify(within.answer).slice(0, 120)}; the vendor answered ${within.statuses.join(', ')}`,
			});

			const tested = await redirected(v, elsewhere, v.testPath, () => testOnMain(cluster.url, v, sandbox));
			const verdict = tested.answer as { status?: string; message?: string };
			results.push({
				name: `${v.vendor}: the credential test on the main does not follow a redirect to another origin`,
				ok: verdict.status === 'Error' && String(verdict.message).startsWith(`${v.vendor} answered the test with a redirect (HTTP 307)`) && tested.leaked === 0,
				detail: `test ${verdict.status}: "${String(verdict.message).slice(0, 160)}"; ${tested.leaked} request(s) reached the other origin`,
			});
		}
		return results;
	});
}
