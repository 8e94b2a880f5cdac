/**
 * The rate-limiter model (src/lib/rate-limiter.ts) against the real thing: every scripted
 * sequence of rate-limiter-sequences.ts goes to a real PocketBase 0.40.4 and to the model, and
 * the allow/deny pattern must be identical, request by request.
 *
 * The PocketBase here is a test-only one (its own data folder and port, `ownPocketBase`),
 * configured through its superuser API to trust a test header, so sequences can use client keys
 * of their own. The shared playground's settings are never touched.
 */
import { request as httpRequest, Agent } from 'node:http';
import {
	RateLimiterModel,
	tooManyRequests,
	type HeaderLine,
	type LimiterRequest,
} from '../src/lib/rate-limiter';
import { expect, test } from './fixtures';
import {
	configurations,
	testHeader,
	type Call,
	type CollectionName,
	type Sequence,
	type Step,
} from './rate-limiter-sequences';

const superuser = { email: 'differential@example.com', password: 'differential-password-1' };
test.use({ superuser });
test.describe.configure({ mode: 'parallel' });

interface Answer {
	status: number;
	body: string;
	retryAfter: string | undefined;
	/** The Unix second PocketBase answered in (its Date header). */
	serverSecond: number;
}

const agent = new Agent({ keepAlive: true });

/** One raw request, so header lines can repeat exactly as written. */
function send(
	base: string,
	method: string,
	path: string,
	headers: readonly HeaderLine[],
	body?: unknown
): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const url = new URL(path, base);
		const lines: Record<string, string | string[]> = {};
		for (const [name, value] of headers) {
			const existing = lines[name];
			lines[name] = existing === undefined ? value : [existing, value].flat();
		}
		const payload = body === undefined ? undefined : JSON.stringify(body);
		if (payload) lines['Content-Type'] = 'application/json';
		const req = httpRequest(url, { method, headers: lines, agent }, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (chunk: string) => (text += chunk));
			res.on('end', () =>
				resolve({
					status: res.statusCode ?? 0,
					body: text,
					retryAfter: res.headers['retry-after'],
					serverSecond: Date.parse(res.headers.date ?? '') / 1000,
				})
			);
		});
		req.on('error', reject);
		req.end(payload);
	});
}

interface Context {
	base: string;
	collections: Record<CollectionName, { id: string; name: string }>;
	tokens: { user: string; superuser: string };
	articleId: string;
}

function describeCall(call: Call, ctx: Context) {
	if ('global' in call) {
		const [method, path] = call.global.split(' ') as [string, string];
		return { method, path, body: undefined, collection: undefined };
	}
	const collection = ctx.collections[call.collection];
	const base = `/api/collections/${collection.name}`;
	const routes = {
		authWithPassword: {
			method: 'POST',
			path: `${base}/auth-with-password`,
			// An empty password fails validation at once (400): the limiter has counted the
			// attempt by then, and no password hash is checked, so the answer comes back within
			// the second it was counted in.
			body: { identity: 'nobody@example.com', password: '' },
		},
		authRefresh: { method: 'POST', path: `${base}/auth-refresh`, body: undefined },
		list: { method: 'GET', path: `${base}/records`, body: undefined },
		view: { method: 'GET', path: `${base}/records/${ctx.articleId}`, body: undefined },
		create: { method: 'POST', path: `${base}/records`, body: { text: 'x' } },
	};
	return { ...routes[call.route], collection: { ...collection, route: call.route } };
}

function stepHeaders(step: Step, sequence: Sequence, ctx: Context): HeaderLine[] {
	const lines: HeaderLine[] = [
		...(step.headers ?? (sequence.key ? [[testHeader, sequence.key] as const] : [])),
	];
	if (step.caller === 'user') lines.push(['Authorization', ctx.tokens.user]);
	if (step.caller === 'superuser') lines.push(['Authorization', ctx.tokens.superuser]);
	return lines;
}

interface Observed {
	label: string;
	scheduledSecond: number;
	request: LimiterRequest;
	answer: Answer;
}

const sleepUntil = (ms: number) =>
	new Promise((resolve) => setTimeout(resolve, Math.max(0, ms - Date.now())));

