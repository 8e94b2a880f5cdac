import rule from '../../src/rules/no-shared-cache-user-data.js';
import { eslintRule, ruleTester } from '../rule-tester.ts';

ruleTester.run('no-shared-cache-user-data', eslintRule(rule), {
	valid: [
		// The guide's notes page: a private cache may read the request.
		{
			filename: 'app/notes/page.tsx',
			code: `import { headers } from 'next/headers';
async function visitorNotes() {
	'use cache: private';
	const pb = createServerClient(await headers());
	return pb.collection('notes').getFullList();
}`,
		},
		// Public data as a guest, keyed by the slug.
		{
			filename: 'lib/articles.ts',
			code: `export async function publicArticle(slug) {
	'use cache';
	const pb = publicClient();
	return pb.collection('articles').getFirstListItem(pb.filter('slug = {:slug}', { slug }));
}`,
		},
		// Headers read outside the cached function.
		{
			filename: 'app/page.tsx',
			code: `import { headers } from 'next/headers';
async function cached(id) { 'use cache'; return id; }
export default async function Page() { const h = await headers(); return cached(h.get('x')); }`,
		},
		// The superuser client checking its own sign-in: the server's state, not a visitor's.
		{
			filename: 'lib/reports.ts',
			code: `import { admin } from './admin';
export async function totals() {
	'use cache';
	if (!admin.authStore.isValid) admin.authStore.save(process.env.POCKETBASE_SUPERUSER_TOKEN);
	return admin.collection('totals').getFullList();
}`,
		},
		// A module-level cache of public reads, or keyed by the visitor.
		{
			filename: 'src/lib/server/cache.ts',
			code: `const cache = new Map();
export async function articles(pb) {
	const list = await pb.collection('articles').getFullList();
	cache.set('articles', list);
	return list;
}`,
		},
		{
			filename: 'src/routes/notes/+page.server.ts',
			code: `const cache = new Map();
export const load = async ({ locals }) => {
	const notes = await locals.pb.collection('notes').getFullList();
	cache.set(locals.pb.authStore.record.id, notes);
	return { notes };
};`,
		},
		// A Map made per request.
		{
			filename: 'src/routes/notes/+page.server.ts',
			code: `export const load = async ({ locals }) => {
	const cache = new Map();
	cache.set('notes', await locals.pb.collection('notes').getFullList());
};`,
		},
	],
	invalid: [
		{
			filename: 'app/notes/page.tsx',
			code: `import { cookies } from 'next/headers';
async function notes() {
	'use cache';
	const pb = new PocketBase(URL);
	pb.authStore.loadFromCookie((await cookies()).toString());
	return pb.collection('notes').getFullList();
}`,
			errors: [
				{ messageId: 'authInSharedCache', line: 5 },
				{ messageId: 'requestInSharedCache', line: 5, data: { name: 'cookies' } },
			],
		},
		{
			filename: 'app/notes/page.tsx',
			code: `import { headers as requestHeaders } from 'next/headers';
const notes = async () => {
	'use cache: remote';
	return createServerClient(await requestHeaders()).collection('notes').getFullList();
};`,
			errors: [{ messageId: 'requestInSharedCache', line: 4 }],
		},
		// A file-level 'use cache' covers its exported functions.
		{
			filename: 'lib/notes.ts',
			code: `'use cache';
import { pb } from './pb';
export async function myNotes() {
	const id = pb.authStore.record?.id;
	return pb.collection('notes').getFullList({ filter: pb.filter('owner = {:id}', { id }) });
}`,
			errors: [{ messageId: 'authInSharedCache', line: 4 }],
		},
		// Module-level memoisation of a visitor's read.
		{
			filename: 'src/routes/notes/+page.server.ts',
			code: `const cache = new Map();
export const load = async ({ locals, url }) => {
	const notes = await locals.pb.collection('notes').getFullList();
	cache.set(url.pathname, notes);
	return { notes };
};`,
			errors: [{ messageId: 'memoised', line: 4 }],
		},
		{
			filename: 'app/api/notes/route.ts',
			code: `const cache = {};
export async function GET(request) {
	const pb = new PocketBase(URL);
	pb.authStore.loadFromCookie(request.headers.get('cookie') ?? '');
	cache['notes'] = await pb.collection('notes').getFullList();
	return Response.json(cache['notes']);
}`,
			errors: [{ messageId: 'memoised', line: 5 }],
		},
	],
});
