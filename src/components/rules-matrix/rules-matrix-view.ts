/**
 * The API rules matrix: which requests the demo makes (guest, user A and user B against
 * `notes` and `articles`), what each real answer means, and the walk-through the page draws
 * from those answers. No DOM, no network.
 */
import type { RuleAction, Rules } from '~/lib/migration-rules';
import { plural } from '../demo-kit/format';

/** The URL-state prefix of this demo (it has no settings yet; the prefix is reserved). */
export const urlPrefix = 'rules-';

export type Who = 'guest' | 'a' | 'b';
export type MatrixCollection = 'notes' | 'articles';

export const whoLabels: Record<Who, string> = {
	guest: 'Guest (no token)',
	a: 'User A',
	b: 'User B',
};

/** One request of the matrix. `target` says which record an id-taking request is about. */
export interface MatrixStep {
	who: Who;
	collection: MatrixCollection;
	action: RuleAction;
}

const rowOrder: readonly Who[] = ['guest', 'a', 'b'];
const actions: readonly RuleAction[] = ['list', 'view', 'create', 'update', 'delete'];

/**
 * The order the requests run in: A creates the note everyone else then tries, guest and B try
 * it, and A deletes it last. Articles need no setup: they are seeded by the migration.
 */
export function matrixPlan(): MatrixStep[] {
	const steps: MatrixStep[] = [{ who: 'a', collection: 'notes', action: 'create' }];
	for (const who of ['guest', 'b'] as const) {
		for (const action of actions) steps.push({ who, collection: 'notes', action });
	}
	for (const action of ['list', 'view', 'update', 'delete'] as const) {
		steps.push({ who: 'a', collection: 'notes', action });
	}
	for (const who of rowOrder) {
		for (const action of actions) steps.push({ who, collection: 'articles', action });
	}
	return steps;
}

export const cellId = (step: MatrixStep) => `${step.collection}-${step.who}-${step.action}`;

/** The SDK call a step makes, as the reader would write it. */
export function sdkCall(step: MatrixStep): string {
	const c = `pb.collection('${step.collection}')`;
	const id = step.collection === 'notes' ? 'noteOfA.id' : 'article.id';
	switch (step.action) {
		case 'list':
			return `${c}.getList(1, 50)`;
		case 'view':
			return `${c}.getOne(${id})`;
		case 'create':
			return step.collection === 'notes'
				? `${c}.create({ text: '…', owner: userA.id })`
				: `${c}.create({ title: '…', slug: '…' })`;
		case 'update':
			return step.collection === 'notes'
				? `${c}.update(${id}, { text: '…' })`
				: `${c}.update(${id}, { title: '…' })`;
		case 'delete':
			return `${c}.delete(${id})`;
	}
}

/** What PocketBase answered one request: its status and, for a list, how many records came. */
export interface StepResult {
	method: string;
	url: string;
	status: number;
	/** Records in a list answer. */
	count?: number | undefined;
	/** Records the list could hold in all (the collection's total, for open lists). */
	message?: string | undefined;
}

export type Tone = 'allowed' | 'filtered' | 'refused' | 'failed';

export interface CellText {
	status: string;
	meaning: string;
	tone: Tone;
}

/** What one answer means, in the words of PocketBase's API-rules docs. */
export function cellText(step: MatrixStep, result: StepResult | undefined): CellText {
	if (!result) return { status: '…', meaning: 'not run yet', tone: 'failed' };
	const { status } = result;
	if (status === 0)
		return { status: 'no answer', meaning: 'PocketBase did not answer', tone: 'failed' };
	if (step.action === 'list' && status === 200) {
		const count = result.count ?? 0;
		return step.collection === 'notes'
			? {
					status: '200',
					meaning: `filtered: ${plural(count, 'note')}`,
					tone: 'filtered',
				}
			: { status: '200', meaning: `open rule: ${plural(count, 'article')}`, tone: 'allowed' };
	}
	if (status === 200 || status === 204)
		return { status: String(status), meaning: 'allowed', tone: 'allowed' };
	if (status === 404)
		return {
			status: '404',
			meaning: 'hidden, as if it did not exist',
			tone: 'refused',
		};
	if (status === 400) return { status: '400', meaning: 'create rule not met', tone: 'refused' };
	if (status === 403) return { status: '403', meaning: 'locked to superusers', tone: 'refused' };
	if (status === 429)
		return { status: '429', meaning: 'rate-limited: try again in a few seconds', tone: 'failed' };
	return { status: String(status), meaning: result.message ?? 'unexpected answer', tone: 'failed' };
}

/** What the rules promise for each cell, so the walk-through can say whether they held. */
export function expectedStatus(step: MatrixStep): number {
	if (step.collection === 'articles') {
		if (step.action === 'list' || step.action === 'view') return 200;
		return 403;
	}
	if (step.who === 'a') return step.action === 'delete' ? 204 : 200;
	if (step.action === 'list') return 200;
	if (step.action === 'create') return 400;
	return 404;
}

