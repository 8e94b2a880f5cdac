/**
 * The headers PocketBase could take a client address from, tried the way an attacker would,
 * against a real playground PocketBase. The whoami route has its own rule (10 requests per 10 s
 * per address), so an address header that could be spoofed shows up as more than ten 200s.
 * Requests are written byte for byte over a socket (raw-request.ts), from a chosen loopback
 * address when a test needs a second visitor.
 */
import { isSimulatedServerAddress } from '../src/lib/simulated-server';
import { expect, test } from './fixtures';
import { rawGet, realIpOf } from './raw-request';
import { realtimeClientId } from './realtime-stream';

const headerName = 'X-Simulated-Server-IP';
const marker = 'mine';

const whoami = (url: string, headerLines?: string[], from?: string) =>
	rawGet(url, '/api/demo/whoami', headerLines, from);

/** Every way the header can arrive other than once with the marker. */
const bypassAttempts: Record<string, (other: string) => string[]> = {
	'repeated, marker first': (other) => [`${headerName}: ${marker}`, `${headerName}: ${other}`],
	'repeated, marker last': (other) => [`${headerName}: ${other}`, `${headerName}: ${marker}`],
	'repeated, both the marker': () => [`${headerName}: ${marker}`, `${headerName}: ${marker}`],
	'a comma-separated list': (other) => [`${headerName}: ${marker}, ${other}`],
	'a comma-separated list, marker last': (other) => [`${headerName}: ${other}, ${marker}`],
	'repeated in another letter case': (other) => [
		`${headerName}: ${marker}`,
		`${headerName.toLowerCase()}: ${other}`,
	],
	'repeated in upper case': (other) => [
		`${headerName.toUpperCase()}: ${marker}`,
		`${headerName.toUpperCase()}: ${other}`,
	],
	'an address': (other) => [`${headerName}: ${other}`],
	'the marker in another letter case': () => [`${headerName}: Mine`],
	'the old fixed server address': () => [`${headerName}: 203.0.113.10`],
};

test.describe('the simulated server header', () => {
	test('is refused (400) in every form but the marker, which opens only the caller’s server bucket', async ({
		ownPocketBase,
	}) => {
		const { url } = ownPocketBase;
		// Each form twice, with another address each time. Before the guard read every value, a
		// repeated header got 200 on every request, each time in a fresh bucket.
		for (const [index, [form, lines]] of Object.entries(bypassAttempts).entries()) {
			for (const other of [`198.51.100.${index + 1}`, `2001:db8::${index + 1}`]) {
				const answer = await whoami(url, lines(other));
				expect(answer.status, form).toBe(400);
				expect(answer.body, form).toContain(`${headerName} may only be sent once`);
			}
		}

		// The marker puts the caller in its server's bucket, under one address PocketBase derives
		// from the caller's: ten, then 429.
		const first = await whoami(url, [`${headerName}: ${marker}`]);
		expect(first.status).toBe(200);
		const server = realIpOf(first);
		expect(isSimulatedServerAddress(server), server).toBe(true);
		for (let i = 1; i < 10; i++) {
			const answer = await whoami(url, [`${headerName}: ${marker}`]);
			expect(answer.status).toBe(200);
			expect(realIpOf(answer)).toBe(server);
		}
		expect((await whoami(url, [`${headerName}: ${marker}`])).status).toBe(429);
		// Spelled differently, it is the same header and the same full bucket.
		expect((await whoami(url, [`${headerName.toLowerCase()}: ${marker}`])).status).toBe(429);

		// With the server's bucket full, no variant buys a fresh one, nor does writing the
		// server's address out.
		for (const [form, lines] of Object.entries(bypassAttempts)) {
			expect((await whoami(url, lines('198.51.100.200'))).status, form).toBe(400);
		}
		expect((await whoami(url, [`${headerName}: ${server}`])).status).toBe(400);
		// The caller's own address still has its own bucket, untouched by all of the above.
		const direct = await whoami(url);
		expect(direct.status).toBe(200);
		expect(realIpOf(direct)).toBe('127.0.0.1');
	});

	test('a second visitor address gets a server of its own, which the first cannot reach', async ({
		ownPocketBase,
	}) => {
		const { url } = ownPocketBase;
		const mark = [`${headerName}: ${marker}`];
		const first = await whoami(url, mark, '127.0.0.2');
		const second = await whoami(url, mark, '127.0.0.3');
		expect([first.status, second.status]).toEqual([200, 200]);
		const [firstServer, secondServer] = [realIpOf(first), realIpOf(second)];
		expect(isSimulatedServerAddress(secondServer), secondServer).toBe(true);
		expect(secondServer).not.toBe(firstServer);

		// The first visitor fills its server's bucket (ten in all), and then tries to reach the
		// second one's: the address written out is refused, the marker counts in its own.
		for (let i = 1; i < 10; i++) expect((await whoami(url, mark, '127.0.0.2')).status).toBe(200);
		expect((await whoami(url, mark, '127.0.0.2')).status).toBe(429);
		expect((await whoami(url, [`${headerName}: ${secondServer}`], '127.0.0.2')).status).toBe(400);

		// The second visitor's server still has nine of its ten, at its own address.
		for (let i = 1; i < 10; i++) {
			const answer = await whoami(url, mark, '127.0.0.3');
			expect(answer.status).toBe(200);
			expect(realIpOf(answer)).toBe(secondServer);
		}
		expect((await whoami(url, mark, '127.0.0.3')).status).toBe(429);
	});
});

