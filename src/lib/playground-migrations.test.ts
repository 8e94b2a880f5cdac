import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { describeRateLimit, readMigration } from './playground-migrations';

const migration = (name: string) =>
	readMigration(
		readFileSync(new URL(`../../playground/pb_migrations/${name}`, import.meta.url), 'utf8'),
		(source, globals) => {
			runInNewContext(source, globals);
		}
	);

describe('reading the playground’s migrations', () => {
	it('gives the notes rules the playground runs', () => {
		const { collections } = migration('1732600100_owner_only_notes.js');
		expect(collections['notes']).toMatchObject({
			listRule: '@request.auth.id != "" && owner = @request.auth.id',
			viewRule: '@request.auth.id != "" && owner = @request.auth.id',
			createRule: '@request.auth.id != "" && @request.body.owner = @request.auth.id',
			deleteRule: '@request.auth.id != "" && owner = @request.auth.id',
		});
	});

	it('gives the users rules, owner-only delete included', () => {
		expect(migration('1732600000_demo_users.js').collections['users']).toMatchObject({
			deleteRule: 'id = @request.auth.id',
			createRule: '',
		});
	});

	it('gives the rate-limit rules', () => {
		const { rateLimits } = migration('1732600200_rate_limits_and_proxy_header.js');
		const auth = rateLimits?.find((rule) => rule.label === '*:auth');
		expect(auth && describeRateLimit(auth)).toBe('2 per 3 s');
		expect(rateLimits?.map((rule) => rule.label)).toContain('/api/');
	});

	it('refuses a source that is not a migration', () => {
		expect(() =>
			readMigration('1 + 1', (s, g) => {
				runInNewContext(s, g);
			})
		).toThrow(/migrate/);
	});
});
