/**
 * The playground in public mode (the deploy unit's flags), tried as a hostile stranger tries it,
 * one test per finding of the second abuse review (playground/README.md, "Strangers, round
 * two"). Each test sends the attack, small and on loopback only, and asserts what the stranger
 * gets and what it cost the server:
 * - no single request costs PocketBase more than 0.2 s of CPU, counted until it goes quiet;
 * - the attack raises its resident memory by less than 100 MB;
 * - what the demos send still works.
 * Other visitors are other loopback addresses, or addresses named in X-Real-IP where the test
 * starts PocketBase as it runs behind the deploy proxy (PLAYGROUND_CLIENT_IP_HEADER).
 */
import { request as httpRequest } from 'node:http';
import { expect, siteOrigin, test, type OwnPocketBase } from './fixtures';
import { call, password, signUp, superuserToken, type Answer } from './playground-api';
import { realtimeClientId } from './realtime-stream';
import { cpuCostOf, resetPeakMemory, resources } from './server-resources';
import { simulatedServerHeader, simulatedServerMarker } from '../src/lib/simulated-server';

const superuser = { email: 'strangers@example.com', password: 'superuser-password-1' };
const budget = { cpuSecondsPerRequest: 0.2, memoryRiseMB: 100 };
const viaServer = { [simulatedServerHeader]: simulatedServerMarker };

/** Charges each request to the budget, and records what it cost in the report. */
function strangerBudget(pb: OwnPocketBase) {
	resetPeakMemory(pb.pid());
	const before = resources(pb.pid(), pb.dataDir);
	let mostCpu = 0;
	let gcCpu = 0;
	return {
		async request<T>(label: string, work: () => Promise<T>): Promise<T> {
			let result: T | undefined;
			const cost = await cpuCostOf(
				pb.pid(),
				async () => {
					result = await work();
				},
				() => pb.gcCpuSeconds()
			);
			const seconds = cost.seconds;
			gcCpu += cost.gcSeconds;
			mostCpu = Math.max(mostCpu, seconds);
			expect(seconds, `${label}: ${seconds.toFixed(2)} CPU-s`).toBeLessThanOrEqual(
				budget.cpuSecondsPerRequest
			);
			return result as T;
		},
		check() {
			const after = resources(pb.pid(), pb.dataDir);
			const rise = after.peakMB - before.rssMB;
			test.info().annotations.push({
				type: 'budget',
				description: `most CPU for one request ${mostCpu.toFixed(2)} s (garbage collection apart: ${gcCpu.toFixed(2)} s in all); memory ${before.rssMB.toFixed(0)} MB, peak ${after.peakMB.toFixed(0)} MB (+${rise.toFixed(0)} MB)`,
			});
			expect(rise, `memory rose by ${rise.toFixed(0)} MB`).toBeLessThan(budget.memoryRiseMB);
		},
	};
}

/**
 * Sends `megabytes` of `{"a":[{},{},…]}` as a chunked body, 64 KB at a time, until the server
 * answers; a server that refuses may close the connection before the body is all sent.
 */
function sendChunked(url: string, method: string, path: string, megabytes: number) {
	return new Promise<Answer>((resolve, reject) => {
		const request = httpRequest(url + path, {
			method,
			headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
		});
		let answered = false;
		request.on('response', (response) => {
			answered = true;
			let text = '';
			response.on('data', (chunk: Buffer) => (text += chunk.toString()));
			response.on('end', () =>
				resolve({
					status: response.statusCode ?? 0,
					body: JSON.parse(text) as Record<string, unknown>,
				})
			);
		});
		request.on('error', (error) => {
			if (!answered) reject(error);
		});
		const chunk = '{},'.repeat((64 * 1024) / 3);
		let sent = 0;
		const writeMore = () => {
			while (!answered && sent < megabytes * 1024 * 1024) {
				sent += chunk.length;
				if (!request.write(sent === chunk.length ? '{"a":[' + chunk : chunk)) {
					request.once('drain', writeMore);
					return;
				}
			}
			if (!answered) request.end('{}]}');
		};
		writeMore();
	});
}

