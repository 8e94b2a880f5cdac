/**
 * What a process holds and has spent, from /proc (Linux): its open file descriptors (each client
 * connection is one) and its CPU time. The proxy tests read PocketBase's, to show which requests
 * never reached it. Memory is tests/server-resources.ts's.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Open file descriptors: PocketBase's database files, listeners and every connection. */
export function openFiles(pid: number): number {
	return readdirSync(`/proc/${pid}/fd`).length;
}

/** User plus system CPU seconds since the process started (clock ticks of 1/100 s on Linux). */
export function cpuSeconds(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// Fields after the command name, which is in parentheses and may contain spaces.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	// utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
	return (Number(fields[11]) + Number(fields[12])) / 100;
}
