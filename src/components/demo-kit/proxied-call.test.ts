import type PocketBase from 'pocketbase';
import { BaseAuthStore } from 'pocketbase';
import { describe, expect, it, vi } from 'vitest';
import { cookieToSend } from '~/lib/auth-cookie';
import { SimulatedServer, type Clock } from '~/lib/simulated-server';
import { loadSignIn, proxiedCall, proxiedRequest, type ServerCall } from './proxied-call';

// The page's connection reads the address bar; these tests bring their own server.
vi.mock('./connection', () => ({ serverClientFactory: vi.fn() }));

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = `${part({ alg: 'HS256' })}.${part({ id: 'u1', exp: 4_000_000_000 })}.sig`;
const record = { id: 'u1', collectionId: 'c', collectionName: 'users' };

/** A stand-in for the SDK client: its own auth store, nothing else. */
const fakeClient = () => ({ authStore: new BaseAuthStore() }) as unknown as PocketBase;
const clock: Clock = { sleep: () => Promise.resolve() };
const server = () =>
	new SimulatedServer<PocketBase>(
		{ instances: 'per-request' },
		{ createClient: fakeClient, clock }
	);
const hop = { addedMs: 10, cold: false };

function signedInReader(): PocketBase {
	const reader = fakeClient();
	reader.authStore.save(token, record);
	return reader;
}

describe('the reader’s sign-in on the server', () => {
	it('is loaded from the cookie the browser sent, or from the reader’s own client', () => {
		const reader = signedInReader();
		const fromCookie = fakeClient();
		loadSignIn(fromCookie, { cookie: cookieToSend(reader.authStore.exportToCookie()) });
		expect(fromCookie.authStore.token).toBe(token);
		const fromClient = fakeClient();
		loadSignIn(fromClient, { client: reader });
		expect(fromClient.authStore.record?.id).toBe('u1');
	});

	it('is not forwarded when the reader is signed out or none is given', () => {
		const anonymous = fakeClient();
		loadSignIn(anonymous, { client: fakeClient() });
		loadSignIn(anonymous, undefined);
		expect(anonymous.authStore.token).toBe('');
	});
});

describe('proxiedRequest', () => {
	it('makes each call as the signed-in server, and times every one of them', async () => {
		const seen: string[] = [];
		const outcome = await proxiedRequest(
			server(),
			async (call: ServerCall) => {
				const first = await call((pb) => Promise.resolve(pb.authStore.token));
				const second = await call((_pb, marked) => Promise.resolve(marked.query.timing));
				seen.push(first.ok ? first.value : '', second.ok ? second.value : '');
				return 'answer';
			},
			{ hop, signIn: { client: signedInReader() } }
		);
		expect(seen[0]).toBe(token);
		// Each call carries its own marker, so the instrument finds its own timing entry.
		expect(seen[1]).toMatch(/^[\da-f-]{36}$/);
		expect(outcome).toMatchObject({ ok: true, value: 'answer', response: 'answer' });
		expect(outcome.calls).toHaveLength(2);
		expect(outcome.measuredMs).toBe(outcome.calls[0]!.measuredMs + outcome.calls[1]!.measuredMs);
		expect(outcome.totalMs).toBe(10 + outcome.measuredMs);
		expect(outcome.segments.map((segment) => segment.leg)).toEqual([
			'server-hop',
			'pocketbase-call',
			'pocketbase-call',
		]);
	});

	it('fails with the first failed call’s error and keeps what the handler answered', async () => {
		const refused = new Error('The request requires valid record authorization token.');
		const outcome = await proxiedRequest(
			server(),
			async (call) => {
				const refresh = await call(() => Promise.reject(refused));
				if (refresh.ok) await call(() => Promise.resolve('query'));
				return 'Set-Cookie: pb_auth=';
			},
			{ hop }
		);
		expect(outcome.ok).toBe(false);
		if (!outcome.ok) expect(outcome.error).toBe(refused);
		expect(outcome.response).toBe('Set-Cookie: pb_auth=');
		expect(outcome.calls).toHaveLength(1);
	});

	it('fails when the handler throws', async () => {
		const broken = new Error('handler');
		const outcome = await proxiedRequest(server(), () => Promise.reject(broken), { hop });
		expect(outcome).toMatchObject({ ok: false, error: broken, response: undefined, calls: [] });
	});
});

describe('proxiedCall', () => {
	it('still makes one call, forwarding the reader’s sign-in when asked', async () => {
		const outcome = await proxiedCall(server(), (pb) => Promise.resolve(pb.authStore.token), {
			hop,
			forwardAuthFrom: signedInReader(),
		});
		expect(outcome).toMatchObject({ ok: true, value: token });
		expect(outcome.totalMs).toBe(10 + outcome.measuredMs);
	});
});
