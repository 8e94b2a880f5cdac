// Odd but valid code, in every kind of file: the rules may find nothing, but must never throw.
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const snippets = [
	`export * as sdk from 'pocketbase';
export { default } from 'pocketbase';`,
	`import PocketBase from 'pocketbase';
const make = () => PocketBase;
const pb = new (make())(URL);
const other = new PocketBase;
const [a, , b] = [];
({ c } = d);`,
	`@decorator class A { static pb = new PocketBase(); #x = 1; accessor y = 2; }`,
	`const x = import.meta.env?.[key]; const y = obj?.a?.['b']?.(c);`,
	`for await (const x of y) { label: { break label; } }`,
	`export default async function Page() { 'use cache'; return <div {...props}>{items.map((i) => <p key={i}>{i}</p>)}</div>; }`,
	`let pb; pb ??= new PocketBase(); pb.collection?.('users')?.authWithPassword?.(e, p);`,
	`function f(this: Window, ...args: unknown[]) { return args as unknown as string[]; }`,
	`enum E { A = 'a' } namespace N { export const x = 1; } declare module 'm' {}`,
	`cookies.set(); cookies.set(...args); headers.get(); x.split(',')[0]; [0][0];`,
	'const f = `${`${a}`}`; pb.collection(a).getFirstListItem(); pb.filter();',
	`const { exp } = getTokenPayload(); if (exp) {} atob(); JSON.parse(atob(t.split('.')[1]));`,
];
const filenames = [
	'src/hooks.server.ts',
	'src/lib/server/pb.ts',
	'src/routes/+layout.ts',
	'src/routes/+page.ts',
	'app/page.tsx',
	'app/api/route.ts',
	'components/x.tsx',
	'proxy.ts',
	'lib/x.js',
];

describe('robustness', () => {
	it('runs every rule over odd code in every kind of file without throwing', () => {
		const linter = new Linter();
		const config = plugin.configs.recommended.map((c) => ({
			...c,
			languageOptions: { ...c.languageOptions, parser: tsParser },
		}));
		for (const filename of filenames) {
			for (const code of snippets) {
				const messages = linter.verify(code, config, { filename });
				const fatal = messages.filter((m) => m.fatal || m.ruleId === null);
				// JSX only parses in .tsx/.jsx/.js files; anything else must parse.
				const jsx = code.includes('<div');
				if (!jsx || /\.(tsx|js)$/.test(filename)) expect(fatal, `${filename}: ${code}`).toEqual([]);
			}
		}
	});
});