test.describe('realtime through the simulated server', () => {
	/** Opens /api/realtime with these headers; returns its client id and a way to close it. */
	async function openStream(url: string, headers: Record<string, string>) {
		const stop = new AbortController();
		const sse = await fetch(`${url}/api/realtime`, { headers, signal: stop.signal });
		return { clientId: await realtimeClientId(sse), close: () => stop.abort() };
	}
	const subscribe = (url: string, clientId: string, headers: Record<string, string>) =>
		fetch(`${url}/api/realtime`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', ...headers },
			body: JSON.stringify({ clientId, subscriptions: ['notes'] }),
		});

	test('the server can subscribe its own stream, never the browser’s', async ({
		ownPocketBase,
	}) => {
		const { url } = ownPocketBase;
		const server = { [headerName]: marker };
		// One reader's server keeps one address from the stream's opening to its subscription.
		const own = await openStream(url, server);
		try {
			expect((await subscribe(url, own.clientId, server)).status).toBe(204);
		} finally {
			own.close();
		}
		// PocketBase's check since v0.38.2: the browser's stream has the reader's address, the
		// server's request its server's, so the subscription is refused.
		const browser = await openStream(url, {});
		try {
			const cross = await subscribe(url, browser.clientId, server);
			expect(cross.status).toBe(400);
			expect(((await cross.json()) as { message: string }).message).toBe(
				'Invalid realtime client.'
			);
		} finally {
			browser.close();
		}
	});
});

test.describe('forwarded-address headers on the local playground', () => {
	test('X-Forwarded-For, X-Real-IP and Forwarded cannot pick a bucket', async ({
		ownPocketBase,
	}) => {
		const statuses: number[] = [];
		for (let i = 1; i <= 14; i++) {
			const answer = await whoami(ownPocketBase.url, [
				`X-Forwarded-For: 198.51.100.${i}`,
				`X-Forwarded-For: 192.0.2.${i}`,
				`X-Real-IP: 192.0.2.${100 + i}`,
				`Forwarded: for=192.0.2.${200 + i}`,
			]);
			statuses.push(answer.status);
			if (answer.status === 200) expect(realIpOf(answer)).toBe('127.0.0.1');
		}
		// One address, one bucket: ten answers, then the 10-per-10 s rule refuses.
		expect(statuses).toEqual([...Array<number>(10).fill(200), ...Array<number>(4).fill(429)]);
	});
});

test.describe('a public deployment behind a reverse proxy', () => {
	test.use({ pocketBaseEnv: { PLAYGROUND_CLIENT_IP_HEADER: 'X-Real-IP' } });

	test('counts the address the proxy writes, and binds each reader’s server to it', async ({
		ownPocketBase,
	}) => {
		const { url } = ownPocketBase;
		// What Caddy's `header_up X-Real-IP {remote_host}` or nginx's
		// `proxy_set_header X-Real-IP $remote_addr` would send for two readers.
		const reader = await whoami(url, ['X-Real-IP: 198.51.100.7']);
		expect(realIpOf(reader)).toBe('198.51.100.7');
		// The simulated server's header still comes first; its address follows the reader's
		// address as the proxy wrote it, not the proxy's own (the TCP peer, the same for all).
		const serverOf = async (readerAddress: string) => {
			const answer = await whoami(url, [`X-Real-IP: ${readerAddress}`, `${headerName}: ${marker}`]);
			expect(answer.status).toBe(200);
			return realIpOf(answer);
		};
		const server = await serverOf('198.51.100.8');
		expect(isSimulatedServerAddress(server), server).toBe(true);
		expect(await serverOf('198.51.100.8')).toBe(server);
		expect(await serverOf('198.51.100.9')).not.toBe(server);
		// It is still guarded.
		const spoof = await whoami(url, [
			'X-Real-IP: 198.51.100.9',
			`${headerName}: ${marker}`,
			`${headerName}: 198.51.100.10`,
		]);
		expect(spoof.status).toBe(400);
		// X-Forwarded-For is still not trusted.
		const forwarded = await whoami(url, ['X-Forwarded-For: 198.51.100.11']);
		expect(realIpOf(forwarded)).toBe('127.0.0.1');
	});
});
