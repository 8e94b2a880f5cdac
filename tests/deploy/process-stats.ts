/**
 * What a process holds and has spent, from /proc (Linux): its open file descriptors (each client
 * connection is one) and its CPU time. The proxy tests read PocketBase's, to show which requests
 * never reached it. Memory is tests/server-resources.ts's.
 */
import { readdirSync } from 'node:fs';

/** Open file descriptors: PocketBase's database files, listeners and every connection. */
export function openFiles(pid: number): number {
	return readdirSync(`/proc/${pid}/fd`).length;
}

/** User plus system CPU seconds since the process started (tests/server-resources.ts). */
export { cpuSeconds } from '../server-resources';
