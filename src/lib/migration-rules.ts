/**
 * The API rules of a collection by action, as the rules matrix shows them. They come from
 * `readMigration` (playground-migrations.ts), which runs the migration's own code, so the page
 * shows the rules that run, not a copy that could drift from them.
 */
import type { CollectionRules } from './playground-migrations';

export type RuleAction = 'list' | 'view' | 'create' | 'update' | 'delete';
export const ruleActions: readonly RuleAction[] = ['list', 'view', 'create', 'update', 'delete'];

/** A rule as PocketBase stores it: null is locked (superusers only), "" is open to anyone. */
export type Rules = Record<RuleAction, string | null>;

export function rulesByAction(rules: CollectionRules): Rules {
	return {
		list: rules.listRule,
		view: rules.viewRule,
		create: rules.createRule,
		update: rules.updateRule,
		delete: rules.deleteRule,
	};
}
