/**
 * Slow clients against the deploy recipe's proxy (`npm run test:deploy`). Directly exposed,
 * PocketBase let one address hold all its 16,384 file descriptors with half-sent requests within
 * 1.2 s. Behind the proxy, PocketBase must never see a request before it is whole, another
 * visitor must still get answers at once, and the proxy must end the slow ones.
 */
import { rawGet } from '../raw-request';
import { expect, test, type OwnPocketBase } from '../fixtures';
import { recordFigure } from './figure';
import { cpuSeconds, openFiles } from './process-stats';
import { slowBodies, slowHeaders } from './slow-clients';

const attacker = '127.0.0.2';
const visitor = '127.0.0.3';

/**
 * While an attack holds its connections: another visitor is answered at once, and PocketBase
 * holds none of the attacker's connections (each would be one more open file there).
 */
async function expectOthersServed(pb: OwnPocketBase, filesBefore: number) {
	const started = Date.now();
	const answer = await rawGet(pb.url, '/api/health', [], visitor);
	const ms = Date.now() - started;
	expect(answer.status).toBe(200);
	expect(ms).toBeLessThan(1_000);
	const extraFiles = openFiles(pb.pid()) - filesBefore;
	expect(extraFiles).toBeLessThan(10);
	return { ms, extraFiles };
}

test('slowloris: 200 half-sent requests from one address never reach PocketBase and end after the header timeout', async ({
	ownPocketBase,
}) => {
	test.setTimeout(45_000);
	const pb = ownPocketBase;
	expect(pb.proxy, 'run with npm run test:deploy').toBeDefined();
	const files = openFiles(pb.pid());
	const cpu = cpuSeconds(pb.pid());
	const slow = slowHeaders(pb.url, 200, attacker);
	try {
		await new Promise((resolve) => setTimeout(resolve, 2_000));
		const { ms, extraFiles } = await expectOthersServed(pb, files);
		// The proxy ends every one once its header has taken 10 s, trickling or not.
		await expect
			.poll(() => slow.closedAfterMs.length, { timeout: 16_000, intervals: [500] })
			.toBe(200);
		const first = Math.min(...slow.closedAfterMs);
		const last = Math.max(...slow.closedAfterMs);
		expect(first).toBeGreaterThan(9_000);
		expect(last).toBeLessThan(13_000);
		recordFigure(
			`slowloris, 200 connections from one address: another visitor answered in ${ms} ms; PocketBase +${extraFiles} open files; the proxy closed them after ${(first / 1000).toFixed(1)}–${(last / 1000).toFixed(1)} s (answers: ${slow.statuses.length ? [...new Set(slow.statuses)].join(', ') : 'none'}); PocketBase CPU ${(cpuSeconds(pb.pid()) - cpu).toFixed(2)} s`
		);
	} finally {
		slow.close();
	}
});

test('slow bodies: 40 trickled bodies from one address never reach PocketBase, and nginx refuses those past 30', async ({
	ownPocketBase,
}) => {
	test.setTimeout(45_000);
	const pb = ownPocketBase;
	expect(pb.proxy, 'run with npm run test:deploy').toBeDefined();
	const files = openFiles(pb.pid());
	const slow = slowBodies(pb.url, 40, attacker);
	try {
		await new Promise((resolve) => setTimeout(resolve, 2_000));
		// The proxy reads each body whole before it asks PocketBase: none of the 40 is there.
		const { ms, extraFiles } = await expectOthersServed(pb, files);
		if (pb.proxy === 'nginx') {
			// limit_conn: 30 requests in progress per address; the other 10 are refused at once.
			expect(slow.statuses).toEqual(Array.from({ length: 10 }, () => 429));
			recordFigure(
				`slow bodies, 40 from one address: nginx refused 10 with 429 at once and holds 30 (the body timeout restarts with each byte); PocketBase +${extraFiles} open files; another visitor answered in ${ms} ms`
			);
		} else {
			// Caddy 2.6 has no per-address limit: it holds all 40 until its 10 s read timeout.
			expect(slow.statuses).toEqual([]);
			await expect
				.poll(() => slow.closedAfterMs.length, { timeout: 16_000, intervals: [500] })
				.toBe(40);
			const last = Math.max(...slow.closedAfterMs);
			expect(last).toBeLessThan(13_000);
			recordFigure(
				`slow bodies, 40 from one address: Caddy held all 40 (no per-address limit) and closed them by ${(last / 1000).toFixed(1)} s; PocketBase +${extraFiles} open files; another visitor answered in ${ms} ms`
			);
		}
	} finally {
		slow.close();
	}
});
