/**
 * One path of the reader's request: the real call, timed by the kit's instrument (through the
 * modelled server hop for the proxied path), with what was sent and came back recorded.
 */
import type PocketBase from 'pocketbase';
import { directClient } from '../demo-kit/connection';
import { proxiedCall, simulatedServer } from '../demo-kit/proxied-call';
import { timedCall, type MarkedOptions } from '../demo-kit/timing';
import type { RequestSpec } from '~/lib/request-code';
import { recordingFetch, send } from './own-request-send';
import {
	bucketText,
	directTimeText,
	ownHop,
	proxyTimeText,
	type Exchange,
	type OwnForm,
} from './own-request-view';

export type Side = 'direct' | 'proxy';

export interface SideRun {
	ok: boolean;
	error?: unknown;
	exchange: Exchange | undefined;
	/** Empty when the request could not be made at all. */
	time: string;
	bucket: string;
}

export async function runSide(
	side: Side,
	spec: RequestSpec,
	how: {
		server: OwnForm['server'];
		password: string;
		playground: boolean;
		cold: boolean;
		/** A recorded run answers: its times are the recording's. */
		recorded: boolean;
	}
): Promise<SideRun> {
	const seen: { exchange?: Exchange } = {};
	const call = (pb: PocketBase, marked: MarkedOptions) =>
		send(pb, spec, how.password, { ...marked, requestKey: null, fetch: recordingFetch(seen) });
	try {
		const reader = await directClient();
		const signedIn = reader.authStore.isValid;
		const bucket = bucketText(side, spec.method, spec.collection, {
			playground: how.playground,
			signedIn,
		});
		if (side === 'direct') {
			const result = await timedCall((marked) => call(reader, marked));
			const time = directTimeText(result.measuredMs, how.recorded);
			return { ...result, exchange: seen.exchange, time, bucket };
		}
		const hop = ownHop(how.server, signedIn && spec.method !== 'auth', how.cold);
		const result = await proxiedCall(await simulatedServer(), call, {
			hop,
			// The cookie flow: the server acts as the reader, unless this request signs in.
			forwardAuthFrom: spec.method === 'auth' ? undefined : reader,
		});
		const time = proxyTimeText(result.hop.addedMs, result.measuredMs, how.recorded);
		return { ...result, exchange: seen.exchange, time, bucket };
	} catch (error) {
		return { ok: false, error, exchange: seen.exchange, time: '', bucket: '' };
	}
}
