/**
 * HTTP requests written byte for byte over a socket, from a chosen loopback address. fetch()
 * would merge repeated headers into one comma-separated line and normalise the names' letter
 * case; a source address of its own (anything in 127.0.0.0/8 on Linux) makes a second visitor
 * that PocketBase tells apart from the first by its TCP peer.
 */
import { connect } from 'node:net';

export interface RawAnswer {
	status: number;
	body: string;
}

/** GET `path` with exactly these header lines, as written, from `localAddress`. */
export function rawGet(
	baseUrl: string,
	path: string,
	headerLines: readonly string[] = [],
	localAddress = '127.0.0.1'
): Promise<RawAnswer> {
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
		// write(), not end(): a browser never half-closes its side, and nginx takes a client's
		// FIN as an abort and drops the request unanswered. `Connection: close` ends it instead.
		const socket = connect({ port: Number(port), host: hostname, localAddress }, () =>
			socket.write(request)
		);
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

/** The address the playground's whoami route says PocketBase counted. */
export const realIpOf = (answer: RawAnswer) =>
	(JSON.parse(answer.body) as { realIP: string }).realIP;
