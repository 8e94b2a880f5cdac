import { NextResponse } from 'next/server';
import { createServerClient } from '@/lib/pocketbase-server';

export async function POST(request: Request) {
	const pb = createServerClient(request.headers);
	const form = await request.formData();
	try {
		await pb
			.collection('users')
			.authWithPassword(String(form.get('email')), String(form.get('password')));
	} catch {
		return NextResponse.redirect(new URL('/login?failed=1', request.url), 303);
	}
	const response = NextResponse.redirect(new URL('/notes', request.url), 303);
	response.headers.append('set-cookie', pb.authStore.exportToCookie());
	return response;
}
