// Function names for addresses in a stripped Go executable, read from its .gopclntab section. The
// pinned PocketBase binary is built without a symbol table (`-s -w`), so perf names none of its
// functions, but every Go binary keeps the runtime's own table of functions for stack traces:
// a header, then one (entry offset, _func offset) pair per function, each _func starting with its
// entry and the offset of its name (Go 1.20 and later, magic 0xfffffff1; src/runtime/symtab.go).
import { readFileSync } from 'node:fs';

const pclntabMagic = 0xfffffff1;
const ptLoad = 1;
const pfExecute = 1;

/**
 * The sections and the executable segment of a 64-bit little-endian ELF file.
 * @param {Buffer} file
 */
function readElf(file) {
	if (file.readUInt32BE(0) !== 0x7f454c46 || file[4] !== 2 || file[5] !== 1) {
		throw new Error('Not a 64-bit little-endian ELF file.');
	}
	const sectionsAt = Number(file.readBigUInt64LE(0x28));
	const sectionSize = file.readUInt16LE(0x3a);
	const sectionCount = file.readUInt16LE(0x3c);
	const namesIndex = file.readUInt16LE(0x3e);
	const header = (/** @type {number} */ i) => sectionsAt + i * sectionSize;
	const namesAt = Number(file.readBigUInt64LE(header(namesIndex) + 0x18));
	/** @type {Map<string, { address: number; offset: number; size: number }>} */
	const sections = new Map();
	for (let i = 0; i < sectionCount; i++) {
		const at = header(i);
		const nameAt = namesAt + file.readUInt32LE(at);
		const name = file.toString('latin1', nameAt, file.indexOf(0, nameAt));
		sections.set(name, {
			address: Number(file.readBigUInt64LE(at + 0x10)),
			offset: Number(file.readBigUInt64LE(at + 0x18)),
			size: Number(file.readBigUInt64LE(at + 0x20)),
		});
	}
	const segmentsAt = Number(file.readBigUInt64LE(0x20));
	const segmentSize = file.readUInt16LE(0x36);
	const segmentCount = file.readUInt16LE(0x38);
	let loadBias = 0;
	for (let i = 0; i < segmentCount; i++) {
		const at = segmentsAt + i * segmentSize;
		if (file.readUInt32LE(at) === ptLoad && (file.readUInt32LE(at + 4) & pfExecute) !== 0) {
			// Virtual address minus file offset of the code: what turns a file offset into an address.
			loadBias = Number(file.readBigUInt64LE(at + 0x10) - file.readBigUInt64LE(at + 8));
		}
	}
	return { sections, loadBias, entry: Number(file.readBigUInt64LE(0x18)) };
}

/**
 * The functions of a Go executable, sorted by entry address, and a lookup from any address inside
 * one to its name.
 * @param {string} path
 */
export function goSymbols(path) {
	const file = readFileSync(path);
	const elf = readElf(file);
	const table = elf.sections.get('.gopclntab');
	const text = elf.sections.get('.text');
	if (!table || !text) throw new Error(`${path} has no .gopclntab or .text section.`);
	const at = table.offset;
	if (file.readUInt32LE(at) !== pclntabMagic || file[at + 7] !== 8) {
		throw new Error(`${path}: not a Go 1.20+ function table for 64-bit pointers.`);
	}
	const word = (/** @type {number} */ i) => Number(file.readBigUInt64LE(at + 8 + i * 8));
	const count = word(0);
	// The linker may leave the start of the code for the runtime to fill in; it is .text's start.
	const textStart = word(2) || text.address;
	const namesAt = at + word(3);
	const functionsAt = at + word(7);
	const entries = new Float64Array(count);
	/** @type {string[]} */
	const names = new Array(count);
	for (let i = 0; i < count; i++) {
		const entryOffset = file.readUInt32LE(functionsAt + i * 8);
		const funcAt = functionsAt + file.readUInt32LE(functionsAt + i * 8 + 4);
		const nameAt = namesAt + file.readInt32LE(funcAt + 4);
		entries[i] = textStart + entryOffset;
		names[i] = file.toString('utf8', nameAt, file.indexOf(0, nameAt));
	}
	return {
		count,
		entry: elf.entry,
		loadBias: elf.loadBias,
		/**
		 * The function holding `address`, or undefined before the first one.
		 * @param {number} address
		 */
		nameAt(address) {
			let low = 0;
			let high = count - 1;
			if (count === 0 || address < (entries[0] ?? 0)) return undefined;
			while (low < high) {
				const mid = (low + high + 1) >> 1;
				if ((entries[mid] ?? 0) <= address) low = mid;
				else high = mid - 1;
			}
			return names[low];
		},
	};
}
