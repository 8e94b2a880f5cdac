/**
 * The playground's demo hook routes, called for real: bad input to each gets a 400 that says
 * what is accepted, the answers carry only what they should, the signing key is in no response
 * (tests/dist-secrets.spec.ts checks the built site for it), and the page calls each route
 * directly and through the simulated server.
 */
import { createHmac } from 'node:crypto';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { connectionStatus, expect, test } from './fixtures';

const signingKey = process.env['PLAYGROUND_SIGNING_KEY'] ?? '';

interface User {
	id: string;
	token: string;
}

async function newUser(request: APIRequestContext, base: string): Promise<User> {
	const email = `route-${crypto.randomUUID().slice(0, 8)}@example.com`;
	const password = crypto.randomUUID();
	const created = await request.post(`${base}/api/collections/users/records`, {
		data: { email, password, passwordConfirm: password },
	});
	expect(created.status()).toBe(200);
	const auth = await request.post(`${base}/api/collections/users/auth-with-password`, {
		data: { identity: email, password },
	});
	const body = (await auth.json()) as { token: string; record: { id: string } };
	return { id: body.record.id, token: body.token };
}

async function newNote(request: APIRequestContext, base: string, user: User, text: string) {
	const response = await request.post(`${base}/api/collections/notes/records`, {
		headers: { Authorization: user.token },
		data: { text, owner: user.id },
	});
	return ((await response.json()) as { id: string }).id;
}

/** Expects a 400 whose message contains `message`. */
async function expect400(response: APIResponse, message: string | RegExp) {
	expect(response.status()).toBe(400);
	expect(((await response.json()) as { message: string }).message).toMatch(message);
}

