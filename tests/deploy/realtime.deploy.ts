/**
 * Realtime (server-sent events) through the deploy recipe's proxy (`npm run test:deploy`): the
 * proxy must hand each event on as PocketBase writes it, not hold it in a buffer.
 */
import { expect, test } from '../fixtures';
import { recordFigure } from './figure';

const password = 'correct horse battery';

/** Reads an event stream as it arrives; `next(pattern)` resolves once the text so far matches. */
function eventReader(response: Response) {
	const reader = response.body!.getReader();
	const decoder = new TextDecoder();
	let text = '';
	return {
		async next(pattern: RegExp): Promise<RegExpExecArray> {
			for (;;) {
				const found = pattern.exec(text);
				if (found) return found;
				const { value, done } = await reader.read();
				if (done) throw new Error(`The stream ended before ${String(pattern)}: ${text}`);
				text += decoder.decode(value, { stream: true });
			}
		},
	};
}

async function post(url: string, path: string, json: unknown, token?: string) {
	const response = await fetch(url + path, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: token } : {}) },
		body: JSON.stringify(json),
	});
	const text = await response.text();
	return {
		status: response.status,
		body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
	};
}

test('realtime works through the proxy: the stream connects at once and events arrive as they happen', async ({
	ownPocketBase,
}) => {
	const pb = ownPocketBase;
	expect(pb.proxy, 'run with npm run test:deploy').toBeDefined();
	const email = 'realtime@example.com';
	const created = await post(pb.url, '/api/collections/users/records', {
		email,
		password,
		passwordConfirm: password,
	});
	expect(created.status).toBe(200);
	const auth = await post(pb.url, '/api/collections/users/auth-with-password', {
		identity: email,
		password,
	});
	const token = String(auth.body['token']);

	const stream = new AbortController();
	const opened = Date.now();
	const sse = await fetch(`${pb.url}/api/realtime`, { signal: stream.signal });
	try {
		expect(sse.status).toBe(200);
		expect(sse.headers.get('content-type')).toContain('text/event-stream');
		const events = eventReader(sse);
		const clientId = (await events.next(/^id:\s*(\S+)\nevent:\s*PB_CONNECT$/m))[1];
		const connectMs = Date.now() - opened;
		expect(connectMs).toBeLessThan(2_000);

		const subscribed = await post(
			pb.url,
			'/api/realtime',
			{ clientId, subscriptions: ['notes/*'] },
			token
		);
		expect(subscribed.status).toBe(204);
		const written = Date.now();
		const note = await post(
			pb.url,
			'/api/collections/notes/records',
			{ text: 'through the proxy', owner: String(created.body['id']) },
			token
		);
		expect(note.status).toBe(200);
		await events.next(/^event:\s*notes\/\*\ndata:.*"through the proxy"/m);
		const eventMs = Date.now() - written;
		expect(eventMs).toBeLessThan(2_000);
		recordFigure(
			`realtime: PB_CONNECT ${connectMs} ms after the request; a note's create event ${eventMs} ms after it was written`
		);
	} finally {
		stream.abort();
	}
});

test('a stream the reader closes is closed at PocketBase too, and frees its place at once', async ({
	ownPocketBase,
}) => {
	const pb = ownPocketBase;
	expect(pb.proxy, 'run with npm run test:deploy').toBeDefined();
	const open = async () => {
		const controller = new AbortController();
		const response = await fetch(`${pb.url}/api/realtime`, { signal: controller.signal });
		return { response, close: () => controller.abort() };
	};
	// The playground allows 10 open streams per address; a proxy that kept a closed stream going
	// upstream would leave a reader who reloads a page 10 times without realtime for 5 minutes.
	const streams = [];
	try {
		for (let i = 0; i < 10; i++) {
			const stream = await open();
			expect(stream.response.status).toBe(200);
			streams.push(stream);
		}
		const eleventh = await open();
		expect(eleventh.response.status).toBe(429);
		await eleventh.response.text();
		streams.pop()?.close();
		const closed = Date.now();
		await expect
			.poll(
				async () => {
					const again = await open();
					if (again.response.status === 200) streams.push(again);
					else await again.response.text();
					return again.response.status;
				},
				{ timeout: 3_000, intervals: [100] }
			)
			.toBe(200);
		recordFigure(
			`realtime: a closed stream's place was free again after ${Date.now() - closed} ms`
		);
	} finally {
		for (const stream of streams) stream.close();
	}
});
