import rule from '../../src/rules/no-unverified-auth.js';
import { eslintRule, ruleTester } from '../rule-tester.ts';

const hooks = 'src/hooks.server.ts';

ruleTester.run('no-unverified-auth', eslintRule(rule), {
	valid: [
		// The guide's handle hook: loaded, then refreshed before anything trusts it.
		{
			filename: hooks,
			code: `export const handle = async ({ event, resolve }) => {
	const pb = new PocketBase(URL);
	pb.authStore.loadFromCookie(event.request.headers.get('cookie') ?? '');
	try {
		if (pb.authStore.isValid) await pb.collection('users').authRefresh();
	} catch {
		pb.authStore.clear();
	}
	event.locals.pb = pb;
	event.locals.user = pb.authStore.record;
	return resolve(event);
};`,
		},
		// The client handed to a helper that may refresh it: can't tell.
		{
			filename: hooks,
			code: `export const handle = async ({ event, resolve }) => {
	const pb = new PocketBase(URL);
	pb.authStore.loadFromCookie(event.request.headers.get('cookie') ?? '');
	await refreshAuth(pb);
	if (!pb.authStore.isValid) redirect(303, '/login');
	return resolve(event);
};`,
		},
		// Loaded and passed on to PocketBase, which checks the token itself.
		{
			filename: 'lib/pocketbase-server.ts',
			code: `import 'server-only';
export function createServerClient(headers) {
	const pb = new PocketBase(URL);
	pb.authStore.loadFromCookie(headers.get('cookie') ?? '');
	return pb;
}`,
		},
		// Reading the auth state of a client this function did not load: someone else's job.
		{
			filename: 'src/lib/server/reads.ts',
			code: `export async function readAccount(pb) {
	const id = pb.authStore.record?.id;
	if (!id) return null;
	return pb.collection('users').getOne(id);
}`,
		},
		// A token decoded for its expiry, to set a cookie: no decision.
		{
			filename: 'src/lib/server/auth-cookie.ts',
			code: `export function setCookie(cookies, pb) {
	const { exp } = getTokenPayload(pb.authStore.token);
	cookies.set('pb_auth', pb.authStore.token, { expires: new Date(exp * 1000) });
}`,
		},
		// A decoded cookie token, verified.
		{
			filename: 'app/api/me/route.ts',
			code: `export async function GET(request) {
	const token = request.cookies.get('pb_auth')?.value;
	await jwtVerify(token, key);
	const payload = jwtDecode(token);
	if (payload.role !== 'admin') return new Response(null, { status: 403 });
}`,
		},
		// Browser code is not this rule's business.
		{
			filename: 'components/menu.tsx',
			code: `'use client';
export function Menu() {
	pb.authStore.loadFromCookie(document.cookie);
	return pb.authStore.isValid ? 'in' : 'out';
}`,
		},
	],
	invalid: [
		{
			filename: hooks,
			code: `export const handle = async ({ event, resolve }) => {
	event.locals.pb = new PocketBase(URL);
	const pb = event.locals.pb;
	pb.authStore.loadFromCookie(event.request.headers.get('cookie') || '');
	event.locals.user = structuredClone(pb.authStore.record);
	return resolve(event);
};`,
			errors: [{ messageId: 'unverifiedState', line: 5, data: { property: 'record' } }],
		},
		{
			filename: hooks,
			code: `export const handle = async ({ event, resolve }) => {
	const pb = new PocketBase(URL);
	pb.authStore.loadFromCookie(event.request.headers.get('cookie') ?? '');
	if (event.url.pathname.startsWith('/admin') && !pb.authStore.isValid) redirect(303, '/login');
	return resolve(event);
};`,
			errors: [{ messageId: 'unverifiedState', line: 4, data: { property: 'isValid' } }],
		},
		// One finding per client: the first decision.
		{
			filename: hooks,
			code: `export const handle = async ({ event, resolve }) => {
	const pb = new PocketBase(URL);
	pb.authStore.loadFromCookie(event.request.headers.get('cookie') ?? '');
	if (pb.authStore.isValid) event.locals.user = pb.authStore.record;
	if (pb.authStore.record?.role === 'admin') event.locals.admin = true;
	return resolve(event);
};`,
			errors: [{ messageId: 'unverifiedState', line: 4, column: 6, data: { property: 'isValid' } }],
		},
		{
			filename: 'proxy.ts',
			code: `export function proxy(request) {
	const pb = new PocketBase(URL);
	pb.authStore.loadFromCookie(request.headers.get('cookie') ?? '');
	if (pb.authStore.record?.role !== 'admin') return NextResponse.redirect(new URL('/', request.url));
}`,
			errors: [{ messageId: 'unverifiedState', line: 4 }],
		},
		// A token saved from a cookie by hand.
		{
			filename: 'src/routes/admin/+page.server.ts',
			code: `export const load = async ({ cookies }) => {
	const pb = new PocketBase(URL);
	pb.authStore.save(cookies.get('token') ?? '');
	return { admin: pb.authStore.isValid ? true : false };
};`,
			errors: [{ messageId: 'unverifiedState', line: 4 }],
		},
		// Tokens decoded by hand.
		{
			filename: 'app/api/admin/route.ts',
			code: `export async function GET(request) {
	const token = request.cookies.get('pb_auth')?.value ?? '';
	const payload = getTokenPayload(token);
	if (payload.type !== 'auth') return new Response(null, { status: 401 });
}`,
			errors: [{ messageId: 'decodedToken', line: 4 }],
		},
		{
			filename: 'app/api/admin/route.ts',
			code: `export async function GET() {
	const token = (await cookies()).get('token')?.value ?? '';
	const { collectionName } = jwtDecode(token);
	if (collectionName === '_superusers') return secret();
}`,
			errors: [{ messageId: 'decodedToken', line: 4 }],
		},
		{
			filename: 'proxy.ts',
			code: `import { isTokenExpired } from 'pocketbase';
export function proxy(request) {
	if (isTokenExpired(request.cookies.get('token')?.value ?? '')) return NextResponse.redirect(LOGIN);
}`,
			errors: [{ messageId: 'decodedToken', line: 3 }],
		},
		{
			filename: 'src/routes/+layout.server.ts',
			code: `export const load = async ({ cookies }) => {
	const token = cookies.get('token');
	if (JSON.parse(atob(token.split('.')[1])).exp > Date.now() / 1000) return { signedIn: true };
};`,
			errors: [{ messageId: 'decodedToken', line: 3 }],
		},
	],
});
