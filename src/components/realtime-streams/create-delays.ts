/**
 * The delay from a create being sent to its event arriving: each note this page writes is
 * remembered with when it was sent, and matched by its text when its event comes.
 */
export class CreateDelays {
	/** Note texts this page wrote, with when each create was sent, oldest first. */
	#pending: { text: string; sentAt: number }[] = [];

	/** Remembers a create sent now; returns a way to forget it (when the create failed). */
	sent(text: string): () => void {
		const pending = { text, sentAt: performance.now() };
		this.#pending.push(pending);
		return () => {
			const index = this.#pending.indexOf(pending);
			if (index >= 0) this.#pending.splice(index, 1);
		};
	}

	/** The measured delay of an event, if it is a create this page sent. */
	arrived(action: string, text: string): number | undefined {
		const arrived = performance.now();
		const index = this.#pending.findIndex((p) => p.text === text);
		if (action !== 'create' || index < 0) return undefined;
		const [pending] = this.#pending.splice(index, 1);
		return arrived - pending!.sentAt;
	}
}
