import rule from '../../src/rules/no-filter-interpolation.js';
import { eslintRule, ruleTester } from '../rule-tester.ts';

const filename = 'src/routes/+page.server.ts';

ruleTester.run('no-filter-interpolation', eslintRule(rule), {
	valid: [
		{
			filename,
			code: `pb.collection('a').getFirstListItem(pb.filter('slug = {:slug}', { slug }));`,
		},
		{
			filename,
			code: `pb.collection('a').getList(1, 20, { filter: pb.filter('owner = {:id}', { id }) });`,
		},
		{ filename, code: `pb.collection('a').getFullList({ filter: 'published = true' });` },
		// Constants pasted in are not input.
		{
			filename,
			code: `const STATUS = 'open';
pb.collection('a').getFullList({ filter: \`status = "\${STATUS}"\` });`,
		},
		// Fragments built by pb.filter(), joined.
		{
			filename,
			code: `const parts = [pb.filter('a = {:a}', { a }), pb.filter('b = {:b}', { b })];
pb.collection('a').getFullList({ filter: parts.join(' && ') });`,
		},
		{
			filename,
			code: `pb.collection('a').getFullList({ filter: \`\${pb.filter('a = {:a}', { a })} && \${pb.filter('b = {:b}', { b })}\` });`,
		},
		// A helper we can't see: it may use pb.filter() itself.
		{ filename, code: `pb.collection('a').getFullList({ filter: buildFilter(q) });` },
		// Array#filter and a sort option.
		{ filename, code: `items.filter((i) => i.id === id);` },
		{ filename, code: `pb.collection('a').getFullList({ sort: \`-\${field}\` });` },
		// Browser code, code that may run in either place, and a universal load whose layout may
		// have turned server rendering off.
		{
			filename: 'src/routes/notes/+page.ts',
			code: `export const load = ({ params }) => pb.collection('a').getFirstListItem(\`slug = "\${params.slug}"\`);`,
		},
		{
			filename: 'components/notes.tsx',
			code: `'use client';
export const load = (id) => pb.collection('a').getFullList({ filter: \`owner = "\${id}"\` });`,
		},
		{
			filename: 'src/lib/notes.ts',
			code: `export const load = (id) => pb.collection('a').getFullList({ filter: \`owner = "\${id}"\` });`,
		},
		// A function parameter passed through as the whole filter.
		{
			filename,
			code: `export function list(filter) { return pb.collection('a').getFullList({ filter }); }`,
		},
	],
	invalid: [
		{
			filename,
			code: `export const load = async ({ params }) =>
	pb.collection('a').getFirstListItem(\`slug = "\${params.slug}"\`);`,
			errors: [{ messageId: 'pasted', line: 2 }],
		},
		{
			filename,
			code: `pb.collection('a').getList(1, 20, { filter: 'owner = "' + user.id + '"' });`,
			errors: [{ messageId: 'pasted' }],
		},
		{
			filename,
			code: `export async function search(q: string) {
	return pb.collection('a').getFullList({ filter: \`title ~ "\${q}"\`, sort: '-created' });
}`,
			errors: [{ messageId: 'pasted', line: 2 }],
		},
		// Built first, then passed as a shorthand property or in an options object.
		{
			filename,
			code: `export async function search(q: string) {
	const filter = \`title ~ "\${q.trim()}"\`;
	return pb.collection('a').getFullList({ filter });
}`,
			errors: [{ messageId: 'pasted', line: 2 }],
		},
		{
			filename,
			code: `export async function search(q: string) {
	const options = { filter: 'title ~ "' + q + '"' };
	return pb.collection('a').getList(1, 10, options);
}`,
			errors: [{ messageId: 'pasted', line: 2 }],
		},
		// Appended to step by step.
		{
			filename,
			code: `export async function search(q: string) {
	let filter = 'published = true';
	if (q) filter += \` && title ~ "\${q}"\`;
	return pb.collection('a').getFullList({ filter });
}`,
			errors: [{ messageId: 'pasted', line: 3 }],
		},
		// A universal load runs on the server too.
		{
			filename: 'src/routes/+layout.ts',
			code: `export const load = ({ params }) => pb.collection('a').getFirstListItem('slug = "' + params.slug + '"');`,
			errors: [{ messageId: 'pasted' }],
		},
		// A conditional filter, and a realtime subscription's filter.
		{
			filename,
			code: `pb.collection('a').getFullList({ filter: q ? \`title ~ "\${q}"\` : '' });`,
			errors: [{ messageId: 'pasted' }],
		},
		{
			filename,
			code: `pb.collection('a').subscribe('*', cb, { filter: \`owner = "\${userId}"\` });
`,
			errors: [{ messageId: 'pasted' }],
		},
		// Pasted into pb.filter()'s own text: not escaped either.
		{
			filename,
			code: `pb.collection('a').getFullList({ filter: pb.filter(\`owner = "\${locals.user.id}"\`) });`,
			errors: [{ messageId: 'pastedIntoFilter' }],
		},
	],
});
