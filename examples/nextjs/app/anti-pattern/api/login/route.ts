import { NextResponse } from 'next/server';
import { pb } from '@/lib/pocketbase';

export async function POST(request: Request) {
	const form = await request.formData();
	try {
		// Signs the whole server in as this visitor, until the next visitor signs in.
		await pb
			.collection('users')
			.authWithPassword(String(form.get('email')), String(form.get('password')));
	} catch {
		return NextResponse.redirect(new URL('/anti-pattern/login?failed=1', request.url), 303);
	}
	return NextResponse.redirect(new URL('/anti-pattern/notes', request.url), 303);
}
