/**
 * What the playground's `GET /api/demo/whoami` route answers, and how the demo words it.
 * The route is playground/pb_hooks/whoami.pb.js.
 */
import type { RequestModel, ScenarioPreset } from '~/lib/network-model';
import { flowHop, oneCallFlow, serverPreset } from '~/lib/server-flows';
import type { Segment, SegmentKind } from '~/lib/simulated-server';
import type { Schema } from '~/lib/url-state';
import { formatMs } from '../demo-kit/format';

/** The URL-state prefix of this demo (`?whoami-forward=1`). */
export const urlPrefix = 'whoami-';

/** The demo's one setting, in the URL so a link opens it the same way. */
export const whoamiSchema = {
	forward: {
		kind: 'boolean',
		label: 'The server forwards my sign-in (the cookie flow)',
		default: false,
	},
} as const satisfies Schema;

export interface WhoamiAnswer {
	realIP: string;
	remoteIP: string;
	simulatedServer: boolean;
	auth: { id: string; collectionName: string; email: string } | null;
	superuser: boolean;
	time: string;
}

/** What the demo says when a server answers, but not as the playground's whoami route does. */
export const notWhoami = {
	title: 'That server answered, but not like the playground’s whoami route.',
	advice: 'Point the demos at the playground (npm run playground) or a deployment of it.',
};

export function isWhoamiAnswer(value: unknown): value is WhoamiAnswer {
	if (typeof value !== 'object' || value === null) return false;
	const v = value as Record<string, unknown>;
	return (
		typeof v['realIP'] === 'string' &&
		typeof v['remoteIP'] === 'string' &&
		typeof v['simulatedServer'] === 'boolean' &&
		(v['auth'] === null || typeof v['auth'] === 'object')
	);
}

/** "you (a@b.c)" or "nobody (a guest request)", as PocketBase's rules would see the caller. */
export function describeIdentity(answer: WhoamiAnswer): string {
	if (answer.superuser) return 'a superuser (rules and rate limits do not apply)';
	if (answer.auth)
		return `user ${answer.auth.email || answer.auth.id} of “${answer.auth.collectionName}”`;
	return 'a guest (no auth token): @request.auth.id is empty';
}

/**
 * The rate limiter's key, and whose bucket it is. A request the simulated server made carries
 * the server address the playground derived from the reader's own (`simulatedServer`).
 */
export function describeAddress(answer: WhoamiAnswer): string {
	if (answer.simulatedServer)
		return `${answer.realIP}: the server’s address (yours alone, derived from your address), shared by every user it serves`;
	return `${answer.realIP}: your own address`;
}

/** The simulated server's modelled hop for this demo: the same-datacenter preset. */
export function whoamiHop(): { preset: ScenarioPreset; model: RequestModel } {
	return { preset: serverPreset(), model: flowHop(oneCallFlow) };
}

/** The line under the two paths: which server is simulated and what its hop is made of. */
export function modelText(): { name: string; addedMs: number; steps: string; directMs: number } {
	const { preset, model } = whoamiHop();
	return {
		name: preset.name,
		addedMs: model.addedMs,
		steps: model.proxy.steps.map((step) => `${step.label}: ${step.ms.toFixed(1)} ms`).join('; '),
		directMs: model.direct.totalMs,
	};
}

const legWords: Record<Segment['leg'], string> = {
	'server-hop': 'the extra hop through the server',
	'pocketbase-call': 'the real call to PocketBase',
};

/** "the extra hop through the server: 2.5 ms (modelled)", one line per segment. */
export function segmentLines(segments: readonly Segment[]): { kind: SegmentKind; text: string }[] {
	return segments.map((segment) => ({
		kind: segment.kind,
		text: `${legWords[segment.leg]}: ${formatMs(segment.durationMs)} (${segment.kind})`,
	}));
}

/** The time line of an answer: measured alone on the direct path, both on the proxied one. */
export function timeText(totalMs: number, path: 'direct' | 'proxy'): string {
	return `${formatMs(totalMs)} (${path === 'direct' ? 'measured' : 'measured + modelled'})`;
}

/** What the live region says once an answer is shown. */
export function announcement(answer: WhoamiAnswer, path: 'direct' | 'proxy'): string {
	const how = path === 'direct' ? 'Directly' : 'Through the simulated server';
	return `${how}: PocketBase sees ${answer.realIP}, ${describeIdentity(answer)}.`;
}

/** The session line above the demo. */
export function sessionText(email: string | undefined): string {
	return email
		? `Signed in as ${email} (a throwaway user, deleted within about an hour).`
		: 'You are not signed in.';
}
