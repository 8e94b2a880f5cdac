import { createServer, createConnection, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { chunkSchedule, startDelayProxy } from './delay-proxy.mjs';

describe('chunkSchedule', () => {
	it('holds each chunk half a round trip, and a new connection’s first one a handshake longer', () => {
		const upstream = chunkSchedule({ rttMs: 40 }, 1, 0);
		expect(upstream(0)).toBe(60);
		expect(upstream(100)).toBe(120);
		const downstream = chunkSchedule({ rttMs: 40 });
		expect(downstream(5)).toBe(25);
	});

	it('charges no handshake to bytes sent after it would have finished (a preconnect)', () => {
		const upstream = chunkSchedule({ rttMs: 40 }, 1, 0);
		// Opened at 0, handshake done at 40: bytes sent at 30 wait 10 ms for it, at 50 none.
		expect(chunkSchedule({ rttMs: 40 }, 1, 0)(30)).toBe(60);
		expect(upstream(50)).toBe(70);
	});

	it('never passes a chunk on before the one ahead of it', () => {
		const schedule = chunkSchedule({ rttMs: 40 }, 1, 0);
		expect(schedule(0)).toBe(60);
		// Came 1 ms later but is due earlier than the first chunk: it waits for it.
		expect(schedule(1)).toBe(60);
		expect(schedule(50)).toBe(70);
	});

	it('reads the link’s round trip for every chunk', () => {
		const link = { rttMs: 20 };
		const schedule = chunkSchedule(link);
		expect(schedule(0)).toBe(10);
		link.rttMs = 80;
		expect(schedule(100)).toBe(140);
	});
});

describe('startDelayProxy', () => {
	let echo: Server | undefined;
	let close: (() => Promise<void>) | undefined;
	afterEach(async () => {
		await close?.();
		await new Promise((resolve) => (echo ? echo.close(resolve) : resolve(undefined)));
	});

	/** Sends `text` and resolves with the answer and the milliseconds it took. */
	function exchange(socket: Socket, text: string) {
		const started = performance.now();
		return new Promise<{ answer: string; ms: number }>((resolve) => {
			socket.once('data', (data) =>
				resolve({ answer: data.toString(), ms: performance.now() - started })
			);
			socket.write(text);
		});
	}

	it('adds a round trip to every exchange and a handshake to the first, bytes unchanged', async () => {
		echo = createServer((socket) => socket.on('data', (data) => socket.write(data)));
		await new Promise((resolve) => echo?.listen(0, '127.0.0.1', () => resolve(undefined)));
		const address = echo.address();
		const port = typeof address === 'object' && address ? address.port : 0;
		const proxy = await startDelayProxy({ target: { host: '127.0.0.1', port }, rttMs: 40 });
		close = proxy.close;
		const socket = createConnection({ host: '127.0.0.1', port: proxy.port });
		await new Promise((resolve) => socket.once('connect', resolve));
		const first = await exchange(socket, 'hello');
		const second = await exchange(socket, 'again');
		socket.destroy();
		expect(first.answer).toBe('hello');
		expect(second.answer).toBe('again');
		// Never early; late only by what the machine's load adds.
		expect(first.ms).toBeGreaterThanOrEqual(80);
		expect(second.ms).toBeGreaterThanOrEqual(40);
		expect(proxy.connections()).toBe(1);
	});
});
