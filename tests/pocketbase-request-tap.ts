/**
 * A pass-through HTTP relay in front of a real PocketBase that notes every request a server sends
 * it (method and path), so a test can count what one page view cost PocketBase. It forwards each
 * request unchanged and streams the answer back: nothing is mocked.
 */
import { createServer, request as forward } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PocketBaseRequestTap {
	/** Where the server under test should send its PocketBase requests. */
	url: string;
	/** The requests seen since the last `clear()`, as `METHOD /path`, in arrival order. */
	seen(): string[];
	clear(): void;
	close(): Promise<void>;
}

export async function tapPocketBase(pocketBaseUrl: string): Promise<PocketBaseRequestTap> {
	const upstream = new URL(pocketBaseUrl);
	let seen: string[] = [];
	const server = createServer((incoming, outgoing) => {
		seen.push(`${incoming.method} ${new URL(incoming.url ?? '/', upstream).pathname}`);
		const relay = forward(
			{
				host: upstream.hostname,
				port: upstream.port,
				method: incoming.method,
				path: incoming.url,
				headers: { ...incoming.headers, host: upstream.host },
			},
			(answer) => {
				outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(outgoing);
			}
		);
		relay.on('error', () => outgoing.destroy());
		incoming.pipe(relay);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		seen: () => [...seen],
		clear: () => {
			seen = [];
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