async function runSequence(sequence: Sequence, startMs: number, ctx: Context) {
	const observed: Observed[] = [];
	for (const step of sequence.steps) {
		await sleepUntil(startMs + step.at * 1000);
		const { method, path, body, collection } = describeCall(step.call, ctx);
		const headers = stepHeaders(step, sequence, ctx);
		for (let i = 0; i < (step.times ?? 1); i++) {
			const answer = await send(ctx.base, method, path, headers, body);
			observed.push({
				label: `${method} ${path} @${step.at}s #${i + 1}`,
				scheduledSecond: Math.floor(startMs / 1000 + step.at),
				request: {
					method,
					path,
					collection,
					caller: step.caller ?? 'guest',
					remoteAddr: '127.0.0.1:50000',
					headers,
				},
				answer,
			});
		}
	}
	return observed;
}

async function prepare(base: string): Promise<Context> {
	const json = async (answer: Promise<Answer>) => {
		const { status, body } = await answer;
		if (status >= 300) throw new Error(`setup request failed (${status}): ${body}`);
		return JSON.parse(body) as Record<string, unknown>;
	};
	const su = await json(
		send(base, 'POST', '/api/collections/_superusers/auth-with-password', [], {
			identity: superuser.email,
			password: superuser.password,
		})
	);
	const superuserToken = String(su['token']);
	const auth: HeaderLine[] = [['Authorization', superuserToken]];
	const collections = {} as Context['collections'];
	for (const name of ['users', '_superusers', 'articles', 'notes'] as const) {
		const collection = await json(send(base, 'GET', `/api/collections/${name}`, auth));
		collections[name] = { id: String(collection['id']), name };
	}
	const articles = await json(send(base, 'GET', '/api/collections/articles/records', auth));
	const articleId = String((articles['items'] as { id: string }[])[0]!.id);
	const email = 'differential-user@example.com';
	await json(
		send(base, 'POST', '/api/collections/users/records', auth, {
			email,
			password: 'user-password-1',
			passwordConfirm: 'user-password-1',
		})
	);
	const user = await json(
		send(base, 'POST', '/api/collections/users/auth-with-password', [], {
			identity: email,
			password: 'user-password-1',
		})
	);
	return {
		base,
		collections,
		tokens: { user: String(user['token']), superuser: superuserToken },
		articleId,
	};
}

for (const configuration of configurations) {
	test(`model and PocketBase agree: ${configuration.name}`, async ({ ownPocketBase }) => {
		test.setTimeout(60_000);
		const ctx = await prepare(ownPocketBase.url);
		// Saving settings resets every counter (OnSettingsReload), so the setup above counts for
		// nothing, exactly as in the model's fresh start.
		const saved = await send(
			ctx.base,
			'PATCH',
			'/api/settings',
			[['Authorization', ctx.tokens.superuser]],
			configuration.settings
		);
		expect(saved.status, saved.body).toBe(200);

		const startMs = (Math.floor(Date.now() / 1000) + 1) * 1000;
		const runs = await Promise.all(
			configuration.sequences.map((sequence) => runSequence(sequence, startMs, ctx))
		);

		let landedAsScheduled = 0;
		let total = 0;
		configuration.sequences.forEach((sequence, index) => {
			const model = new RateLimiterModel(configuration.settings);
			const observed = runs[index]!;
			const real = observed.map((o) => `${o.label}: ${o.answer.status === 429 ? '429' : 'ok'}`);
			const modelled = observed.map(
				(o) =>
					`${o.label}: ${model.check(o.request, o.answer.serverSecond * 1000).allowed ? 'ok' : '429'}`
			);
			expect(modelled, `sequence “${sequence.name}”`).toEqual(real);
			for (const o of observed) {
				total++;
				if (o.answer.serverSecond === o.scheduledSecond) landedAsScheduled++;
				if (o.answer.status === 429) {
					expect(o.answer.body.trim()).toBe(tooManyRequests.bodyText);
					expect(o.answer.retryAfter).toBeUndefined();
				}
			}
			// A sequence that never meets a 429 tests nothing about limits; only the skip
			// sequences are meant to pass untouched.
			const refused = observed.filter((o) => o.answer.status === 429).length;
			if (!/skip|excluded/.test(sequence.name)) {
				expect(refused, `sequence “${sequence.name}” meets the limit`).toBeGreaterThan(0);
			}
		});
		// The model was fed the seconds PocketBase reported; the schedule keeps them where the
		// sequences meant to test (window edges), barring a badly stalled machine.
		expect(landedAsScheduled / total).toBeGreaterThan(0.9);
	});
}
