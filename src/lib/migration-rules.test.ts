import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import notesMigration from '../../playground/pb_migrations/1732600100_owner_only_notes.js?raw';
import articlesMigration from '../../playground/pb_migrations/1732600300_public_articles.js?raw';
import { rulesByAction } from './migration-rules';
import { readMigration } from './playground-migrations';

const rulesOf = (source: string, collection: string) => {
	const rules = readMigration(source, (code, globals) => {
		runInNewContext(code, globals);
	}).collections[collection];
	return rules && rulesByAction(rules);
};

describe('rules read from the playground migrations', () => {
	it('gives the owner-only rules of notes exactly as the migration sets them', () => {
		const notes = rulesOf(notesMigration, 'notes');
		expect(notes?.list).toBe('@request.auth.id != "" && owner = @request.auth.id');
		expect(notes?.view).toBe(notes?.list);
		expect(notes?.create).toBe('@request.auth.id != "" && @request.body.owner = @request.auth.id');
		expect(notes?.update).toContain('@request.body.owner:isset = false');
		expect(notes?.delete).toBe(notes?.list);
	});

	it('tells open ("") from locked (null) rules', () => {
		expect(rulesOf(articlesMigration, 'articles')).toEqual({
			list: '',
			view: '',
			create: null,
			update: null,
			delete: null,
		});
	});
});
