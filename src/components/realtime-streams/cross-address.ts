/**
 * The same-address check: the simulated server asks PocketBase to subscribe the stream the
 * reader's browser holds, and PocketBase answers (since v0.38.2, a 400); the diagram above the
 * demo replays the answer.
 */
import type PocketBase from 'pocketbase';
import { proxiedCall, simulatedServer } from '../demo-kit/proxied-call';
import { findDiagram } from '~/lib/diagram-replay';
import { toRequestFailure } from '~/lib/request-error';
import { crossAddressReplay, realtimeHop } from './realtime-streams-view';

export type CrossAnswer =
	| { answered: true; status: number; message: string; hopMs: number; measuredMs: number }
	| { answered: false; error: unknown };

export async function subscribeThroughServer(
	reader: PocketBase,
	clientId: string
): Promise<CrossAnswer> {
	const outcome = await proxiedCall(
		await simulatedServer(),
		(pb, marked) =>
			pb.send('/api/realtime', {
				method: 'POST',
				body: { clientId, subscriptions: ['notes'] },
				requestKey: null,
				...marked,
			}),
		{ hop: realtimeHop(), forwardAuthFrom: reader }
	);
	const failure = outcome.ok ? undefined : toRequestFailure(outcome.error);
	if (failure?.status === 0)
		return { answered: false, error: outcome.ok ? undefined : outcome.error };
	void findDiagram(document, 'realtime-direct-vs-proxy')?.replay(
		crossAddressReplay(outcome.hop.addedMs, outcome.measuredMs)
	);
	return {
		answered: true,
		status: failure?.status ?? 204,
		message: failure?.message ?? '',
		hopMs: outcome.hop.addedMs,
		measuredMs: outcome.measuredMs,
	};
}
