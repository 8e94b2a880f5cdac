import rule from '../../src/rules/no-filter-interpolation.js';
import { eslintRule, ruleTester } from '../rule-tester.ts';

const filename = 'src/routes/+page.server.ts';

ruleTester.run('no-filter-interpolation', eslintRule(rule), {
	valid: [
		{
			filename,
			code: `export const load = ({ params }) => pb.collection('a').getFirstListItem(pb.filter('slug = {:slug}', { slug: params.slug }));`,
		},
		{
			filename,
			code: `export const load = async ({ url }) => pb.collection('a').getList(1, 20, { filter: pb.filter('title ~ {:q}', { q: url.searchParams.get('q') }) });`,
		},
		{ filename, code: `pb.collection('a').getFullList({ filter: 'published = true' });` },
		// Constants pasted in are not input.
		{
			filename,
			code: `const STATUS = 'open';
pb.collection('a').getFullList({ filter: \`status = "\${STATUS}"\` });`,
		},
		{
			filename: 'app/api/finish/route.ts',
			code: `import { TEMP } from '@/constants';
export async function GET() { return pb.collection('a').getFullList({ filter: \`congress = "\${TEMP.ID}"\` }); }`,
		},
		// A record id from PocketBase's answer, even when the record was found with the input.
		{
			filename,
			code: `export const load = async ({ params, locals }) => {
	const post = await locals.pb.collection('posts').getFirstListItem(pb.filter('slug = {:s}', { s: params.slug }));
	return locals.pb.collection('comments').getFullList({ filter: \`post = "\${post.id}"\` });
};`,
		},
		// The signed-in user the hook verified, and the auth store's record.
		{
			filename,
			code: `export const load = async ({ locals }) => locals.pb.collection('a').getFullList({ filter: \`owner = "\${locals.user.id}"\` });`,
		},
		{
			filename: 'app/api/keys/route.ts',
			code: `export async function GET(request) {
	await pb.collection('users').authRefresh();
	const user = pb.authStore.record;
	return pb.collection('keys').getFullList({ filter: 'user = "' + user.id + '"' });
}`,
		},
		// A helper's parameter that nothing in the file fills with input; an exported helper.
		{
			filename,
			code: `async function mine(userId) { return pb.collection('a').getFullList({ filter: \`owner = "\${userId}"\` }); }
export const load = ({ locals }) => mine(locals.user.id);`,
		},
		{
			filename: 'src/lib/server/notes.ts',
			code: `export async function search(q: string) { return pb.collection('a').getFullList({ filter: \`title ~ "\${q}"\` }); }`,
		},
		// An id the server made, and a number parsed from the input.
		{
			filename,
			code: `export const actions = { default: async ({ request }) => {
	const sessionId = crypto.randomUUID();
	return pb.collection('a').getFullList({ filter: \`session = "\${sessionId}"\` });
} };`,
		},
		{
			filename,
			code: `export const load = ({ url }) => {
	const page = Number(url.searchParams.get('page'));
	return pb.collection('a').getFullList({ filter: \`page = \${page}\` });
};`,
		},
		// Fragments built by pb.filter(), joined.
		{
			filename,
			code: `export const load = ({ params }) => pb.collection('a').getFullList({ filter: \`\${pb.filter('a = {:a}', { a: params.a })} && published = true\` });`,
		},
		// A helper we can't see: it may use pb.filter() itself.
		{
			filename,
			code: `export const load = ({ url }) => pb.collection('a').getFullList({ filter: buildFilter(url.searchParams.get('q')) });`,
		},
		// Array#filter and a sort option.
		{ filename, code: `items.filter((i) => i.id === id);` },
		{
			filename,
			code: `export const load = ({ url }) => pb.collection('a').getFullList({ sort: \`-\${url.searchParams.get('s')}\` });`,
		},
		// Browser code, and code that may run in either place, and a universal load whose layout may
		// have turned server rendering off.
		{
			filename: 'src/routes/notes/+page.ts',
			code: `export const load = ({ params }) => pb.collection('a').getFirstListItem(\`slug = "\${params.slug}"\`);`,
		},
		{
			filename: 'components/notes.tsx',
			code: `'use client';
export default function Notes({ params }) { pb.collection('a').getFullList({ filter: \`owner = "\${params.id}"\` }); }`,
		},
		// A name the file does not declare: nothing to trace.
		{
			filename,
			code: `pb.collection('a').subscribe('*', cb, { filter: \`owner = "\${userId}"\` });`,
		},
	],
	invalid: [
		// SvelteKit: route params, destructured or on the event.
		{
			filename,
			code: `export const load = async ({ params }) =>
	pb.collection('a').getFirstListItem(\`slug = "\${params.slug}"\`);`,
			errors: [{ messageId: 'pasted', line: 2 }],
		},
		{
			filename,
			code: `export async function load(event) {
	const { id } = event.params;
	return pb.collection('a').getFullList({ filter: 'owner = "' + id + '"' });
}`,
			errors: [{ messageId: 'pasted', line: 3 }],
		},
		// Query parameters, through an alias and .trim().
		{
			filename: 'src/routes/search/+server.ts',
			code: `export const GET = async ({ url, locals }) => {
	const q = url.searchParams.get('q');
	const term = q.trim();
	const filter = \`title ~ "\${term}"\`;
	return locals.pb.collection('a').getFullList({ filter });
};`,
			errors: [{ messageId: 'pasted', line: 4 }],
		},
		// A form field, and a JSON body.
		{
			filename,
			code: `export const actions = {
	search: async ({ request, locals }) => {
		const data = await request.formData();
		const q = data.get('q');
		let filter = 'published = true';
		if (q) filter += \` && title ~ "\${q}"\`;
		return locals.pb.collection('a').getFullList({ filter });
	},
};`,
			errors: [{ messageId: 'pasted', line: 6 }],
		},
		{
			filename: 'src/routes/api/+server.ts',
			code: `export async function POST({ request }) {
	const { ids } = await request.json();
	for (const id of ids) await pb.collection('a').getFirstListItem(\`id = "\${id}"\`);
}`,
			errors: [{ messageId: 'pasted', line: 3 }],
		},
		// A cookie.
		{
			filename,
			code: `export const load = async ({ cookies }) => {
	const sessionId = cookies.get('sessionId');
	return pb.collection('orders').getFullList({ filter: \`session = "\${sessionId}"\` });
};`,
			errors: [{ messageId: 'pasted', line: 3 }],
		},
		// A remote function's argument.
		{
			filename: 'src/lib/posts.remote.ts',
			code: `import { query } from '$app/server';
export const getPost = query(v.string(), async (slug) => pb.collection('a').getFirstListItem(\`slug = "\${slug}"\`));`,
			errors: [{ messageId: 'pasted', line: 2 }],
		},
		// A local helper the load calls with the input.
		{
			filename,
			code: `function filterFor(searchParams) {
	let filter = '';
	const search = searchParams.get('search');
	if (search) filter += \`name ~ "\${search}"\`;
	return filter;
}
function list(q) { return pb.collection('a').getFullList({ filter: \`name ~ "\${q}"\` }); }
export const load = ({ url }) => list(url.searchParams.get('q'));
export const actions = { default: ({ url }) => pb.collection('a').getFullList({ filter: filterFor(url.searchParams) }) };`,
			errors: [
				{ messageId: 'pasted', line: 4 },
				{ messageId: 'pasted', line: 7 },
			],
		},
		// A universal load that renders on the server.
		{
			filename: 'src/routes/+layout.ts',
			code: `export const load = ({ params }) => pb.collection('a').getFirstListItem('slug = "' + params.slug + '"');`,
			errors: [{ messageId: 'pasted' }],
		},
		// Next.js: a page's params and (awaited) searchParams.
		{
			filename: 'app/posts/[slug]/page.tsx',
			code: `export default async function Page({ params, searchParams }) {
	const { slug } = await params;
	const q = (await searchParams).q;
	await pb.collection('a').getFirstListItem(\`slug = "\${slug}"\`);
	return pb.collection('a').getFullList({ filter: q ? \`title ~ "\${q}"\` : '' });
}`,
			errors: [
				{ messageId: 'pasted', line: 4 },
				{ messageId: 'pasted', line: 5 },
			],
		},
		{
			filename: 'app/posts/page.tsx',
			code: `export default async function Page(props) {
	const sp = await props.searchParams;
	return pb.collection('a').getFullList({ filter: \`tag = "\${sp.tag}"\` });
}`,
			errors: [{ messageId: 'pasted', line: 3 }],
		},
		// A route handler: the request's query string, body and context params.
		{
			filename: 'app/api/users/route.ts',
			code: `export async function GET(request, { params }) {
	const author = request.nextUrl.searchParams.get('author');
	await pb.collection('a').getFullList({ filter: \`author = "\${author}"\` });
	return pb.collection('a').getFullList({ filter: \`id = "\${params.id}"\` });
}
export async function POST(req) {
	const body = await req.json();
	const { object_id } = body;
	return pb.collection('a').getFirstListItem(\`object = "\${object_id}"\`);
}`,
			errors: [
				{ messageId: 'pasted', line: 3 },
				{ messageId: 'pasted', line: 4 },
				{ messageId: 'pasted', line: 9 },
			],
		},
		{
			filename: 'app/api/whoops/route.ts',
			code: `export async function GET(request: Request) {
	const { searchParams } = new URL(request.url);
	const author = searchParams.get('author');
	const { tag } = JSON.parse(await request.text());
	return pb.collection('a').getFirstListItem(\`author = "\${author}" && tag = "\${tag}"\`);
}`,
			errors: [{ messageId: 'pasted', line: 5 }],
		},
		// Next.js cookies() and headers().
		{
			filename: 'app/page.tsx',
			code: `import { cookies, headers } from 'next/headers';
export default async function Page() {
	const store = await cookies();
	const team = store.get('team')?.value;
	const lang = (await headers()).get('accept-language');
	return pb.collection('a').getFullList({ filter: \`team = "\${team}" && lang = "\${lang}"\` });
}`,
			errors: [{ messageId: 'pasted', line: 6 }],
		},
		// Server actions: a 'use server' file's exports, and an inline action's form data.
		{
			filename: 'app/actions.ts',
			code: `'use server';
export async function search(q: string) {
	return pb.collection('a').getFullList({ filter: \`title ~ "\${q}"\`, sort: '-created' });
}`,
			errors: [{ messageId: 'pasted', line: 3 }],
		},
		{
			filename: 'app/notes/page.tsx',
			code: `export default function Page() {
	async function add(formData) {
		'use server';
		const name = String(formData.get('name'));
		const options = { filter: 'name = "' + name + '"' };
		return pb.collection('a').getList(1, 10, options);
	}
	return null;
}`,
			errors: [{ messageId: 'pasted', line: 5 }],
		},
		// An input array's items.
		{
			filename: 'app/api/batch/route.ts',
			code: `export async function POST(request) {
	const { ids } = await request.json();
	return Promise.all(ids.map((id) => pb.collection('a').getFirstListItem(\`id = "\${id}"\`)));
}`,
			errors: [{ messageId: 'pasted', line: 3 }],
		},
		// Pasted into pb.filter()'s own text: not escaped either.
		{
			filename,
			code: `export const load = ({ params }) => pb.collection('a').getFullList({ filter: pb.filter(\`owner = "\${params.owner}"\`) });`,
			errors: [{ messageId: 'pastedIntoFilter' }],
		},
	],
});
