import type PocketBase from 'pocketbase';
import { BaseAuthStore } from 'pocketbase';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SimulatedServer } from '~/lib/simulated-server';

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = (id: string) => `${part({ alg: 'HS256' })}.${part({ id, exp: 4_000_000_000 })}.sig`;

/** What the stand-in PocketBase answers, and what it saw. */
const pocketbase = { refreshOk: true, refreshed: [] as string[], queries: 0 };

/** A stand-in SDK client: a real auth store, and the two calls the cookie flow makes. */
function client(): PocketBase {
	const authStore = new BaseAuthStore();
	const collection = () => ({
		authRefresh: () => {
			pocketbase.refreshed.push(authStore.token);
			if (!pocketbase.refreshOk) return Promise.reject(new Error('401'));
			authStore.save(token('fresh'), { id: 'u1', collectionId: 'c', collectionName: 'users' });
			return Promise.resolve({});
		},
		getFullList: () => {
			pocketbase.queries++;
			return Promise.resolve([]);
		},
	});
	return { authStore, collection } as unknown as PocketBase;
}

const reader = client();
vi.mock('../demo-kit/connection', () => ({
	directClient: () => Promise.resolve(reader),
	serverClientFactory: vi.fn(),
}));
vi.mock('../demo-kit/proxied-call', async (actual) => ({
	...(await actual<typeof import('../demo-kit/proxied-call')>()),
	simulatedServer: () =>
		Promise.resolve(
			new SimulatedServer<PocketBase>(
				{ instances: 'per-request' },
				{ createClient: client, clock: { sleep: () => Promise.resolve() } }
			)
		),
}));

const { CookieFlow } = await import('./auth-state-flows');

beforeEach(() => {
	Object.assign(pocketbase, { refreshOk: true, refreshed: [], queries: 0 });
	reader.authStore.save(token('signed-in'), {
		id: 'u1',
		collectionId: 'c',
		collectionName: 'users',
	});
});

describe('the cookie flow’s page view', () => {
	it('sends the reader’s cookie, refreshes, queries, and keeps the cookie the server set', async () => {
		const flow = new CookieFlow();
		const first = await flow.pageView();
		expect(first.ok).toBe(true);
		expect(first.calls).toBe(2);
		expect(pocketbase.refreshed).toEqual([token('signed-in')]);
		expect(first.setCookie).toMatch(/^pb_auth=.*; HttpOnly; Secure; SameSite=Strict/);
		// The next page view sends the refreshed token the server set, not the browser's own.
		await flow.pageView();
		expect(pocketbase.refreshed).toEqual([token('signed-in'), token('fresh')]);
		expect(first.totalMs).toBeCloseTo(
			first.sample.hopMs + first.sample.refreshMs + first.sample.queryMs
		);
	});

	it('stops at a refused refresh, and the browser forgets the cookie', async () => {
		const flow = new CookieFlow();
		pocketbase.refreshOk = false;
		const refused = await flow.pageView();
		expect(refused).toMatchObject({ ok: false, calls: 1 });
		expect(refused.error).toBeInstanceOf(Error);
		expect(pocketbase.queries).toBe(0);
		expect(refused.sample.queryMs).toBe(0);
		// Forgotten: the next page view starts again from the reader's own sign-in.
		pocketbase.refreshOk = true;
		reader.authStore.save(token('again'), { id: 'u1', collectionId: 'c', collectionName: 'users' });
		await flow.pageView();
		expect(pocketbase.refreshed.at(-1)).toBe(token('again'));
	});

	it('compares N page views: one call each direct, two through the server', async () => {
		const progress: number[] = [];
		const result = await new CookieFlow().compare(3, (view) => progress.push(view));
		expect(progress).toEqual([0, 1, 2]);
		expect(result.direct).toMatchObject({ calls: 3, failures: 0 });
		expect(result.proxy).toMatchObject({ calls: 6, failures: 0 });
		expect(result.error).toBeUndefined();
		expect(result.setCookie).toMatch(/^pb_auth=/);
	});
});