test.describe('demo hook routes', () => {
	test('notes-stats counts everyone’s notes, returns only counts, and refuses bad input', async ({
		request,
		ownPocketBase,
	}) => {
		const base = ownPocketBase.url;
		const [a, b] = [await newUser(request, base), await newUser(request, base)];
		await newNote(request, base, a, 'one');
		await newNote(request, base, a, 'two');
		await newNote(request, base, b, 'three');
		const stats = (path: string, user: User | null = a) =>
			request.get(`${base}/api/demo/notes-stats${path}`, {
				headers: user ? { Authorization: user.token } : {},
			});

		const ok = await stats('?minutes=60', b);
		expect(ok.status()).toBe(200);
		// B's token sees one note through the list rule; the hook counts all three, and
		// returns nothing but the numbers.
		expect(await ok.json()).toEqual({ minutes: 60, notes: 3, authors: 2, yours: 1 });

		await expect400(await stats(''), 'The minutes parameter is required');
		await expect400(await stats('?minutes=ten'), 'must be a whole number from 1 to 60, not "ten"');
		await expect400(await stats('?minutes=0'), 'from 1 to 60');
		await expect400(await stats('?minutes=61'), 'from 1 to 60');
		await expect400(await stats(`?minutes=${'9'.repeat(4000)}`), 'from 1 to 60');
		// A longer query never reaches the route (playground/pb_hooks/query-bounds.js).
		expect((await stats(`?minutes=${'9'.repeat(5000)}`)).status()).toBe(414);
		expect((await stats('?minutes=5', null)).status()).toBe(401);
	});

	test('the note summary applies the view rule, and refuses malformed ids', async ({
		request,
		ownPocketBase,
	}) => {
		const base = ownPocketBase.url;
		const [a, b] = [await newUser(request, base), await newUser(request, base)];
		const note = await newNote(request, base, a, 'three little words');
		const summary = (id: string, user?: User) =>
			request.get(`${base}/api/demo/notes/${id}/summary`, {
				headers: user ? { Authorization: user.token } : {},
			});

		const own = await summary(note, a);
		expect(own.status()).toBe(200);
		expect(await own.json()).toEqual({ id: note, characters: 18, words: 3, yourNotes: 1 });
		// Another user and a guest get the record API's own 404, never the text.
		for (const caller of [b, undefined]) {
			const refused = await summary(note, caller);
			expect(refused.status()).toBe(404);
			expect(await refused.text()).not.toContain('little');
		}
		await expect400(await summary('abc', a), 'must be a record id');
		await expect400(await summary('a'.repeat(16), a), 'must be a record id');
		await expect400(await summary('NOT-AN-ID-12345', a), 'must be a record id');
	});

	test('the signed receipt is signed with the key, and the key is in no answer', async ({
		request,
		ownPocketBase,
	}) => {
		expect(signingKey.length).toBeGreaterThanOrEqual(32);
		const base = ownPocketBase.url;
		const a = await newUser(request, base);
		const bodies: string[] = [];
		const sign = async (data: unknown, user: User | null = a) => {
			const response = await request.post(`${base}/api/demo/signed-receipt`, {
				headers: {
					...(user ? { Authorization: user.token } : {}),
					'Content-Type': 'application/json',
				},
				data: typeof data === 'string' ? data : JSON.stringify(data),
			});
			bodies.push(await response.text(), JSON.stringify(response.headers()));
			return response;
		};

		const ok = await sign({ text: 'Order 42: three coffees' });
		expect(ok.status()).toBe(200);
		const receipt = (await ok.json()) as { payload: string; signature: string; algorithm: string };
		expect(JSON.parse(receipt.payload)).toMatchObject({
			user: a.id,
			text: 'Order 42: three coffees',
		});
		// Whoever holds the key can check the signature; the answer itself never holds the key.
		expect(receipt.signature).toBe(
			createHmac('sha256', signingKey).update(receipt.payload).digest('hex')
		);

		await expect400(await sign({}), 'The text field is required');
		await expect400(await sign({ text: 42 }), 'The text field must be a string');
		await expect400(await sign({ text: '' }), '1 to 200 characters');
		await expect400(await sign({ text: 'a'.repeat(201) }), '1 to 200 characters');
		await expect400(await sign({ text: 'a'.repeat(3000) }), 'at most 2048 bytes');
		await expect400(await sign('not json'), 'must be a JSON object');
		await expect400(await sign([1, 2]), 'must be a JSON object');
		expect((await sign({ text: 'hi' }, null)).status()).toBe(401);

		for (const body of bodies) expect(body).not.toContain(signingKey);
	});

	test('the page calls each route directly and through the simulated server', async ({
		page,
		ownPocketBase,
	}) => {
		await page.goto(ownPocketBase.withPb('/approaches/js-hooks/'));
		await expect(connectionStatus(page)).toHaveAttribute('data-state', 'connected');
		const demo = page.locator('hook-routes');
		// Before any sign-in both paths refuse: the hook with its 401, the server route the same way.
		const receipt = demo.getByRole('region', { name: 'A secret the browser never sees' });
		await receipt.getByRole('button', { name: 'Call the hook directly' }).click();
		await expect(
			receipt.getByRole('group', { name: 'The hook, called directly' }).getByRole('alert')
		).toContainText('Not signed in (401).');
		await receipt.getByRole('button', { name: 'Same job through the simulated server' }).click();
		await expect(
			receipt
				.getByRole('group', { name: 'The same job, through the simulated server' })
				.getByRole('alert')
		).toContainText('The server route refused the request (401): No one is signed in.');
		await demo.getByRole('button', { name: /Sign in as a throwaway user/ }).click();
		// Sign-up, sign-in (two bcrypt hashes in PocketBase) and a note: slow on a busy machine.
		// A refusal shows in an alert: polled with the session text, so a failed run says why.
		const session = async () =>
			[
				await demo.getByText(/^(Signed in as|The routes need a signed-in user)/).innerText(),
				...(await demo.getByRole('alert').allInnerTexts()),
			].join(' | ');
		await expect.poll(session, { timeout: 15_000 }).toMatch(/^Signed in as demo-\w+@example\.com/);
		const titles = {
			stats: 'A count no rule could allow',
			summary: 'The view rule, re-applied inside a hook',
			receipt: 'A secret the browser never sees',
		};
		type Route = keyof typeof titles;
		const route = (id: Route) => demo.getByRole('region', { name: titles[id] });
		const direct = (id: Route) =>
			route(id).getByRole('group', { name: 'The hook, called directly' });
		const proxy = (id: Route) =>
			route(id).getByRole('group', { name: 'The same job, through the simulated server' });
		await expect(route('summary').getByLabel('Note id')).toHaveValue(/^\w{15}$/);

		for (const id of ['stats', 'summary', 'receipt'] as const) {
			await route(id).getByRole('button', { name: 'Call the hook directly' }).click();
			await expect(direct(id).getByText('(measured, 1 request to the hook)')).toBeVisible();
			await route(id)
				.getByRole('button', { name: 'Same job through the simulated server' })
				.click();
			await expect(proxy(id).getByText(/modelled hop .* measured call/)).toBeVisible();
			await expect(route(id).getByText(/than the hook\.$/)).toBeVisible();
		}
		await expect(direct('stats').getByText('of them yours: 1')).toBeVisible();
		await expect(proxy('stats').getByText(/modelled hop .*3 measured calls/)).toBeVisible();
		await expect(direct('summary').getByText(/31 characters/)).toBeVisible();
		await expect(proxy('summary').getByText(/31 characters/)).toBeVisible();
		await expect(direct('receipt').getByText(/HMAC-SHA256 signature: [0-9a-f]{64}/)).toBeVisible();
		await expect(proxy('receipt').getByText(/A real server would sign with a key/)).toBeVisible();

		// Bad input: the hook's own 400, and the server route's same check.
		await route('stats').getByLabel('Minutes to count back').fill('ten');
		await route('stats').getByRole('button', { name: 'Call the hook directly' }).click();
		await expect(direct('stats').getByRole('alert')).toContainText(
			'(400): The minutes parameter must be a whole number from 1 to 60, not "ten".'
		);
		await route('stats')
			.getByRole('button', { name: 'Same job through the simulated server' })
			.click();
		await expect(proxy('stats').getByRole('alert')).toContainText(
			'The server route refused the request (400): The minutes parameter must be'
		);
		await route('summary').getByLabel('Note id').fill('abc');
		await route('summary').getByRole('button', { name: 'Call the hook directly' }).click();
		await expect(direct('summary').getByRole('alert')).toContainText('must be a record id');
		await route('summary')
			.getByRole('button', { name: 'Same job through the simulated server' })
			.click();
		await expect(proxy('summary').getByRole('alert')).toContainText(
			'The server route refused the request (400): The id must be a record id'
		);
		await route('receipt').getByLabel('Text to sign').fill('');
		await route('receipt').getByRole('button', { name: 'Call the hook directly' }).click();
		await expect(direct('receipt').getByRole('alert')).toContainText(
			'The text field must be 1 to 200 characters long.'
		);
	});
});
