import rule from '../../src/rules/no-shared-client.js';
import { eslintRule, ruleTester } from '../rule-tester.ts';

const serverFile = 'src/routes/notes/+page.server.ts';

// What a first run over every file found: the modules that export a shared client.
const settings = {
	'pocketbase-ssr': {
		sharedClients: {
			'src/lib/server/pocketbase.ts': ['pb'],
			'lib/pocketbase.ts': ['default', 'pb'],
		},
	},
};

ruleTester.run('no-shared-client', eslintRule(rule), {
	valid: [
		// A client per request, in the handle hook.
		{
			filename: 'src/hooks.server.ts',
			code: `import PocketBase from 'pocketbase';
export const handle = async ({ event, resolve }) => {
	event.locals.pb = new PocketBase(URL);
	return resolve(event);
};`,
		},
		// A factory: a new client each call.
		{
			filename: 'src/lib/server/pb.ts',
			code: `import PocketBase from 'pocketbase';
export const createClient = () => new PocketBase(URL);
export function other() { return new PocketBase(URL); }`,
		},
		// Type-only imports are no client.
		{
			filename: serverFile,
			code: `import type PocketBase from 'pocketbase';
let pb: PocketBase;
export const load = async ({ locals }) => ({ notes: await locals.pb.collection('notes').getFullList() });`,
		},
		{
			filename: serverFile,
			code: `import { type default as PocketBase } from 'pocketbase';
export const load = async () => ({});`,
		},
		// The superuser client: process-wide on purpose, never a visitor.
		{
			filename: 'src/lib/server/pocketbase-admin.ts',
			code: `import PocketBase from 'pocketbase';
export const admin = new PocketBase(URL);
admin.autoCancellation(false);
admin.authStore.save(TOKEN, null);`,
		},
		{
			filename: 'app/api/webhook/route.ts',
			code: `import PocketBase from 'pocketbase';
const admin = new PocketBase(URL);
export async function POST() {
	if (!admin.authStore.isValid) await admin.collection('_superusers').authWithPassword(E, P);
}`,
		},
		{
			filename: 'src/lib/server/admin.ts',
			code: `import PocketBase from 'pocketbase';
import { env } from '$env/dynamic/private';
const admin = new PocketBase(env.POCKETBASE_URL);
export function adminClient() {
	if (!admin.authStore.isValid) admin.authStore.save(env.POCKETBASE_SUPERUSER_TOKEN ?? '');
	return admin;
}`,
		},
		// Browser code: one client per tab is right.
		{
			filename: 'components/live-notes.tsx',
			code: `'use client';
import PocketBase from 'pocketbase';
const pb = new PocketBase(process.env.NEXT_PUBLIC_POCKETBASE_URL);`,
		},
		// A module nothing marks as server code, with a public URL: it may well be the browser's.
		{
			filename: 'src/lib/pocketbase.ts',
			code: `import PocketBase from 'pocketbase';
export const pb = new PocketBase(import.meta.env.PUBLIC_POCKETBASE_URL);`,
		},
		// A universal load is another rule's business.
		{
			filename: 'src/routes/+page.ts',
			code: `import PocketBase from 'pocketbase';
const pb = new PocketBase(PUBLIC_URL);`,
		},
		// A sign-in on the request's own client.
		{
			filename: 'src/routes/login/+page.server.ts',
			code: `export const actions = { default: async ({ locals }) => {
	await locals.pb.collection('users').authWithPassword(e, p);
} };`,
		},
		// An imported client used to read: could be the superuser client; can't tell.
		{
			filename: serverFile,
			code: `import { admin } from '$lib/server/admin';
export const load = async () => ({ n: await admin.collection('notes').getFullList() });`,
		},
		// A superuser sign-in on an imported client: the server's identity, not a visitor's.
		{
			filename: serverFile,
			code: `import { admin } from '$lib/server/admin';
export const load = async () => { await admin.collection('_superusers').authWithPassword(E, P); };`,
		},
		// An instance field: each instance has its own.
		{
			filename: 'src/lib/server/service.ts',
			code: `import PocketBase from 'pocketbase';
export class Service { pb = new PocketBase(URL); }`,
		},
		// A local that shadows a module-level name.
		{
			filename: serverFile,
			code: `import { pb } from '$lib/server/pb';
export const actions = { default: async () => {
	const pb = createClient();
	await pb.collection('users').authWithPassword(e, p);
} };`,
		},
		// With the first run's knowledge: an import of a module that shares nothing, a type-only
		// import, a re-export with no use at request time.
		{
			filename: serverFile,
			settings,
			code: `import { admin } from '$lib/server/pocketbase-admin';
import type { pb } from '$lib/server/pocketbase';
export const load = async () => ({ n: await admin.collection('notes').getFullList() });`,
		},
		{ filename: 'src/lib/server/index.ts', settings, code: `export { pb } from './pocketbase';` },
		{
			filename: serverFile,
			settings,
			code: `import { other } from '$lib/server/pocketbase';
export const load = async () => ({ n: await other() });`,
		},
	],
	invalid: [
		// The guide's anti-pattern, SvelteKit.
		{
			filename: 'src/lib/server/pocketbase.ts',
			code: `import PocketBase from 'pocketbase';
import { POCKETBASE_URL } from '$app/env/private';
export const pb = new PocketBase(POCKETBASE_URL);
pb.autoCancellation(false);`,
			errors: [{ messageId: 'sharedClient', line: 3 }],
		},
		// Next.js: a lib module whose URL only the server has.
		{
			filename: 'lib/pocketbase.ts',
			code: `import PocketBase from 'pocketbase';
export const pb = new PocketBase(process.env.POCKETBASE_URL);`,
			errors: [{ messageId: 'sharedClient', line: 2 }],
		},
		// An aliased default import.
		{
			filename: 'src/hooks.server.ts',
			code: `import PB from 'pocketbase';
const client = new PB(URL);
export const handle = async ({ event, resolve }) => resolve(event);`,
			errors: [{ messageId: 'sharedClient', line: 2 }],
		},
		{
			filename: serverFile,
			code: `import { default as Client } from 'pocketbase';
const pb = new Client(URL);`,
			errors: [{ messageId: 'sharedClient' }],
		},
		{
			filename: 'app/notes/page.tsx',
			code: `import * as sdk from 'pocketbase';
const pb = new sdk.default(URL);
export default async function Page() { return null; }`,
			errors: [{ messageId: 'sharedClient', line: 2 }],
		},
		// Exported directly, or as the default export (a re-export of the one client).
		{
			filename: 'src/lib/server/pb.ts',
			code: `import PocketBase from 'pocketbase';
export default new PocketBase(URL);`,
			errors: [{ messageId: 'sharedClient', line: 2 }],
		},
		// A lazy singleton is still one client.
		{
			filename: 'src/lib/server/pb.ts',
			code: `import PocketBase from 'pocketbase';
let pb: PocketBase | undefined;
export function getPb() {
	if (!pb) pb = new PocketBase(URL);
	return pb;
}`,
			errors: [{ messageId: 'sharedClient', line: 4 }],
		},
		{
			filename: 'src/lib/server/pb.ts',
			code: `import PocketBase from 'pocketbase';
globalThis.pb ??= undefined;
export function init() { globalThis.pb = new PocketBase(URL); }`,
			errors: [{ messageId: 'sharedClient', line: 3 }],
		},
		// A 'use server' file (Next.js server actions) and a route handler.
		{
			filename: 'app/actions.ts',
			code: `'use server';
import PocketBase from 'pocketbase';
const pb = new PocketBase(URL);
export async function login(form: FormData) { await pb.collection('users').authWithPassword('a', 'b'); }`,
			errors: [{ messageId: 'sharedClient', line: 3 }],
		},
		{
			filename: 'app/api/notes/route.ts',
			code: `import PocketBase from 'pocketbase';
const pb = new PocketBase(URL);
export async function GET() { return Response.json(await pb.collection('notes').getFullList()); }`,
			errors: [{ messageId: 'sharedClient', line: 2 }],
		},
		{
			filename: 'proxy.ts',
			code: `import PocketBase from 'pocketbase';
const pb = new PocketBase(URL);
export function proxy() {}`,
			errors: [{ messageId: 'sharedClient', line: 2 }],
		},
		{
			filename: 'src/routes/remote/notes.remote.ts',
			code: `import PocketBase from 'pocketbase';
const pb = new PocketBase(URL);`,
			errors: [{ messageId: 'sharedClient', line: 2 }],
		},
		// 'server-only' marks a module as server code wherever it lives.
		{
			filename: 'lib/pb.ts',
			code: `import 'server-only';
import PocketBase from 'pocketbase';
export const pb = new PocketBase(URL);`,
			errors: [{ messageId: 'sharedClient', line: 3 }],
		},
		// A token saved per request into the module-level client is a visitor's, not the server's.
		{
			filename: 'src/lib/server/pb.ts',
			code: `import PocketBase from 'pocketbase';
export const pb = new PocketBase(URL);
export function signIn(token: string) { pb.authStore.save(token); }`,
			errors: [{ messageId: 'sharedClient', line: 2 }],
		},
		// A module-level auth store.
		{
			filename: serverFile,
			code: `import { BaseAuthStore } from 'pocketbase';
const store = new BaseAuthStore();`,
			errors: [{ messageId: 'sharedAuthStore', line: 2 }],
		},
		// The guide's anti-pattern route: a sign-in on a client imported from a helper module.
		{
			filename: 'src/routes/anti-pattern/login/+page.server.ts',
			code: `import { pb } from '#lib/server/pocketbase.ts';
export const actions = { default: async ({ request }) => {
	await pb.collection('users').authWithPassword('a', 'b');
} };`,
			errors: [{ messageId: 'signInShared', line: 3 }],
		},
		{
			filename: 'app/anti-pattern/login/actions.ts',
			code: `'use server';
import { pb as client } from '@/lib/pocketbase';
export async function login() { await client.collection('users').authWithPassword('a', 'b'); }`,
			errors: [{ messageId: 'signInShared', line: 3 }],
		},
		{
			filename: 'app/actions.ts',
			code: `'use server';
import { cookies } from 'next/headers';
import { pb } from '@/lib/pocketbase';
export async function me() {
	pb.authStore.save((await cookies()).get('pb_auth')?.value ?? '');
	return pb.authStore.record;
}`,
			errors: [{ messageId: 'signInShared', line: 5 }],
		},
		// A read through a client another file shares (known from the first run), by alias or by a
		// relative path, named or default.
		{
			filename: 'src/routes/anti-pattern/notes/+page.server.ts',
			settings,
			code: `import { pb } from '#lib/server/pocketbase.ts';
export const load = async () => ({ notes: await pb.collection('notes').getFullList() });`,
			errors: [
				{
					messageId: 'importsShared',
					line: 1,
					data: { name: 'pb', file: 'lib/server/pocketbase.ts' },
				},
			],
		},
		{
			filename: 'src/routes/notes/+page.server.ts',
			settings,
			code: `import { pb as client } from '../../lib/server/pocketbase.js';
export const load = async () => ({ notes: await client.collection('notes').getFullList() });`,
			errors: [{ messageId: 'importsShared', line: 1 }],
		},
		{
			filename: 'app/notes/page.tsx',
			settings,
			code: `import pb from '@/lib/pocketbase';
export default async function Page() { return pb.collection('notes').getFullList(); }`,
			errors: [{ messageId: 'importsShared', line: 1 }],
		},
		// A sign-in on it is reported where it happens, once.
		{
			filename: 'src/routes/login/+page.server.ts',
			settings,
			code: `import { pb } from '$lib/server/pocketbase';
export const actions = { default: async () => { await pb.collection('users').authWithPassword('a', 'b'); } };`,
			errors: [{ messageId: 'signInShared', line: 2 }],
		},
		// A client made by a helper once per module, then signed in per request.
		{
			filename: 'src/hooks.server.ts',
			code: `import { createClient } from '$lib/pb';
const pb = createClient();
export const handle = async ({ event, resolve }) => {
	pb.authStore.loadFromCookie(event.request.headers.get('cookie') ?? '');
	return resolve(event);
};`,
			errors: [{ messageId: 'signInShared', line: 4 }],
		},
	],
});
