'use server';
import { redirect } from 'next/navigation';
import { pb } from '@/lib/pocketbase';

export async function login(formData: FormData) {
	try {
		// Signs the whole server in as this visitor, until the next visitor signs in.
		await pb
			.collection('users')
			.authWithPassword(String(formData.get('email')), String(formData.get('password')));
	} catch {
		redirect('/anti-pattern/login?failed=1');
	}
	redirect('/anti-pattern/notes');
}
