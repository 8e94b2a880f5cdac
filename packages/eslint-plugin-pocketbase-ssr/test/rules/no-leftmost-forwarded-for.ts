import rule from '../../src/rules/no-leftmost-forwarded-for.js';
import { eslintRule, ruleTester } from '../rule-tester.ts';

const filename = 'src/hooks.server.ts';

ruleTester.run('no-leftmost-forwarded-for', eslintRule(rule), {
	valid: [
		{ filename, code: `const ip = event.getClientAddress();` },
		{ filename, code: `const ip = request.headers.get('x-real-ip');` },
		// The rightmost entry, the one your own proxy appended.
		{
			filename,
			code: `const ip = request.headers.get('x-forwarded-for')?.split(',').pop()?.trim();`,
		},
		{
			filename,
			code: `const hops = (request.headers.get('x-forwarded-for') ?? '').split(',');
const ip = hops[hops.length - 1];`,
		},
		// Another header, split the same way.
		{ filename, code: `const lang = request.headers.get('accept-language')?.split(',')[0];` },
		// The whole header passed on, or split on something else.
		{
			filename,
			code: `headers.set('x-forwarded-for', request.headers.get('x-forwarded-for') ?? '');`,
		},
		{ filename, code: `const first = request.headers.get('x-forwarded-for')?.split(' ')[0];` },
		// A list that is not the header.
		{ filename, code: `const [first] = tags.split(',');` },
	],
	invalid: [
		{
			filename,
			code: `const ip = request.headers.get('x-forwarded-for')?.split(',')[0];`,
			errors: [{ messageId: 'leftmost', line: 1 }],
		},
		// Any case of the header's name; Next.js's headers().
		{
			filename: 'app/api/route.ts',
			code: `const ip = (await headers()).get('X-Forwarded-For')!.split(',')[0].trim();`,
			errors: [{ messageId: 'leftmost' }],
		},
		{
			filename,
			code: `const ip = event.request.headers.get('x-forwarded-for')?.split(',').shift();`,
			errors: [{ messageId: 'leftmost' }],
		},
		{
			filename,
			code: `const ip = event.request.headers.get('x-forwarded-for')?.split(',').at(0);`,
			errors: [{ messageId: 'leftmost' }],
		},
		// Through a variable, trimmed entries, a regular expression.
		{
			filename,
			code: `const xff = request.headers.get('x-forwarded-for') ?? '';
const ip = xff.split(',').map((s) => s.trim())[0];`,
			errors: [{ messageId: 'leftmost', line: 2 }],
		},
		{
			filename,
			code: `const xff = request.headers.get('x-forwarded-for') || '';
const parts = xff.split(/,\\s*/);
const ip = parts[0];`,
			errors: [{ messageId: 'leftmost', line: 3 }],
		},
		// Destructuring the first entry.
		{
			filename,
			code: `const xff = String(request.headers.get('x-forwarded-for'));
const [ip] = xff.split(',');`,
			errors: [{ messageId: 'leftmost', line: 2 }],
		},
		{
			filename,
			code: `let ip; [ip] = request.headers.get('x-forwarded-for').split(',');`,
			errors: [{ messageId: 'leftmost' }],
		},
		// Node's request object.
		{
			filename: 'server.js',
			code: `const ip = (req.headers['x-forwarded-for'] as string).split(',')[0];`,
			errors: [{ messageId: 'leftmost' }],
		},
	],
});
