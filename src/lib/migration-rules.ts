/**
 * The API rules a playground migration really sets, read by running the migration's own code
 * against a stand-in `app` at build time. The page then shows the rules that run, not a copy
 * that could drift from them.
 */

export type RuleAction = 'list' | 'view' | 'create' | 'update' | 'delete';
export const ruleActions: readonly RuleAction[] = ['list', 'view', 'create', 'update', 'delete'];

/** A rule as PocketBase stores it: null is locked (superusers only), "" is open to anyone. */
export type Rules = Record<RuleAction, string | null>;

interface SavedCollection {
	name?: unknown;
	listRule?: unknown;
	viewRule?: unknown;
	createRule?: unknown;
	updateRule?: unknown;
	deleteRule?: unknown;
}

function asRule(value: unknown): string | null {
	return typeof value === 'string' ? value : null;
}

/**
 * Runs a migration file's up function with stand-ins for PocketBase's globals and returns the
 * rules of every collection it saves, by name. Only migrations that build collections from
 * plain objects (as the playground's do) are understood.
 */
export function rulesFromMigration(source: string): Record<string, Rules> {
	const saved: Record<string, Rules> = {};
	class Collection {
		constructor(init: object) {
			Object.assign(this, init);
		}
	}
	class RecordStub {
		set(): void {}
	}
	const app = {
		findCollectionByNameOrId: (name: string) => ({ id: `${name}-id`, name }),
		save(model: SavedCollection) {
			if (!(model instanceof Collection) || typeof model.name !== 'string') return;
			saved[model.name] = {
				list: asRule(model.listRule),
				view: asRule(model.viewRule),
				create: asRule(model.createRule),
				update: asRule(model.updateRule),
				delete: asRule(model.deleteRule),
			};
		},
		settings: () => ({}),
	};
	let up: ((stand: typeof app) => void) | undefined;
	const migrate = (upFn: (stand: typeof app) => void) => {
		up = upFn;
	};
	// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the playground's own file, at build time
	new Function('migrate', 'Collection', 'Record', source)(migrate, Collection, RecordStub);
	if (!up) throw new Error('The migration calls no migrate().');
	up(app);
	return saved;
}
