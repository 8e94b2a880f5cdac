/** Reads an open /api/realtime stream up to PocketBase's PB_CONNECT event; returns its client id. */
export async function realtimeClientId(sse: Response): Promise<string> {
	const reader = sse.body!.getReader();
	const decoder = new TextDecoder();
	let text = '';
	for (;;) {
		const { value, done } = await reader.read();
		if (done) throw new Error(`realtime stream ended before PB_CONNECT: ${text}`);
		text += decoder.decode(value, { stream: true });
		const id = /^id:\s*(\S+)$/m.exec(text);
		if (text.includes('PB_CONNECT') && id) return id[1]!;
	}
}
