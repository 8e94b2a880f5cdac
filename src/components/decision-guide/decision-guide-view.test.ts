import { describe, expect, it } from 'vitest';
import { allAnswerSets, answerSchema, recommend } from '~/lib/decision-guide';
import { defaultSettings } from '~/lib/url-state';
import { linkLabel, pageTitles, questions, renderRecommendation } from './decision-guide-view';

describe('the questions', () => {
	it('ask about every answer in the schema, once each, with words for every option', () => {
		expect(questions.map((q) => q.key).sort()).toEqual(Object.keys(answerSchema).sort());
		for (const q of questions) {
			const field = answerSchema[q.key];
			if (field.kind === 'choice') {
				expect(Object.keys(q.optionLabels ?? {}).sort(), q.key).toEqual([...field.options].sort());
			}
			expect(q.hint.length, q.key).toBeGreaterThan(10);
		}
	});
});

describe('the recommendation', () => {
	it('shows the title, the summary and every reason as a link to its section', () => {
		const answers = { ...defaultSettings(answerSchema), placement: 'private' as const };
		const html = renderRecommendation(answers);
		const r = recommend(answers);
		expect(html).toContain(`data-kind="server"`);
		expect(html).toContain('Use a server, and do it right');
		for (const reason of r.reasons) {
			expect(html).toContain(`<a href="${reason.href}">`);
		}
		expect(html.match(/<li>/g)).toHaveLength(r.reasons.length);
		expect(html).toContain(
			'When a server makes sense: PocketBase is not reachable from the internet</a>'
		);
	});

	it('names a page title for every cited page', () => {
		for (const a of allAnswerSets()) {
			for (const reason of recommend(a).reasons) {
				const path = reason.href.split('#')[0]!;
				expect(pageTitles[path], path).toBeDefined();
				expect(linkLabel(reason)).toBe(`${pageTitles[path]}: ${reason.section}`);
			}
		}
	});
});
