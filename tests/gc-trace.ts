/**
 * Go's garbage collector, as a PocketBase started with GODEBUG=gctrace=1 reports it: the public
 * mode's budget tests count its CPU apart from the requests' own (server-resources.ts).
 */

/**
 * Adds up the CPU time of Go's garbage collections from the trace a process started with
 * GODEBUG=gctrace=1 writes to stderr (`…, 0.045+0.21/0.99/0.23+0.021 ms cpu, …` per cycle).
 */
export function gcTraceCounter(): { read(chunk: string): void; seconds(): number } {
	let ms = 0;
	let partial = '';
	return {
		read(chunk) {
			const lines = (partial + chunk).split('\n');
			partial = lines.pop() ?? '';
			for (const line of lines) {
				const cpu = /, ([\d.+/]+) ms cpu,/.exec(line)?.[1];
				if (cpu) for (const part of cpu.split(/[+/]/)) ms += Number(part);
			}
		},
		seconds: () => ms / 1000,
	};
}
