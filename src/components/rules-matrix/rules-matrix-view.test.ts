import { describe, expect, it } from 'vitest';
import {
	cellId,
	cellText,
	expectedStatus,
	matrixPlan,
	progressText,
	requestLine,
	ruleText,
	sdkCall,
	tableRows,
	usersFailedTitle,
	walkthrough,
	type MatrixStep,
	type StepResult,
} from './rules-matrix-view';

const step = (
	who: MatrixStep['who'],
	collection: MatrixStep['collection'],
	action: MatrixStep['action']
): MatrixStep => ({
	who,
	collection,
	action,
});
const answer = (status: number, count?: number): StepResult => ({
	method: 'GET',
	url: 'http://127.0.0.1:8090/api/collections/notes/records',
	status,
	count,
});

/** The answers the playground's rules give, as a real run returns them. */
function answersAsPromised() {
	const results = new Map<string, StepResult>();
	for (const s of matrixPlan()) {
		const status = expectedStatus(s);
		const count =
			s.action === 'list' ? (s.collection === 'articles' ? 32 : s.who === 'a' ? 1 : 0) : undefined;
		results.set(cellId(s), answer(status, count));
	}
	return results;
}

describe('the matrix plan', () => {
	it('has A create the note first and delete it last, and covers every cell once', () => {
		const plan = matrixPlan();
		expect(plan[0]).toEqual(step('a', 'notes', 'create'));
		const notes = plan.filter((s) => s.collection === 'notes');
		expect(notes.at(-1)).toEqual(step('a', 'notes', 'delete'));
		expect(new Set(plan.map(cellId)).size).toBe(30);
		expect(tableRows('notes').flatMap((row) => row.cells.map(cellId))).toHaveLength(15);
	});

	it('names the SDK call each request makes', () => {
		expect(sdkCall(step('b', 'notes', 'create'))).toBe(
			"pb.collection('notes').create({ text: '…', owner: userA.id })"
		);
		expect(sdkCall(step('guest', 'articles', 'delete'))).toBe(
			"pb.collection('articles').delete(article.id)"
		);
		expect(sdkCall(step('a', 'notes', 'list'))).toBe("pb.collection('notes').getList(1, 50)");
	});
});

describe('what each answer means', () => {
	it('tells a filtered list from an open one', () => {
		expect(cellText(step('b', 'notes', 'list'), answer(200, 0))).toEqual({
			status: '200',
			meaning: 'filtered: 0 notes',
			tone: 'filtered',
		});
		expect(cellText(step('guest', 'articles', 'list'), answer(200, 32)).meaning).toBe(
			'open rule: 32 articles'
		);
	});

	it('words 404, 400, 403, 429, no answer and not run', () => {
		expect(cellText(step('b', 'notes', 'view'), answer(404)).meaning).toMatch(
			/^hidden, as if it did not exist$/
		);
		expect(cellText(step('b', 'notes', 'create'), answer(400)).meaning).toBe('create rule not met');
		expect(cellText(step('a', 'articles', 'update'), answer(403)).meaning).toBe(
			'locked to superusers'
		);
		expect(cellText(step('a', 'articles', 'update'), answer(429)).tone).toBe('failed');
		expect(cellText(step('a', 'notes', 'view'), answer(0)).status).toBe('no answer');
		expect(cellText(step('a', 'notes', 'view'), undefined).meaning).toBe('not run yet');
		expect(cellText(step('a', 'notes', 'delete'), answer(204))).toEqual({
			status: '204',
			meaning: 'allowed',
			tone: 'allowed',
		});
	});

	it('shows null and "" rules in words', () => {
		expect(ruleText(null)).toBe('null (locked)');
		expect(ruleText('')).toBe('"" (anyone)');
		expect(ruleText('owner = @request.auth.id')).toBe('owner = @request.auth.id');
	});
});

describe('the walk-through', () => {
	it('is told from the answers when the rules held', () => {
		const lines = walkthrough(answersAsPromised(), {
			notes: {
				list: 'owner = @request.auth.id',
				view: null,
				create: null,
				update: null,
				delete: null,
			},
		});
		expect(lines[0]).toMatch(/A got 1 note, B got 0 notes/);
		expect(lines[0]).toContain('owner = @request.auth.id');
		expect(lines.join(' ')).toMatch(/got 404, the same answer as for an id that does not exist/);
		expect(lines.join(' ')).toMatch(/403 nine times/);
		expect(lines.at(-1)).toMatch(/^All 30 answers came straight from PocketBase/);
	});

	it('says so when an answer breaks a rule’s promise', () => {
		const results = answersAsPromised();
		results.set(cellId(step('b', 'notes', 'view')), answer(200));
		const lines = walkthrough(results, {});
		expect(lines.join(' ')).toMatch(/got 200, not the 404 the view rule promises/);
		expect(lines.at(-1)).toMatch(/^1 answer did not match .*notes-b-view/);
	});

	it('says nothing before a run', () => {
		expect(walkthrough(new Map(), {})).toEqual([]);
	});
});

describe('what the run says as it goes', () => {
	it('counts the requests and says when every answer is in', () => {
		expect(progressText.creatingUsers).toBe('Creating users A and B…');
		expect(progressText.request(0, 30)).toBe('Request 1 of 30…');
		expect(progressText.done(30)).toBe('Done: 30 answers from PocketBase.');
	});

	it('names what failed when the demo users could not be made', () => {
		expect(usersFailedTitle('No answer from PocketBase.')).toBe(
			'Could not create the demo users. No answer from PocketBase.'
		);
	});

	it('shows each request as HTTP with the status that came back', () => {
		expect(
			requestLine({
				method: 'GET',
				url: 'http://127.0.0.1:8090/api/collections/notes/records?page=1&perPage=50',
				status: 200,
			})
		).toBe('GET /api/collections/notes/records?page=1&perPage=50 → 200');
		expect(requestLine({ method: 'DELETE', url: 'http://pb/api/x', status: 0 })).toBe(
			'DELETE /api/x → no answer'
		);
	});
});
