/**
 * What the decision guide shows: the questions' wording, and the recommendation for a set of
 * answers as HTML. Pure, so the page renders the same markup at build time that the element
 * renders after each change. The rules themselves live in src/lib/decision-guide.ts.
 */
import { escapeHtml } from '../demo-kit/format';
import { answerSchema, recommend, type Answers, type Reason } from '~/lib/decision-guide';

export const urlPrefix = 'decide-';

export { answerSchema };

type Key = keyof typeof answerSchema;

/** Each question as the reader sees it, with words for its options. */
export const questions: readonly {
	key: Key;
	label: string;
	hint: string;
	optionLabels?: Readonly<Record<string, string>>;
}[] = [
	{
		key: 'data',
		label: 'Whose data does the page show?',
		hint: 'Public data is the same for every reader; per-user data depends on who is signed in.',
		optionLabels: { 'per-user': 'Per user (signed-in data)', public: 'Public (same for everyone)' },
	},
	{
		key: 'aggregation',
		label: 'Aggregation across users',
		hint: 'Totals over many users’ records, such as a dashboard or a report; heavy means big joins, statistics, generated files or long jobs.',
		optionLabels: {
			none: 'None',
			query: 'Sums or counts (one SQL query)',
			compute: 'Heavy: joins, statistics, PDFs',
		},
	},
	{
		key: 'placement',
		label: 'Where do your server and PocketBase run?',
		hint: 'Your app server, if you have one, relative to PocketBase; or no public address for PocketBase at all.',
		optionLabels: {
			'no-server': 'No app server',
			'same-datacenter': 'Beside PocketBase (same datacenter)',
			far: 'Far away (other region, serverless)',
			private: 'PocketBase on a private network',
		},
	},
	{
		key: 'traffic',
		label: 'Traffic',
		hint: 'Many visitors at once, or a few.',
		optionLabels: { low: 'Low', high: 'High' },
	},
	{
		key: 'secret',
		label: 'A call needs a secret or an external service',
		hint: 'A payment provider, an e-mail or LLM API, a webhook with a key.',
	},
	{
		key: 'realtime',
		label: 'The app shows realtime updates',
		hint: 'PocketBase’s realtime subscriptions (server-sent events).',
	},
	{
		key: 'rateLimiter',
		label: 'PocketBase’s rate limiter is on',
		hint: 'It is off by default; you turn it on in the dashboard’s settings.',
	},
];

/** The recommendation as HTML: title, summary, and each reason linked to its section. */
export function renderRecommendation(answers: Answers): string {
	const r = recommend(answers);
	const reasons = r.reasons
		.map(
			(reason) =>
				`<li>${escapeHtml(reason.text)} <a href="${escapeHtml(reason.href)}">${escapeHtml(linkLabel(reason))}</a></li>`
		)
		.join('');
	return (
		`<p class="decide-kind" data-kind="${r.kind}"><strong>${escapeHtml(r.title)}</strong></p>` +
		`<p>${escapeHtml(r.summary)}</p>` +
		`<p class="decide-why">Why:</p><ul class="decide-reasons">${reasons}</ul>`
	);
}

/** Each cited page's title, as in its front matter. */
export const pageTitles: Readonly<Record<string, string>> = {
	'/approaches/api-rules/': 'Direct access with API rules',
	'/check/': 'Check your code',
	'/approaches/js-hooks/': 'JS hooks for privileged work',
	'/approaches/static-generation/': 'Static generation for public pages',
	'/problem/auth-state/': 'Auth state (JWT) complexity',
	'/problem/double-hops/': 'Double network hops',
	'/problem/rate-limits/': 'Rate limits',
	'/problem/realtime/': 'Realtime through a proxy',
	'/server-side/when/': 'When a server makes sense',
	'/server-side/doing-it-right/': 'Doing it right',
};

/** "Rate limits: One server, one bucket": the page, then the section the link opens. */
export function linkLabel(reason: Reason): string {
	const path = reason.href.split('#')[0] ?? '';
	return `${pageTitles[path] ?? path}: ${reason.section}`;
}
