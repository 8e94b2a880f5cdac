import { fail, redirect } from '@sveltejs/kit';
import { pb } from '#lib/server/pocketbase.ts';
import type { Actions } from './$types';

export const actions = {
	default: async ({ request }) => {
		const form = await request.formData();
		try {
			// Signs the whole server in as this visitor, until the next visitor signs in.
			await pb
				.collection('users')
				.authWithPassword(String(form.get('email')), String(form.get('password')));
		} catch {
			return fail(400, { message: 'Wrong e-mail or password.' });
		}
		redirect(303, '/anti-pattern/notes');
	},
} satisfies Actions;
