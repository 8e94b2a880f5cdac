/**
 * Clients that misbehave on purpose, written byte by byte over sockets from a chosen loopback
 * address (anything in 127.0.0.0/8 on Linux, so the proxy sees one distinct visitor each): a
 * slowloris that never finishes its headers, a sender that trickles a body, and bodies too large
 * to accept. Every one is bounded in count and time.
 */
import { connect, type Socket } from 'node:net';

export interface SlowClients {
	/** For each connection the server closed, milliseconds from its opening to the close. */
	closedAfterMs: number[];
	/** The status line of each answer the server sent, if any. */
	statuses: number[];
	/** Closes every connection still open. */
	close(): void;
}

/** Opens `count` connections from `localAddress`, each starting with `start`, then trickling `drip`. */
function trickle(
	baseUrl: string,
	count: number,
	localAddress: string,
	start: string,
	drip: string
): SlowClients {
	const { hostname, port } = new URL(baseUrl);
	const opened = Date.now();
	const closedAfterMs: number[] = [];
	const statuses: number[] = [];
	const sockets: Socket[] = [];
	for (let i = 0; i < count; i++) {
		const socket = connect({ host: hostname, port: Number(port), localAddress }, () =>
			socket.write(start)
		);
		let answer = '';
		socket.setEncoding('latin1');
		socket.on('data', (chunk: string) => {
			const before = /^HTTP\/1\.1 (\d{3})/.test(answer);
			answer += chunk;
			const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1];
			if (!before && status) statuses.push(Number(status));
		});
		socket.on('error', () => undefined);
		socket.on('close', () => closedAfterMs.push(Date.now() - opened));
		sockets.push(socket);
	}
	// One byte a second per connection: never idle, never done.
	const timer = setInterval(() => {
		for (const socket of sockets) if (socket.writable) socket.write(drip);
	}, 1_000);
	return {
		closedAfterMs,
		statuses,
		close() {
			clearInterval(timer);
			for (const socket of sockets) socket.destroy();
		},
	};
}

/** Slowloris: requests whose header never ends, one more header byte a second. */
export function slowHeaders(baseUrl: string, count: number, localAddress: string) {
	return trickle(
		baseUrl,
		count,
		localAddress,
		`GET /api/health HTTP/1.1\r\nHost: ${new URL(baseUrl).host}\r\nX-Slow: `,
		'x'
	);
}

/** Requests whose headers are whole but whose 100-byte JSON body arrives a byte a second. */
export function slowBodies(baseUrl: string, count: number, localAddress: string) {
	return trickle(
		baseUrl,
		count,
		localAddress,
		[
			'POST /api/collections/notes/records HTTP/1.1',
			`Host: ${new URL(baseUrl).host}`,
			'Content-Type: application/json',
			'Content-Length: 100',
			'',
			'{',
		].join('\r\n'),
		' '
	);
}

export interface BodyAnswer {
	/** The answer's status, or 0 when the connection closed without one. */
	status: number;
	body: string;
	ms: number;
}

/**
 * GET `path` with a body of `bytes` zeros, with a Content-Length or `chunked`, written as fast as
 * the server takes it until it answers or closes (at most 15 s). GET, as in the finding that
 * motivated the proxy: the playground's own hook refuses bodies of unknown length only on POST,
 * PUT and PATCH.
 */
export function getWithBody(
	baseUrl: string,
	path: string,
	bytes: number,
	encoding: 'length' | 'chunked',
	localAddress: string
): Promise<BodyAnswer> {
	const { hostname, port, host } = new URL(baseUrl);
	const started = Date.now();
	const head = [
		`GET ${path} HTTP/1.1`,
		`Host: ${host}`,
		'Content-Type: application/json',
		encoding === 'length' ? `Content-Length: ${bytes}` : 'Transfer-Encoding: chunked',
		// No `Connection: close`: with it, Go's server (Caddy) closes at once after refusing a
		// body it has not read, and the reset can beat its answer to the client. Without it,
		// Go half-closes and waits, as browsers' connections get it.
		'',
		'',
	].join('\r\n');
	const zeros = Buffer.alloc(bytes, 0x30);
	// One write of everything, as an HTTP client hands its body over: Node feeds it to the socket
	// as fast as the server takes it and reads an early answer in between. (Writing piece by piece
	// from callbacks can meet the reset of a server that answered and closed before the answer
	// is read, and lose it.)
	const request = Buffer.concat(
		encoding === 'length'
			? [Buffer.from(head), zeros]
			: [Buffer.from(`${head}${bytes.toString(16)}\r\n`), zeros, Buffer.from('\r\n0\r\n\r\n')]
	);
	return new Promise((resolve) => {
		let answer = '';
		const socket = connect({ host: hostname, port: Number(port), localAddress }, () =>
			socket.write(request)
		);
		const deadline = setTimeout(() => socket.destroy(), 15_000);
		socket.setEncoding('latin1');
		socket.on('data', (chunk: string) => {
			answer += chunk;
			// Done once the whole answer is in: a proxy may keep reading (and discarding) the
			// rest of a refused body for seconds before it closes.
			const end = answer.indexOf('\r\n\r\n');
			const length = /^content-length: *(\d+)$/im.exec(answer.slice(0, end))?.[1];
			if (end !== -1 && length !== undefined && answer.length >= end + 4 + Number(length)) {
				socket.destroy();
			}
		});
		socket.on('error', () => undefined);
		socket.on('close', () => {
			clearTimeout(deadline);
			const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
			const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
			resolve({ status, body, ms: Date.now() - started });
		});
	});
}
