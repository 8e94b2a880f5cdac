/**
 * The headers PocketBase could take a client address from, tried the way an attacker would,
 * against a real playground PocketBase. The whoami route has its own rule (10 requests per 10 s
 * per address), so an address header that could be spoofed shows up as more than ten 200s.
 * Requests are written byte for byte over a socket: fetch() would merge repeated headers into
 * one comma-separated line and normalise the names' letter case.
 */
import { connect } from 'node:net';
import { expect, test } from './fixtures';

/** The address the whoami route says PocketBase saw. */
const realIpOf = (body: string) => (JSON.parse(body) as { realIP: string }).realIP;

const headerName = 'X-Simulated-Server-IP';
const serverAddress = '203.0.113.10';

interface Answer {
	status: number;
	body: string;
}

/** GET `path` with exactly these header lines, as written. */
function rawGet(baseUrl: string, path: string, headerLines: string[] = []): Promise<Answer> {
	const { hostname, port } = new URL(baseUrl);
	const request = [
		`GET ${path} HTTP/1.1`,
		`Host: ${hostname}:${port}`,
		'Connection: close',
		...headerLines,
		'',
		'',
	].join('\r\n');
	return new Promise((resolve, reject) => {
		const socket = connect(Number(port), hostname, () => socket.end(request));
		let response = '';
		socket.setEncoding('utf8');
		socket.on('data', (chunk: string) => (response += chunk));
		socket.on('error', reject);
		socket.on('close', () => {
			const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);
			const body = response.slice(response.indexOf('\r\n\r\n') + 4);
			if (!status) reject(new Error(`No HTTP answer: ${response.slice(0, 200)}`));
			else resolve({ status, body });
		});
	});
}

const whoami = (url: string, headerLines?: string[]) =>
	rawGet(url, '/api/demo/whoami', headerLines);

/** Every way the header can arrive other than once with the one allowed value. */
const bypassAttempts: Record<string, (other: string) => string[]> = {
	'repeated, allowed value first': (other) => [
		`${headerName}: ${serverAddress}`,
		`${headerName}: ${other}`,
	],
	'repeated, allowed value last': (other) => [
		`${headerName}: ${other}`,
		`${headerName}: ${serverAddress}`,
	],
	'repeated, both the allowed value': () => [
		`${headerName}: ${serverAddress}`,
		`${headerName}: ${serverAddress}`,
	],
	'a comma-separated list': (other) => [`${headerName}: ${serverAddress}, ${other}`],
	'a comma-separated list, allowed value last': (other) => [
		`${headerName}: ${other}, ${serverAddress}`,
	],
	'repeated in another letter case': (other) => [
		`${headerName}: ${serverAddress}`,
		`${headerName.toLowerCase()}: ${other}`,
	],
	'repeated in upper case': (other) => [
		`${headerName.toUpperCase()}: ${serverAddress}`,
		`${headerName.toUpperCase()}: ${other}`,
	],
	'another address': (other) => [`${headerName}: ${other}`],
	'the allowed address with a port': () => [`${headerName}: ${serverAddress}:443`],
};

test.describe('the simulated server header', () => {
	test('is refused (400) in every form but one exact value, and opens no bucket', async ({
		ownPocketBase,
	}) => {
		const { url } = ownPocketBase;
		// Each form twice, with another address each time. Before the guard read every value, the
		// first form got 200 on every request, each time in a fresh bucket.
		for (const [index, [form, lines]] of Object.entries(bypassAttempts).entries()) {
			for (const other of [`198.51.100.${index + 1}`, `2001:db8::${index + 1}`]) {
				const answer = await whoami(url, lines(other));
				expect(answer.status, form).toBe(400);
				expect(answer.body, form).toContain(`${headerName} may only be sent once`);
			}
		}

		// The one accepted form puts the caller in the server's bucket: ten, then 429.
		for (let i = 0; i < 10; i++) {
			const answer = await whoami(url, [`${headerName}: ${serverAddress}`]);
			expect(answer.status).toBe(200);
			expect(realIpOf(answer.body)).toBe(serverAddress);
		}
		expect((await whoami(url, [`${headerName}: ${serverAddress}`])).status).toBe(429);
		// Spelled differently, it is the same header and the same full bucket.
		expect((await whoami(url, [`${headerName.toLowerCase()}: ${serverAddress}`])).status).toBe(429);

		// With the server's bucket full, no variant buys a fresh one.
		for (const [form, lines] of Object.entries(bypassAttempts)) {
			expect((await whoami(url, lines('198.51.100.200'))).status, form).toBe(400);
		}
		// The caller's own address still has its own bucket, untouched by all of the above.
		const direct = await whoami(url);
		expect(direct.status).toBe(200);
		expect(realIpOf(direct.body)).toBe('127.0.0.1');
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
			if (answer.status === 200) expect(realIpOf(answer.body)).toBe('127.0.0.1');
		}
		// One address, one bucket: ten answers, then the 10-per-10 s rule refuses.
		expect(statuses).toEqual([...Array<number>(10).fill(200), ...Array<number>(4).fill(429)]);
	});
});

test.describe('a public deployment behind a reverse proxy', () => {
	test.use({ pocketBaseEnv: { PLAYGROUND_CLIENT_IP_HEADER: 'X-Real-IP' } });

	test('counts the address the proxy writes into the named header', async ({ ownPocketBase }) => {
		// What Caddy's `header_up X-Real-IP {remote_host}` or nginx's
		// `proxy_set_header X-Real-IP $remote_addr` would send for two readers.
		const reader = await whoami(ownPocketBase.url, ['X-Real-IP: 198.51.100.7']);
		expect(realIpOf(reader.body)).toBe('198.51.100.7');
		// The simulated server's header still comes first, and is still guarded.
		const server = await whoami(ownPocketBase.url, [
			'X-Real-IP: 198.51.100.8',
			`${headerName}: ${serverAddress}`,
		]);
		expect(realIpOf(server.body)).toBe(serverAddress);
		const spoof = await whoami(ownPocketBase.url, [
			'X-Real-IP: 198.51.100.9',
			`${headerName}: ${serverAddress}`,
			`${headerName}: 198.51.100.10`,
		]);
		expect(spoof.status).toBe(400);
		// X-Forwarded-For is still not trusted.
		const forwarded = await whoami(ownPocketBase.url, ['X-Forwarded-For: 198.51.100.11']);
		expect(realIpOf(forwarded.body)).toBe('127.0.0.1');
	});
});
