/**
 * What only a live demo needs of the kit: whether PocketBase can be tried, for its controls,
 * and its failures in the reader's words. Apart from demo-element.ts so this code loads only
 * where a demo calls PocketBase: a page with only model demos (the decision guide, say) never
 * loads it and never probes PocketBase.
 */
import { demoControlsEnabled } from '~/lib/connection-status';
import { connection, startWatching } from './connection';
import { signInLostEvent } from './host-guard';

export { describeFailure, toRequestFailure } from '~/lib/request-error';
export { reportFailure } from './connection';

/**
 * Starts watching PocketBase and tells `heard` whether demos can use it, now and on change, and
 * `signInLost` when the reader's sign-in was dropped because its playground host stopped.
 */
export function watchReadiness(
	heard: (ready: boolean) => void,
	signInLost: () => void
): () => void {
	startWatching();
	document.addEventListener(signInLostEvent, signInLost);
	const unsubscribe = connection.subscribe(({ status }) =>
		heard(demoControlsEnabled(status.state))
	);
	return () => {
		unsubscribe();
		document.removeEventListener(signInLostEvent, signInLost);
	};
}
