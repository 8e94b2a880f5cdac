import { fail, redirect } from '@sveltejs/kit';
import type { Actions } from './$types';

export const actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		try {
			await locals.pb
				.collection('users')
				.authWithPassword(String(form.get('email')), String(form.get('password')));
		} catch {
			return fail(400, { message: 'Wrong e-mail or password.' });
		}
		redirect(303, '/notes'); // the handle hook writes the new cookie on this response
	},
} satisfies Actions;
