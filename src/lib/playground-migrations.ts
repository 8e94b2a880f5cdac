/**
 * Reads what a playground migration sets (API rules, rate-limit rules) by running its `up`
 * function against a stand-in app, so the rules a page shows are the ones PocketBase runs.
 * The caller supplies the evaluator (Node's `vm` at build time), which keeps this module free
 * of I/O.
 */

export type Evaluate = (source: string, globals: Record<string, unknown>) => void;

export interface CollectionRules {
	listRule: string | null;
	viewRule: string | null;
	createRule: string | null;
	updateRule: string | null;
	deleteRule: string | null;
}

export interface RateLimitRule {
	label: string;
	audience: string;
	duration: number;
	maxRequests: number;
}

export interface MigrationResult {
	/** Every collection the migration saved, by name, with its rules. */
	collections: Record<string, CollectionRules>;
	/** The rate-limit rules, if the migration set them. */
	rateLimits: RateLimitRule[] | undefined;
}

export function readMigration(source: string, evaluate: Evaluate): MigrationResult {
	const collections: Record<string, CollectionRules> = {};
	const settings = {
		meta: {} as Record<string, unknown>,
		rateLimits: { enabled: false, rules: undefined as RateLimitRule[] | undefined },
		trustedProxy: { headers: [] as string[], useLeftmostIP: false },
	};
	const known: Record<string, Record<string, unknown>> = {};
	const app = {
		findCollectionByNameOrId: (name: string) => (known[name] ??= { id: `${name}-id`, name }),
		save(model: unknown) {
			const m = model as Record<string, unknown>;
			if (typeof m['name'] === 'string') {
				known[m['name']] = m;
				collections[m['name']] = {
					listRule: (m['listRule'] as string | null | undefined) ?? null,
					viewRule: (m['viewRule'] as string | null | undefined) ?? null,
					createRule: (m['createRule'] as string | null | undefined) ?? null,
					updateRule: (m['updateRule'] as string | null | undefined) ?? null,
					deleteRule: (m['deleteRule'] as string | null | undefined) ?? null,
				};
			}
		},
		delete() {},
		settings: () => settings,
	};
	class Collection {
		constructor(init: Record<string, unknown>) {
			Object.assign(this, init);
		}
	}
	class Record_ {
		set() {}
	}
	let ran = false;
	evaluate(source, {
		migrate: (up: (a: typeof app) => void) => {
			ran = true;
			up(app);
		},
		Collection,
		Record: Record_,
		$os: { getenv: () => '' },
	});
	if (!ran) throw new Error('The source did not call migrate().');
	return { collections, rateLimits: settings.rateLimits.rules };
}

/** "2 per 3 s", the way the playground README and the dashboard say it. */
export function describeRateLimit(rule: RateLimitRule): string {
	return `${rule.maxRequests} per ${rule.duration} s`;
}
