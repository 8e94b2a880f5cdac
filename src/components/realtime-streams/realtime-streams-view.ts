/**
 * The realtime demo's words and numbers: the reader's own stream, the events it receives and
 * how long they took, the simulated server's upstream streams (one per connected user), the
 * v0.38.2 same-address check, and a stream that stops and recovers. No DOM, no network.
 */
import type { ArrowEntry } from '~/lib/diagram-replay';
import type { RequestModel } from '~/lib/network-model';
import { flowHop, oneCallFlow } from '~/lib/server-flows';
import { formatMs, plural } from '../demo-kit/format';

/** The URL-state prefix of this demo (no settings yet; the prefix is reserved). */
export const urlPrefix = 'realtime-';

/**
 * A browser keeps at most 6 HTTP/1.1 connections per host and an event stream holds one for
 * as long as it is open, so the page opens at most this many simulated users' streams next to
 * the reader's own, leaving room for ordinary requests.
 */
export const maxSimulatedUsers = 4;

/** Why the page opens no more simulated users. */
export const tooManyUsers = `This page opens at most ${maxSimulatedUsers} simulated users: each holds one of the browser’s 6 connections to PocketBase.`;

export type StreamState =
	| { kind: 'off' }
	| { kind: 'connecting' }
	| { kind: 'connected'; clientId: string; reconnects: number }
	| { kind: 'interrupted'; sinceMs: number };

export function streamText(state: StreamState, nowMs: number): string {
	switch (state.kind) {
		case 'off':
			return 'Not subscribed.';
		case 'connecting':
			return 'Opening the event stream…';
		case 'connected':
			return state.reconnects === 0
				? `Subscribed to your notes. Stream open, client id ${state.clientId}.`
				: `Reconnected (${plural(state.reconnects, 'time')}): a new stream, client id ${state.clientId}, subscribed again by the SDK.`;
		case 'interrupted':
			return `The stream stopped ${formatMs(nowMs - state.sinceMs)} ago. The SDK retries by itself (every 0.2 to 2 s).`;
	}
}

/** How a time was got: measured now, or replayed at the time a recorded run took. */
const timed = (recorded: boolean) => (recorded ? 'as recorded' : 'measured');

/** One received event, with the delay from the create being sent to the event arriving. */
export function eventLine(
	action: string,
	text: string,
	delayMs: number | undefined,
	recorded = false
): string {
	const delay =
		delayMs === undefined
			? 'not written on this page'
			: `${formatMs(delayMs)} after the create was sent (${timed(recorded)})`;
	return `${action}: “${text}”, ${delay}`;
}

/** A note created, in the measured time; where its event shows (`subscribed`: the stream is on). */
export function createdText(measuredMs: number, subscribed: boolean, recorded = false): string {
	const where = subscribed ? 'Its event is in panel 1.' : 'Subscribe in panel 1 to see its event.';
	return `Created in ${formatMs(measuredMs)} (${timed(recorded)}). ${where}`;
}

/** What the reader learns when the stream comes back. */
export function recoveryText(downMs: number, missed: number): string {
	const gap = `Down for ${formatMs(downMs)}.`;
	return missed === 0
		? `${gap} No note was written meanwhile, so nothing was missed.`
		: `${gap} PocketBase does not replay events: ${plural(missed, 'note')} written meanwhile arrived by re-reading the list, not as events.`;
}

export interface UpstreamStream {
	user: number;
	deliveries: number;
}

/** The live count of what the simulated server holds. */
export function upstreamText(streams: readonly UpstreamStream[]): string {
	if (streams.length === 0) return 'The simulated server holds no upstream streams.';
	return `The simulated server holds ${plural(streams.length, 'upstream stream')} to PocketBase: one per connected user, each kept open for as long as that user's tab is, each subscribed with that user's token.`;
}

export function deliveryText(stream: UpstreamStream): string {
	return `Simulated user ${stream.user}: ${plural(stream.deliveries, 'event')} received upstream, relayed to that user`;
}

/** The answer PocketBase gives a subscription from another address than the stream's. */
export function crossAddressText(status: number, message: string): string {
	if (status === 400 && message === 'Invalid realtime client.') {
		return 'PocketBase refused: 400 “Invalid realtime client.” Your browser opened the stream from your address; the subscription came from the server’s (the one the playground derives from yours). Since v0.38.2 both must come from the same address, so a server cannot subscribe a stream your browser holds.';
	}
	if (status >= 200 && status < 300) {
		return `PocketBase accepted it (${status}): this PocketBase is older than v0.38.2, or it saw both requests from one address.`;
	}
	return `PocketBase answered ${status}: ${message}`;
}

/**
 * realtime-direct-vs-proxy, its last three arrows: the browser hands its clientId to the server
 * (half the modelled hop), the server's POST and PocketBase's 400 (half the real call each).
 */
export function crossAddressReplay(hopMs: number, measuredMs: number): ArrowEntry[] {
	const hop = Math.max(0, hopMs) / 2;
	const call = measuredMs / 2;
	return [
		{
			arrow: "my stream's clientId",
			start: 0,
			duration: hop,
			kind: 'modelled',
			label: 'half the server hop',
		},
		{
			arrow: "POST /api/realtime clientId (from the server's address)",
			start: hop,
			duration: call,
			kind: 'measured',
			label: 'half the real call',
		},
		{
			arrow: '400 "Invalid realtime client."',
			start: hop + call,
			duration: call,
			kind: 'measured',
			label: 'half the real call',
		},
	];
}

/** The simulated server's hop: a server beside PocketBase, as in the other demos. */
export function realtimeHop(): RequestModel {
	return flowHop(oneCallFlow);
}
