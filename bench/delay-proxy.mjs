// A TCP proxy that gives a loopback link a round trip: every chunk, in each direction, reaches
// the other side half a round trip after it arrived, in order. It stands in for a network link
// in the calibration (bench/calibration.mjs) without root or netem.
//
// What it cannot delay by itself is the TCP handshake: the kernel completes it on loopback before
// the proxy sees the connection. So it charges it where TCP does: a client cannot send on a new
// connection before the SYN and SYN-ACK have crossed, one round trip after it opened it
// (`handshakeRoundTrips`, 1 for TCP; plain HTTP has no TLS). Bytes sent later than that, as on a
// connection opened early by `<link rel="preconnect">`, wait no longer for it. Bandwidth is not
// modelled: a large answer's chunks all arrive half a round trip late, none later.
import { createConnection, createServer } from 'node:net';

/**
 * When each chunk of one direction may be passed on: half a round trip after it came, never before
 * the connection's handshake would have let it leave (`handshakeRoundTrips` round trips after
 * `openedMs`), and never before the chunk ahead of it, so the order holds. The link's round trip
 * is read for every chunk, so it can change between loads.
 * @param {{ rttMs: number }} link
 * @param {number} [handshakeRoundTrips] 0 for the direction that answers
 * @param {number} [openedMs] when the connection was opened, on the clock of the arrival times
 * @returns {(arrivedMs: number) => number} the time to pass a chunk on, given when it arrived
 */
export function chunkSchedule(link, handshakeRoundTrips = 0, openedMs = -Infinity) {
	let lastMs = -Infinity;
	return (arrivedMs) => {
		const sendable = Math.max(arrivedMs, openedMs + handshakeRoundTrips * link.rttMs);
		lastMs = Math.max(lastMs, sendable + link.rttMs / 2);
		return lastMs;
	};
}

/**
 * Runs `action` at `dueMs` (performance.now()'s clock), never before: Node's timers count whole
 * milliseconds from the event loop's cached clock, so one can fire up to about 2 ms early.
 * @param {number} dueMs @param {() => void} action
 */
function at(dueMs, action) {
	const left = dueMs - performance.now();
	if (left <= 0) action();
	else setTimeout(() => at(dueMs, action), Math.ceil(left));
}

/**
 * Passes one direction's chunks on at their scheduled times; ends the far side once the last
 * chunk is through.
 * @param {import('node:net').Socket} from
 * @param {import('node:net').Socket} to
 * @param {(arrivedMs: number) => number} schedule
 */
function pipeDelayed(from, to, schedule) {
	let pending = 0;
	let ended = false;
	from.on('data', (chunk) => {
		pending++;
		at(schedule(performance.now()), () => {
			if (!to.destroyed) to.write(chunk);
			if (--pending === 0 && ended) to.end();
		});
	});
	from.on('end', () => {
		ended = true;
		if (pending === 0) to.end();
	});
}

/**
 * Starts a proxy on a free loopback port that forwards to `target` over a link of `rttMs`;
 * `link.rttMs` changes it for every chunk from then on.
 * @param {{ target: { host: string; port: number }; rttMs: number; handshakeRoundTrips?: number }} options
 */
export async function startDelayProxy({ target, rttMs, handshakeRoundTrips = 1 }) {
	const link = { rttMs };
	/** @type {Set<import('node:net').Socket>} */
	const open = new Set();
	let accepted = 0;
	// Half-open allowed: a side that has finished sending may still be owed delayed chunks.
	const server = createServer({ allowHalfOpen: true }, (client) => {
		accepted++;
		const openedMs = performance.now();
		client.setNoDelay(true);
		const upstream = createConnection({
			host: target.host,
			port: target.port,
			allowHalfOpen: true,
		});
		upstream.setNoDelay(true);
		for (const socket of [client, upstream]) {
			open.add(socket);
			socket.on('close', () => open.delete(socket));
			// A reset on one side closes the other; the proxy itself stays up.
			socket.on('error', () => {
				client.destroy();
				upstream.destroy();
			});
		}
		pipeDelayed(client, upstream, chunkSchedule(link, handshakeRoundTrips, openedMs));
		pipeDelayed(upstream, client, chunkSchedule(link));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		link,
		port,
		url: `http://127.0.0.1:${port}`,
		/** Connections accepted so far: each one paid a handshake. */
		connections: () => accepted,
		/** @returns {Promise<void>} */
		close: () =>
			new Promise((resolve) => {
				for (const socket of open) socket.destroy();
				server.close(() => resolve(undefined));
			}),
	};
}