/** Opens a realtime stream with these headers; resolves with its status and how to close it. */
async function openStream(url: string, headers: Record<string, string> = {}) {
	const controller = new AbortController();
	const response = await fetch(`${url}/api/realtime`, { signal: controller.signal, headers });
	if (response.status === 200) await realtimeClientId(response);
	else await response.text();
	return { status: response.status, close: () => controller.abort() };
}

test.describe('strangers, round two', () => {
	test.use({ superuser, publicMode: true });
	// Each request is followed until PocketBase goes quiet, and the quota tests send about 25
	// sign-ups (a deliberately slow password hash each) or 15 streams: more than the default
	// 30 s on a busy 2-core machine.
	test.describe.configure({ timeout: 90_000 });

	test('no body on reads: a GET or DELETE body is refused before it is read, chunked or not', async ({
		ownPocketBase,
	}) => {
		const { url } = ownPocketBase;
		const spent = strangerBudget(ownPocketBase);
		const chunkedGet = await spent.request('8 MB chunked GET', () =>
			sendChunked(url, 'GET', '/api/collections/articles/records', 8)
		);
		expect(chunkedGet).toEqual({
			status: 411,
			body: {
				data: {},
				message: 'Send a Content-Length: bodies of unknown length are refused.',
				status: 411,
			},
		});
		const chunkedDelete = await spent.request('8 MB chunked DELETE', () =>
			sendChunked(url, 'DELETE', '/api/collections/notes/records/aaaaaaaaaaaaaaa', 8)
		);
		expect(chunkedDelete.status).toBe(411);
		// With a length, from another address.
		const sizedDelete = await spent.request('DELETE with a body', () =>
			call(url, '/api/collections/notes/records/aaaaaaaaaaaaaaa', {
				method: 'DELETE',
				json: { a: Array.from({ length: 5000 }, () => ({})) },
				from: '127.0.0.2',
			})
		);
		expect(sizedDelete).toEqual({
			status: 400,
			body: {
				data: {},
				message: 'A DELETE request carries no body on the playground.',
				status: 400,
			},
		});
		// What the demos send still works.
		const list = await call(url, '/api/collections/articles/records?perPage=5');
		expect(list.status).toBe(200);
		spent.check();
	});

	test('no costly expands: expand, sort and the query are bounded as PocketBase parses them', async ({
		ownPocketBase,
	}) => {
		const { url } = ownPocketBase;
		const spent = strangerBudget(ownPocketBase);
		const articles = '/api/collections/articles/records';
		const manyPaths = await spent.request('1,000 expand paths', () =>
			call(url, `${articles}?expand=${'a,'.repeat(1000)}`)
		);
		expect(manyPaths).toEqual({
			status: 400,
			body: { data: {}, message: 'Expand at most 6 relation paths at once.', status: 400 },
		});
		const longQuery = await spent.request('a 32 KB query', () =>
			call(url, `${articles}?expand=${'a,'.repeat(16_000)}`)
		);
		expect(longQuery.status).toBe(414);
		expect(longQuery.body['message']).toBe('A query string may be at most 4096 bytes.');
		const manySorts = await spent.request('100 sort terms', () =>
			call(url, `${articles}?sort=${'-created,'.repeat(100)}`)
		);
		expect(manySorts.body['message']).toBe('Sort by at most 6 fields.');
		// PocketBase removes spaces and trims dots from each path before it resolves it.
		const { token } = await signUp(url, 'expander@example.com');
		for (const path of ['notes_ via_owner', 'notes_via_owner.', ' notes_via_ owner.owner']) {
			const hidden = await spent.request(`expand=${path}`, () =>
				call(url, `/api/collections/users/records?expand=${encodeURIComponent(path)}`, { token })
			);
			expect({ path, ...hidden }).toEqual({
				path,
				status: 400,
				body: {
					data: {},
					message:
						'Back-relations (_via_) and @collection joins are turned off in expand, filter and sort.',
					status: 400,
				},
			});
		}
		// An expand the demos' readers may try still works.
		const owner = await call(url, '/api/collections/notes/records?expand=owner', { token });
		expect(owner.status).toBe(200);
		spent.check();
	});

	test('no realtime options: a subscription with options is refused in every encoding', async ({
		ownPocketBase,
	}) => {
		const { url } = ownPocketBase;
		const spent = strangerBudget(ownPocketBase);
		const user = await signUp(url, 'listener@example.com');
		const controller = new AbortController();
		const stream = await fetch(`${url}/api/realtime`, { signal: controller.signal });
		const clientId = await realtimeClientId(stream);
		const subscribe = (subscriptions: string[]) =>
			call(url, '/api/realtime', { token: user.token, json: { clientId, subscriptions } });
		const options = (query: Record<string, string>) => JSON.stringify({ query });
		try {
			const topics = [
				// JSON escapes, which PocketBase decodes when it reads the options.
				`notes/*?options=${encodeURIComponent(options({ expand: 'owner' }).replace('owner', 'notes\\u005fvia\\u005fowner'))}`,
				// The parameter's name percent-encoded, which url.Parse decodes.
				`notes/*?%6Fptions=${encodeURIComponent(options({ filter: 'text != ""' }))}`,
				`notes/*?options=${encodeURIComponent(options({ filter: 'text ~ "a"' }))}`,
				`notes?options=${encodeURIComponent(options({ fields: 'id' }))}`,
			];
			for (const topic of topics) {
				const answer = await spent.request(`subscribe ${topic}`, () => subscribe([topic]));
				expect({ topic, ...answer }).toEqual({
					topic,
					status: 400,
					body: {
						data: {},
						message:
							'Subscription options (a filter, expand, fields or headers after "?") are turned off on the playground: subscribe to the topic and filter its events in the page.',
						status: 400,
					},
				});
			}
			// What the realtime demo subscribes to still works, and a write it hears is cheap.
			expect((await subscribe(['PB_CONNECT', 'notes/*'])).status).toBe(204);
			const note = await call(url, '/api/collections/notes/records', {
				token: user.token,
				json: { text: 'heard', owner: user.id },
			});
			expect(note.status).toBe(200);
			const patch = await spent.request('a note changed under a subscription', () =>
				call(url, `/api/collections/notes/records/${String(note.body['id'])}`, {
					method: 'PATCH',
					token: user.token,
					json: { text: 'heard again' },
				})
			);
			expect(patch.status).toBe(200);
		} finally {
			controller.abort();
		}
		spent.check();
	});

	test('no password guessing through updates: a password change is refused before bcrypt runs', async ({
		ownPocketBase,
	}) => {
		const { url } = ownPocketBase;
		const spent = strangerBudget(ownPocketBase);
		const email = 'guessed@example.com';
		const user = await signUp(url, email);
		const guesses = Array.from({ length: 10 }, (_, i) => `wrong guess ${i}`);
		const answers = await spent.request('10 wrong old passwords', () =>
			Promise.all(
				guesses.map((oldPassword) =>
					call(url, `/api/collections/users/records/${user.id}`, {
						method: 'PATCH',
						token: user.token,
						json: { oldPassword, password: 'a new password', passwordConfirm: 'a new password' },
					})
				)
			)
		);
		for (const answer of answers) {
			expect(answer).toEqual({
				status: 403,
				body: {
					data: {},
					message:
						'Demo accounts keep the password they signed up with: password changes are turned off on the playground.',
					status: 403,
				},
			});
		}
		// The account keeps its password, and other changes to it still work.
		const signIn = await call(url, '/api/collections/users/auth-with-password', {
			json: { identity: email, password },
		});
		expect(signIn.status).toBe(200);
		const rename = await call(url, `/api/collections/users/records/${user.id}`, {
			method: 'PATCH',
			token: user.token,
			json: { name: 'Renamed' },
		});
		expect(rename.status).toBe(200);
		spent.check();
	});

	test('no superuser oracle: superuser routes are closed in any letter case, encoding or by id', async ({
		ownPocketBase,
	}) => {
		const { url } = ownPocketBase;
		const spent = strangerBudget(ownPocketBase);
		const admin = await superuserToken(url, superuser);
		const collection = await call(url, '/api/collections/_superusers', { token: admin });
		const names = [
			'_SUPERUSERS',
			'_SuperUsers',
			'%5Fsuperusers',
			'_superusers',
			String(collection.body['id']),
		];
		// Each try from an address of its own: sign-ins are rate limited per address (2 per 3 s).
		let visitor = 10;
		for (const name of names) {
			for (const guess of ['a wrong password', superuser.password]) {
				const answer = await spent.request(`sign-in at ${name}`, () =>
					call(url, `/api/collections/${name}/auth-with-password`, {
						json: { identity: superuser.email, password: guess },
						from: `127.0.0.${visitor++}`,
					})
				);
				expect({ name, guess, ...answer }).toEqual({
					name,
					guess,
					status: 403,
					body: {
						data: {},
						message: 'The dashboard and superuser sign-in are open only to the host itself.',
						status: 403,
					},
				});
			}
		}
		// From the host itself the superuser still signs in, under any of those names.
		const upper = await call(url, '/api/collections/_SUPERUSERS/auth-with-password', {
			json: { identity: superuser.email, password: superuser.password },
		});
		expect(upper.status).toBe(200);
		spent.check();
	});

	test('no cross-site sign-ups: only JSON bodies are accepted, so a foreign page cannot sign anyone up', async ({
		ownPocketBase,
		page,
	}) => {
		const { url } = ownPocketBase;
		const spent = strangerBudget(ownPocketBase);
		const account = (email: string) =>
			`email=${encodeURIComponent(email)}&password=${encodeURIComponent(password)}&passwordConfirm=${encodeURIComponent(password)}`;
		const refusals = [
			{ type: 'application/x-www-form-urlencoded', body: account('form@example.com') },
			{
				type: 'text/plain',
				body: JSON.stringify({ email: 'text@example.com', password, passwordConfirm: password }),
			},
			{ type: 'application/xml', body: '<r><email>xml@example.com</email></r>' },
		];
		for (const { type, body } of refusals) {
			const answer = await spent.request(`a ${type} sign-up`, () =>
				call(url, '/api/collections/users/records', { type, body })
			);
			expect({ type, ...answer }).toEqual({
				type,
				status: 415,
				body: {
					data: {},
					message: 'The playground accepts JSON bodies only (Content-Type: application/json).',
					status: 415,
				},
			});
		}
		// In a real browser, on a page of another origin: a form-encoded sign-up is a CORS "simple
		// request", sent without asking; a JSON one needs a preflight, which --origins refuses.
		const foreignOrigin = siteOrigin().replace('127.0.0.1', 'localhost');
		await page.goto(`${foreignOrigin}/`);
		const sent = await page.evaluate(
			async ({ pb, form, json }) => {
				const users = `${pb}/api/collections/users/records`;
				const simple = await fetch(users, {
					method: 'POST',
					mode: 'no-cors',
					headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
					body: form,
				}).then(
					() => 'sent',
					() => 'failed'
				);
				const withJson = await fetch(users, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: json,
				}).then(
					(response) => `answered ${response.status}`,
					() => 'blocked'
				);
				return { simple, withJson };
			},
			{
				pb: url,
				form: account('from-a-foreign-page@example.com'),
				json: JSON.stringify({
					email: 'json-from-a-foreign-page@example.com',
					password,
					passwordConfirm: password,
				}),
			}
		);
		expect(sent).toEqual({ simple: 'sent', withJson: 'blocked' });
		const admin = await superuserToken(url, superuser);
		const created = await call(url, '/api/collections/users/records?perPage=50', { token: admin });
		expect(created.body['totalItems']).toBe(0);
		// The demos' own JSON sign-up still works.
		await signUp(url, 'reader@example.com');
		spent.check();
	});

	test.describe('behind the deploy proxy', () => {
		// Addresses come from X-Real-IP, as the proxy writes it, so IPv6 networks can be tried on
		// loopback. Small caps, with the same shape as the real ones (visitor-quota.js).
		test.use({
			pocketBaseEnv: {
				PLAYGROUND_CLIENT_IP_HEADER: 'X-Real-IP',
				PLAYGROUND_MAX_USERS: '20',
				PLAYGROUND_USERS_PER_NETWORK: '5',
				PLAYGROUND_USERS_PER_NETWORK_IN_RESERVE: '1',
				PLAYGROUND_MAX_STREAMS: '12',
				PLAYGROUND_STREAMS_PER_NETWORK: '4',
				PLAYGROUND_STREAMS_PER_NETWORK_IN_RESERVE: '2',
			},
		});
		const from = (address: string, headers: Record<string, string> = {}) => ({
			'X-Real-IP': address,
			...headers,
		});

		test('no sign-up lock-out: each network has a quota, and the last places are kept for newcomers', async ({
			ownPocketBase,
		}) => {
			const { url } = ownPocketBase;
			const spent = strangerBudget(ownPocketBase);
			let made = 0;
			const signUpFrom = (headers: Record<string, string>) =>
				spent.request('a sign-up', () =>
					call(url, '/api/collections/users/records', {
						headers,
						json: { email: `u${++made}@example.com`, password, passwordConfirm: password },
					})
				);
			const quotaMessage =
				'One network (your address, or its IPv6 /64) may hold 5 demo accounts at once; they are deleted after an hour.';
			// One address, directly and through its simulated server: 5 in all.
			for (let i = 0; i < 3; i++) expect((await signUpFrom(from('198.51.100.1'))).status).toBe(200);
			for (let i = 0; i < 2; i++) {
				expect((await signUpFrom(from('198.51.100.1', viaServer))).status).toBe(200);
			}
			for (const headers of [from('198.51.100.1'), from('198.51.100.1', viaServer)]) {
				expect(await signUpFrom(headers)).toEqual({
					status: 429,
					body: { data: {}, message: quotaMessage, status: 429 },
				});
			}
			// One IPv6 /64 is one network, whichever of its addresses signs up.
			for (let i = 1; i <= 5; i++) {
				expect((await signUpFrom(from(`2001:db8:aa:bb::${i}`))).status).toBe(200);
			}
			expect((await signUpFrom(from('2001:db8:aa:bb:ffff::6'))).status).toBe(429);
			for (let i = 0; i < 5; i++) {
				expect((await signUpFrom(from('198.51.100.2'))).status).toBe(200);
			}
			// 16 of 20 taken: the last fifth admits only networks holding fewer than 1.
			expect((await signUpFrom(from('198.51.100.3'))).status).toBe(200);
			expect(await signUpFrom(from('198.51.100.3'))).toEqual({
				status: 503,
				body: {
					data: {},
					message:
						'The playground is nearly full; its last places are kept for visitors with fewer than 1 demo accounts.',
					status: 503,
				},
			});
			// Four strangers' networks could not lock newcomers out.
			for (const newcomer of ['203.0.113.1', '203.0.113.2', '2001:db8:cc::1']) {
				expect((await signUpFrom(from(newcomer))).status).toBe(200);
			}
			spent.check();
		});

		test('no realtime lock-out: streams count per network, the simulated server included, inside a cap with a reserve', async ({
			ownPocketBase,
		}) => {
			const { url } = ownPocketBase;
			const spent = strangerBudget(ownPocketBase);
			const open: { close(): void }[] = [];
			const streamFrom = async (headers: Record<string, string>) => {
				const stream = await spent.request('a realtime stream', () => openStream(url, headers));
				if (stream.status === 200) open.push(stream);
				return stream.status;
			};
			try {
				// One address: 2 streams of its own and 2 of its simulated server fill its quota of 4.
				for (const headers of [from('198.51.100.1'), from('198.51.100.1', viaServer)]) {
					expect(await streamFrom(headers)).toBe(200);
					expect(await streamFrom(headers)).toBe(200);
				}
				expect(await streamFrom(from('198.51.100.1'))).toBe(429);
				expect(await streamFrom(from('198.51.100.1', viaServer))).toBe(429);
				// One IPv6 /64 is one network.
				for (let i = 1; i <= 4; i++)
					expect(await streamFrom(from(`2001:db8:aa:bb::${i}`))).toBe(200);
				expect(await streamFrom(from('2001:db8:aa:bb::5'))).toBe(429);
				// 10 of 12 open: the reserve admits only networks holding fewer than 2.
				expect(await streamFrom(from('198.51.100.2'))).toBe(200);
				expect(await streamFrom(from('198.51.100.2'))).toBe(200);
				expect(await streamFrom(from('198.51.100.2'))).toBe(503);
				// Newcomers still get in, up to the cap itself.
				expect(await streamFrom(from('203.0.113.1'))).toBe(200);
				expect(await streamFrom(from('203.0.113.2'))).toBe(200);
				expect(await streamFrom(from('203.0.113.3'))).toBe(503);
				// A closed stream frees its place.
				open.pop()!.close();
				await expect.poll(() => streamFrom(from('203.0.113.3'))).toBe(200);
			} finally {
				for (const stream of open) stream.close();
			}
			spent.check();
		});
	});
});
