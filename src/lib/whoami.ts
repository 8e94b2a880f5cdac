/**
 * What the playground's `GET /api/demo/whoami` route answers, and how the demo words it.
 * The route is playground/pb_hooks/whoami.pb.js.
 */

export interface WhoamiAnswer {
	realIP: string;
	remoteIP: string;
	simulatedServer: boolean;
	auth: { id: string; collectionName: string; email: string } | null;
	superuser: boolean;
	time: string;
}

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

/** The rate limiter's key, and whose bucket it is. */
export function describeAddress(answer: WhoamiAnswer, serverIp: string): string {
	if (answer.realIP === serverIp)
		return `${answer.realIP}: the server’s address, shared by every user it serves`;
	return `${answer.realIP}: your own address`;
}