/** The table the page shows: one row per caller, one cell per action, in reading order. */
export function tableRows(collection: MatrixCollection) {
	return rowOrder.map((who) => ({
		who,
		label: whoLabels[who],
		cells: actions.map((action) => ({ who, collection, action })),
	}));
}

/** The rule a column is decided by, as the migration sets it. */
export function ruleText(rule: string | null): string {
	if (rule === null) return 'null (locked)';
	if (rule === '') return '"" (anyone)';
	return rule;
}

export type Results = ReadonlyMap<string, StepResult>;

const result = (results: Results, who: Who, collection: MatrixCollection, action: RuleAction) =>
	results.get(cellId({ who, collection, action }));

/**
 * "Why this is safe without a server", told from this run's own answers. Each sentence names
 * the status PocketBase really gave; a cell that did not answer as the rules promise is said
 * plainly instead of the claim it would have supported.
 */
export function walkthrough(
	results: Results,
	rules: Partial<Record<MatrixCollection, Rules>>
): string[] {
	const lines: string[] = [];
	const bList = result(results, 'b', 'notes', 'list');
	const aList = result(results, 'a', 'notes', 'list');
	if (bList?.status === 200 && aList?.status === 200) {
		lines.push(
			`B and A made the very same list request. A got ${plural(aList.count ?? 0, 'note')}, B got ${plural(bList.count ?? 0, 'note')}: PocketBase adds the list rule (${ruleText(rules.notes?.list ?? null)}) to the query, so A’s note never left the database for B.`
		);
	}
	const bView = result(results, 'b', 'notes', 'view');
	if (bView) {
		lines.push(
			bView.status === 404
				? 'B asked for A’s note by its exact id and got 404, the same answer as for an id that does not exist: knowing an id gains B nothing.'
				: `B asked for A’s note by its id and got ${bView.status}, not the 404 the view rule promises.`
		);
	}
	const bCreate = result(results, 'b', 'notes', 'create');
	if (bCreate) {
		lines.push(
			bCreate.status === 400
				? 'B tried to create a note in A’s name and got 400: the create rule compares the submitted owner with the token’s user, which B cannot forge.'
				: `B tried to create a note in A’s name and got ${bCreate.status}.`
		);
	}
	const guestWrites = (['update', 'delete'] as const).map((action) =>
		result(results, 'guest', 'notes', action)
	);
	if (guestWrites.every((r) => r?.status === 404)) {
		lines.push('A guest with no token could neither change nor delete the note (404 both times).');
	}
	const articleWrites = rowOrder.flatMap((who) =>
		(['create', 'update', 'delete'] as const).map((action) =>
			result(results, who, 'articles', action)
		)
	);
	if (articleWrites.length && articleWrites.every((r) => r?.status === 403)) {
		lines.push(
			'Nobody, signed in or not, could write an article (403 nine times): a null rule locks the action to superusers, and the site holds no superuser credential.'
		);
	}
	const aWrites = (['view', 'update', 'delete'] as const).map((action) =>
		result(results, 'a', 'notes', action)
	);
	if (aWrites.every((r) => r && r.status < 300)) {
		lines.push('Only A, holding A’s own token, could read, change and delete A’s note.');
	}
	const ran = [...results.keys()].length;
	const mismatches = matrixPlan().filter((step) => {
		const r = results.get(cellId(step));
		return r !== undefined && r.status !== expectedStatus(step);
	});
	if (ran > 0) {
		lines.push(
			mismatches.length === 0
				? `All ${plural(ran, 'answer')} came straight from PocketBase to this browser, and each was decided by the rule for its action. No server of yours sat in between, so there was no second place for a check to be forgotten.`
				: `${plural(mismatches.length, 'answer')} did not match what the rules promise (${mismatches.map(cellId).join(', ')}): this PocketBase does not run the playground’s rules.`
		);
	}
	return lines;
}

/** What a cell says before its request has answered. */
export const pendingCell = { status: '…', meaning: 'waiting', tone: 'pending' } as const;

/** What the run is doing, in the toolbar beside its button. */
export const progressText = {
	creatingUsers: 'Creating users A and B…',
	request: (index: number, total: number) => `Request ${index + 1} of ${total}…`,
	done: (total: number) => `Done: ${total} answers from PocketBase.`,
};

/** The title of the failure shown when the demo users could not be made. */
export const usersFailedTitle = (title: string) => `Could not create the demo users. ${title}`;

/** The request a step sent, as HTTP: method, path with query, and the status that came back. */
export function requestLine(result: Pick<StepResult, 'method' | 'url' | 'status'>): string {
	const url = result.url ? new URL(result.url) : undefined;
	const path = url ? url.pathname + url.search : '';
	return `${result.method} ${path} → ${result.status || 'no answer'}`;
}
