/**
 * The `pb_auth` cookie as the JS SDK's `exportToCookie()` writes it and `loadFromCookie()`
 * reads it back (src/stores/BaseAuthStore.ts in pocketbase/js-sdk): the auth state as JSON,
 * `{ token, record }`, percent-encoded, followed by the attributes `Expires` (the token's
 * `exp`), `HttpOnly`, `Secure`, `SameSite=Strict` and `Path=/`. When the whole Set-Cookie
 * value would exceed 4096 bytes, the SDK keeps only a few fields of the record.
 */

/** RFC 6265 §6.1: browsers should allow at least this many bytes per cookie. */
export const cookieLimitBytes = 4096;

/** What the SDK keeps of the record when the cookie would be too big. */
export const trimmedRecordFields = ['id', 'email', 'collectionId', 'collectionName', 'verified'];

export interface CookieAttribute {
	name: string;
	value: string | undefined;
}

export interface ParsedSetCookie {
	name: string;
	/** The value, percent-decoded. */
	value: string;
	attributes: CookieAttribute[];
	/** The whole header value in UTF-8 bytes, as the SDK measures it against the limit. */
	bytes: number;
}

/**
 * What a browser sends back of a Set-Cookie header: its `name=value`, without the attributes
 * (`Expires`, `HttpOnly`, …), which only tell the browser how to keep it.
 */
export function cookieToSend(setCookie: string): string {
	return setCookie.split(';')[0]!.trim();
}

export function parseSetCookie(header: string): ParsedSetCookie | undefined {
	const [pair, ...rest] = header.split(';');
	const eq = pair?.indexOf('=') ?? -1;
	if (!pair || eq <= 0) return undefined;
	let value: string;
	try {
		value = decodeURIComponent(pair.slice(eq + 1).trim());
	} catch {
		return undefined;
	}
	const attributes = rest
		.map((part) => part.trim())
		.filter(Boolean)
		.map((part) => {
			const at = part.indexOf('=');
			return at < 0
				? { name: part, value: undefined }
				: { name: part.slice(0, at), value: part.slice(at + 1) };
		});
	return {
		name: pair.slice(0, eq).trim(),
		value,
		attributes,
		bytes: new TextEncoder().encode(header).length,
	};
}

export interface AuthCookieData {
	token: string;
	record: Record<string, unknown> | null;
}

/** The `{ token, record }` inside a pb_auth cookie, or undefined when it is not one. */
export function authCookieData(cookie: ParsedSetCookie): AuthCookieData | undefined {
	try {
		const data: unknown = JSON.parse(cookie.value);
		if (typeof data !== 'object' || data === null) return undefined;
		const { token, record } = data as Record<string, unknown>;
		if (typeof token !== 'string') return undefined;
		return {
			token,
			record:
				typeof record === 'object' && record !== null ? (record as Record<string, unknown>) : null,
		};
	} catch {
		return undefined;
	}
}

/** Whether the SDK trimmed the record: only the fields it keeps above the limit are left. */
export function recordTrimmed(record: Record<string, unknown> | null): boolean {
	if (!record) return false;
	return Object.keys(record).every((key) => trimmedRecordFields.includes(key));
}
