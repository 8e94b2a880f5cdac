/**
 * What a PocketBase auth token says about itself. The token is a JWT: three base64url parts,
 * a header, a payload and a signature. A browser can read the first two (the SDK's `isValid`
 * only reads `exp`), but it cannot check the signature: that needs the collection's token
 * secret, which only PocketBase holds. So nothing here is trusted; it is only shown.
 */

export interface DecodedToken {
	header: Record<string, unknown>;
	payload: Record<string, unknown>;
	/** The third part, as sent. Only PocketBase can verify it. */
	signature: string;
	/** `exp`, in seconds since 1970, when the payload has one. */
	exp: number | undefined;
}

export type TokenDecoding = { ok: true; token: DecodedToken } | { ok: false; problem: string };

function decodePart(part: string): Record<string, unknown> | undefined {
	if (!/^[A-Za-z0-9_-]*$/.test(part)) return undefined;
	const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
	try {
		const bytes = Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), (c) =>
			c.charCodeAt(0)
		);
		const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
		return typeof value === 'object' && value !== null && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}

export function decodeToken(token: string): TokenDecoding {
	const parts = token.split('.');
	if (parts.length !== 3)
		return { ok: false, problem: 'not a JWT: it needs three dot-separated parts' };
	const [headerPart, payloadPart, signature] = parts as [string, string, string];
	const header = decodePart(headerPart);
	const payload = decodePart(payloadPart);
	if (!header || !payload)
		return { ok: false, problem: 'its header or payload is not base64url JSON' };
	const exp = typeof payload['exp'] === 'number' ? payload['exp'] : undefined;
	return { ok: true, token: { header, payload, signature, exp } };
}

/**
 * How long a token lives: `exp` minus the moment it was issued. PocketBase 0.40 puts no `iat`
 * in its tokens, so the moment is when the browser received it; the result is the auth
 * collection's token duration (5 days, 432,000 s, by default since v0.39.0) to within the
 * request's time and any error of this computer's clock.
 */
export function tokenLifetimeSeconds(exp: number, issuedAtMs: number): number {
	return exp - issuedAtMs / 1000;
}

/** "5 days", "1 day 2 hours", "3 hours", "12 minutes": rounded to the minute. */
export function formatDuration(seconds: number): string {
	const minutes = Math.round(seconds / 60);
	if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
	const hours = Math.round(minutes / 60);
	if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'}`;
	const days = Math.floor(hours / 24);
	const rest = hours % 24;
	const dayText = `${days} day${days === 1 ? '' : 's'}`;
	return rest ? `${dayText} ${rest} hour${rest === 1 ? '' : 's'}` : dayText;
}
