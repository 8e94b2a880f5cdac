/**
 * Oversized requests against the deploy recipe's proxy (`npm run test:deploy`). Directly exposed,
 * PocketBase took URLs of any length (an `expand=a,a,a,…` list burns its CPU) and read a chunked
 * 31 MB body on a GET into memory. Behind the proxy, both are refused before PocketBase sees them.
 *
 * Whether a request reached PocketBase is read from PocketBase's own rate limiter: the whoami
 * route allows 10 requests per 10 s from one address, so after a dozen refusals an ordinary
 * request from the same address is still answered only if none of them was counted.
 */
import { rawGet, type RawAnswer } from '../raw-request';
import { expect, test } from '../fixtures';
import { resources } from '../server-resources';
import { recordFigure } from './figure';
import { cpuSeconds } from './process-stats';
import { getWithBody } from './slow-clients';

const whoami = '/api/demo/whoami';
const message = (answer: { body: string }) =>
	(JSON.parse(answer.body) as { message: string }).message;

test('URLs over 8 KB are refused by the proxy and never reach PocketBase', async ({
	ownPocketBase,
}) => {
	const pb = ownPocketBase;
	expect(pb.proxy, 'run with npm run test:deploy').toBeDefined();
	// The limiter counts what reaches PocketBase: ten 6 KB URLs do (its own query bound, in
	// playground/pb_hooks/query-bounds.js, refuses them after the limiter has counted them), and
	// the eleventh request is refused. This is what the check below would see if the proxy let
	// long URLs through.
	const control = '127.0.0.8';
	for (let i = 0; i < 10; i++) {
		const answer = await rawGet(pb.url, `${whoami}?expand=${'a,'.repeat(3_000)}`, [], control);
		expect(answer.status).toBe(414);
		expect(message(answer)).toBe('A query string may be at most 4096 bytes.');
	}
	expect((await rawGet(pb.url, whoami, [], control)).status).toBe(429);

	const from = '127.0.0.9';
	const cpu = cpuSeconds(pb.pid());
	const started = Date.now();
	const refused: RawAnswer[] = [];
	for (let i = 0; i < 12; i++) {
		refused.push(await rawGet(pb.url, `${whoami}?expand=${'a,'.repeat(4_600)}`, [], from));
	}
	const ms = (Date.now() - started) / 12;
	for (const answer of refused) {
		expect(answer.status).toBe(414);
		expect(message(answer)).toBe('URLs are limited to 8 KB.');
	}
	// Far longer: nginx still answers 414; Caddy's Go server refuses the whole header with 431.
	const huge = await rawGet(pb.url, `${whoami}?expand=${'a,'.repeat(32_000)}`, [], from);
	expect(huge.status).toBe(pb.proxy === 'nginx' ? 414 : 431);
	// None of the 13 was counted.
	expect((await rawGet(pb.url, whoami, [], from)).status).toBe(200);
	recordFigure(
		`URL of 9.2 KB: ${refused[0]?.status} in ${ms.toFixed(1)} ms each; 64 KB: ${huge.status}; PocketBase counted none of 13 and spent ${(cpuSeconds(pb.pid()) - cpu).toFixed(2)} s CPU`
	);
});

test('a 1 MB body and a 31 MB chunked body on GET are refused by the proxy, and PocketBase’s memory stays put', async ({
	ownPocketBase,
}) => {
	test.setTimeout(60_000);
	const pb = ownPocketBase;
	expect(pb.proxy, 'run with npm run test:deploy').toBeDefined();
	const from = '127.0.0.10';
	const before = resources(pb.pid(), pb.dataDir).rssMB;

	// A declared length over 64 KB: refused before the body is read, a dozen times.
	const declared = [];
	for (let i = 0; i < 12; i++) {
		declared.push(await getWithBody(pb.url, whoami, 1024 * 1024, 'length', from));
	}
	for (const answer of declared) {
		expect(answer.status).toBe(413);
		expect(message(answer)).toBe('Request bodies are limited to 65536 bytes.');
	}
	// None reached PocketBase's limiter.
	expect((await rawGet(pb.url, whoami, [], from)).status).toBe(200);

	// No length at all: nginx refuses any chunked body (411); Caddy 2.6 cannot tell one apart
	// before reading it, so it reads up to 64 KiB, and PocketBase gets at most that before the
	// request fails with 413.
	const chunked = await getWithBody(pb.url, whoami, 31 * 1024 * 1024, 'chunked', from);
	if (pb.proxy === 'nginx') {
		expect(chunked.status).toBe(411);
		expect(message(chunked)).toBe('Send a Content-Length: bodies of unknown length are refused.');
	} else {
		expect(chunked.status).toBe(413);
		expect(message(chunked)).toBe('Request bodies are limited to 65536 bytes.');
	}
	const after = resources(pb.pid(), pb.dataDir).rssMB;
	expect(after - before).toBeLessThan(20);
	recordFigure(
		`1 MB body: ${declared[0]?.status} in ${declared[0]?.ms} ms; 31 MB chunked GET: ${chunked.status} in ${chunked.ms} ms; PocketBase resident memory ${before.toFixed(0)} → ${after.toFixed(0)} MB`
	);
});
