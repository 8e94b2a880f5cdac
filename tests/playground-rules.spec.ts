/**
 * The playground's API rules and cleanup job, checked against a real PocketBase with the real
 * JS SDK, the way a second user (or an attacker with a valid account) would try them.
 */
import PocketBase, { ClientResponseError } from 'pocketbase';
import { expect, test } from './fixtures';

async function throwawayUser(url: string, name: string) {
	const pb = new PocketBase(url);
	pb.autoCancellation(false);
	const email = `${name}-${Date.now()}@example.com`;
	const password = 'correct horse battery';
	await pb.collection('users').create({ email, password, passwordConfirm: password });
	await pb.collection('users').authWithPassword(email, password);
	return pb;
}

async function statusOf(promise: Promise<unknown>): Promise<number> {
	try {
		await promise;
		return 200;
	} catch (error) {
		if (error instanceof ClientResponseError) return error.status;
		throw error;
	}
}

test.describe('playground rules', () => {
	test('a user cannot list, view, change or delete another user’s notes', async ({
		ownPocketBase,
	}) => {
		const alice = await throwawayUser(ownPocketBase.url, 'alice');
		// *:auth allows 2 logins per 3 s per address; two users fit.
		const bob = await throwawayUser(ownPocketBase.url, 'bob');
		const aliceId = alice.authStore.record!.id;

		const note = await alice.collection('notes').create({ text: 'Alice’s secret', owner: aliceId });
		expect((await alice.collection('notes').getList()).items.map((n) => n.id)).toEqual([note.id]);

		// List filters instead of refusing; view/update/delete answer 404 (not 403).
		expect((await bob.collection('notes').getList()).totalItems).toBe(0);
		expect(await statusOf(bob.collection('notes').getOne(note.id))).toBe(404);
		expect(await statusOf(bob.collection('notes').update(note.id, { text: 'defaced' }))).toBe(404);
		expect(await statusOf(bob.collection('notes').delete(note.id))).toBe(404);
		expect((await alice.collection('notes').getOne(note.id))['text']).toBe('Alice’s secret');

		// Nor can anyone create a note in someone else's name, or hand a note over.
		expect(await statusOf(bob.collection('notes').create({ text: 'framed', owner: aliceId }))).toBe(
			400
		);
		const bobsNote = await bob
			.collection('notes')
			.create({ text: 'mine', owner: bob.authStore.record!.id });
		expect(await statusOf(bob.collection('notes').update(bobsNote.id, { owner: aliceId }))).toBe(
			404
		);

		// Guests see nothing and create nothing.
		const guest = new PocketBase(ownPocketBase.url);
		expect((await guest.collection('notes').getList()).totalItems).toBe(0);
		expect(await statusOf(guest.collection('notes').create({ text: 'x', owner: aliceId }))).toBe(
			400
		);

		// Users cannot see each other's accounts either.
		expect((await bob.collection('users').getList()).items.map((u) => u.id)).toEqual([
			bob.authStore.record!.id,
		]);
		expect(await statusOf(bob.collection('users').getOne(aliceId))).toBe(404);
	});

	test.describe('cleanup job', () => {
		const superuser = { email: 'tests@example.com', password: 'superuser-password-1' };
		// The limit leaves the fresh user seconds of margin: on a busy machine, creating it and running
		// the job can take over a second, and a 1 s limit then deleted it too.
		test.use({ superuser, pocketBaseEnv: { DEMO_USER_MAX_AGE_SECONDS: '3' } });

		test('deletes demo users older than the limit, with their notes', async ({ ownPocketBase }) => {
			const old = await throwawayUser(ownPocketBase.url, 'old');
			await old.collection('notes').create({ text: 'bye', owner: old.authStore.record!.id });
			await new Promise((r) => setTimeout(r, 3100)); // older than 3 s, and past the auth window

			const fresh = await throwawayUser(ownPocketBase.url, 'fresh');
			const admin = new PocketBase(ownPocketBase.url);
			await admin.collection('_superusers').authWithPassword(superuser.email, superuser.password);
			await admin.crons.run('cleanupDemoUsers');

			await expect
				.poll(async () =>
					(await admin.collection('users').getFullList<{ email: string }>()).map((u) => u.email)
				)
				.toEqual([fresh.authStore.record!['email']]);
			expect((await admin.collection('notes').getFullList()).length).toBe(0);
		});
	});
});
