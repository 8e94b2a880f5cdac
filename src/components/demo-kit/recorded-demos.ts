/**
 * The demos on this page that show a recorded run now, each with its label. recorded-run.ts
 * marks them as a reader switches; the connection panel's status says whether the page shows
 * live or recorded results.
 */
import { Atom } from '~/lib/atom';

export const recordedDemos = new Atom<ReadonlyMap<Element, string>>(new Map());

/** Marks `demo` as showing the recorded run labelled `label`, or (undefined) live results. */
export function markRecorded(demo: Element, label: string | undefined): void {
	const next = new Map(recordedDemos.get());
	if (label === undefined) next.delete(demo);
	else next.set(demo, label);
	recordedDemos.set(next);
}
