/**
 * Words for a failed PocketBase request, from the fields of the SDK's ClientResponseError
 * (status 0 means no answer at all). Every demo shows failures through this, so the reader
 * always learns what happened and what to do.
 */
import { hostMovedText, readHostMoved } from './playground-host';
import { endSentence } from './text';

export interface RequestFailure {
	status: number;
	message: string;
	isAbort: boolean;
	/** PocketBase's response body, when there was one. */
	response: unknown;
}

export interface FailureText {
	title: string;
	advice: string;
}

/** Field errors of a 400 answer: `{ data: { email: { message } } }` → "email: …". */
export function fieldErrors(response: unknown): string[] {
	if (typeof response !== 'object' || response === null) return [];
	const data = (response as Record<string, unknown>)['data'];
	if (typeof data !== 'object' || data === null) return [];
	return Object.entries(data).flatMap(([field, value]) => {
		const message =
			typeof value === 'object' && value !== null
				? (value as Record<string, unknown>)['message']
				: undefined;
		return typeof message === 'string' ? [`${field}: ${message}`] : [];
	});
}

export function describeFailure(failure: RequestFailure): FailureText {
	// The page's own failure for an answer from another of the playground's hosts.
	const moved = readHostMoved(failure.response);
	if (moved) return hostMovedText(moved.accountLost);
	if (failure.isAbort && failure.status === 0) {
		return { title: 'Cancelled.', advice: 'The request was stopped before PocketBase answered.' };
	}
	if (failure.status === 0 && /imported module|importing a module script/i.test(failure.message)) {
		return {
			title: 'The demo’s code did not load.',
			advice:
				'Reload the page. On a local dev server, restart `npm run dev` if it keeps happening.',
		};
	}
	switch (failure.status) {
		case 0:
			return {
				title: 'No answer from PocketBase.',
				advice:
					'The connection panel above says why and re-checks by itself; try again once it shows Connected.',
			};
		case 400: {
			const fields = fieldErrors(failure.response);
			return {
				title: `PocketBase refused the request (400): ${failure.message}`,
				advice: fields.length
					? endSentence(`It said: ${fields.join('; ')}`)
					: 'The request did not pass validation or the collection’s create rule.',
			};
		}
		case 401:
			return {
				title: 'Not signed in (401).',
				advice: 'This action needs a signed-in user; sign in as a throwaway user first.',
			};
		case 403:
			return {
				title: `Forbidden (403): ${failure.message}`,
				advice: 'This action is locked to superusers by the collection’s API rule.',
			};
		case 404:
			return {
				title: `Not found (404): ${failure.message}`,
				advice:
					'Either it does not exist, or a view/update/delete rule hides it from you (PocketBase answers 404 rather than revealing it).',
			};
		case 429:
			return {
				title: 'Rate-limited (429): Too Many Requests.',
				advice:
					'PocketBase’s limiter counted too many requests from this address in its window. Wait a few seconds and try again.',
			};
		default:
			return {
				title: `PocketBase answered ${failure.status}: ${failure.message}`,
				advice: 'Try again; if it persists, the server’s logs (Dashboard › Logs) say more.',
			};
	}
}

/** Reads the fields we need from whatever was thrown (the SDK's ClientResponseError or else). */
export function toRequestFailure(error: unknown): RequestFailure {
	const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
	return {
		status: typeof e['status'] === 'number' ? e['status'] : 0,
		message: typeof e['message'] === 'string' ? e['message'] : String(error),
		isAbort: e['isAbort'] === true,
		response: e['response'],
	};
}
