/**
 * The real SDK call for the reader's request, the same one the generated code makes, with a
 * fetch that keeps a copy of what went out and what came back, for the demo to show.
 */
import type PocketBase from 'pocketbase';
import { perPage, type RequestSpec } from '~/lib/request-code';
import type { Exchange } from './own-request-view';
import { transportFetch } from '../demo-kit/recorded-transport';

type Fetch = (url: RequestInfo | URL, config?: RequestInit) => Promise<Response>;

/** A fetch that keeps a copy of what went out and what came back in `into`. */
export function recordingFetch(into: { exchange?: Exchange }): Fetch {
	return async (url, config) => {
		const headers = [...new Headers(config?.headers).entries()];
		const exchange: Exchange = {
			method: config?.method ?? 'GET',
			url: url instanceof Request ? url.url : url.toString(),
			requestHeaders: headers,
		};
		into.exchange = exchange;
		const response = await transportFetch(url, config);
		exchange.response = {
			status: response.status,
			headers: [...response.headers.entries()],
			bodyText: await response.clone().text(),
		};
		return response;
	};
}

/** Sends `spec` with `pb`; the password is passed apart, as it is never part of the form's state. */
export function send(
	pb: PocketBase,
	spec: RequestSpec,
	password: string,
	options: object
): Promise<unknown> {
	const records = pb.collection(spec.collection);
	const filter = spec.filter === '' ? undefined : pb.filter(spec.filter, spec.params);
	const read = {
		...options,
		...(spec.expand === '' ? {} : { expand: spec.expand }),
	};
	switch (spec.method) {
		case 'list':
			return records.getList(1, perPage, {
				...read,
				...(filter === undefined ? {} : { filter }),
				...(spec.sort === '' ? {} : { sort: spec.sort }),
			});
		case 'view':
			return records.getOne(spec.recordId, read);
		case 'create':
			return records.create(spec.body, read);
		case 'update':
			return records.update(spec.recordId, spec.body, read);
		case 'delete':
			return records.delete(spec.recordId, options);
		case 'auth':
			return records.authWithPassword(spec.identity, password, options);
	}
}
