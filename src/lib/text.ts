/** Ends `text` with a full stop unless it already ends a sentence (PocketBase's messages do). */
export function endSentence(text: string): string {
	return /[.!?]$/.test(text) ? text : `${text}.`;
}
