/**
 * The client's address behind the deploy recipe's proxy (`npm run test:deploy`). PocketBase
 * trusts X-Real-IP (PLAYGROUND_CLIENT_IP_HEADER), so the proxy must overwrite it with the
 * connection's address whatever the client wrote, and pass the demos' X-Simulated-Server-IP on
 * unchanged for the playground's own hook to judge.
 */
import { rawGet, realIpOf } from '../raw-request';
import { expect, test } from '../fixtures';
import { recordFigure } from './figure';

const visitor = '127.0.0.11';
const spoofs = [
	'X-Real-IP: 9.9.9.9',
	'x-real-ip: 8.8.8.8',
	'X-Forwarded-For: 9.9.9.9',
	'Forwarded: for=9.9.9.9',
];

test('a client cannot name its own address: the proxy overwrites X-Real-IP with the connection’s', async ({
	ownPocketBase,
}) => {
	const pb = ownPocketBase;
	expect(pb.proxy, 'run with npm run test:deploy').toBeDefined();
	// What the check guards against: PocketBase believes X-Real-IP from whoever reaches it, which
	// is why it listens on loopback only and the proxy is the only way in.
	const around = await rawGet(pb.directUrl, '/api/demo/whoami', spoofs.slice(0, 1), visitor);
	expect(realIpOf(around)).toBe('9.9.9.9');

	const answer = await rawGet(pb.url, '/api/demo/whoami', spoofs, visitor);
	expect(answer.status).toBe(200);
	const seen = JSON.parse(answer.body) as { realIP: string; remoteIP: string };
	// PocketBase counts the visitor's own address; its TCP peer is the proxy.
	expect(seen).toMatchObject({ realIP: visitor, remoteIP: '127.0.0.1' });

	// The demos' simulated server: the marker passes through and becomes the visitor's server
	// address; any other value reaches the playground's hook and is refused there.
	const server = await rawGet(pb.url, '/api/demo/whoami', ['X-Simulated-Server-IP: mine'], visitor);
	expect(server.status).toBe(200);
	expect(realIpOf(server)).toMatch(/^2001:0?db8:/);
	const named = await rawGet(
		pb.url,
		'/api/demo/whoami',
		['X-Simulated-Server-IP: 9.9.9.9'],
		visitor
	);
	expect(named.status).toBe(400);

	// The dashboard stays the host's own: through the proxy only a visitor on the host gets it.
	expect((await rawGet(pb.url, '/_/', spoofs, visitor)).status).toBe(403);
	expect((await rawGet(pb.url, '/_/', ['X-Real-IP: 127.0.0.1'], visitor)).status).toBe(403);
	expect((await rawGet(pb.url, '/_/', [], '127.0.0.1')).status).toBe(200);
	recordFigure(
		`client address: with ${spoofs.length} spoofed headers PocketBase counted ${seen.realIP} (peer ${seen.remoteIP}); the dashboard from it: 403`
	);
});
