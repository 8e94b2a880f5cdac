import { describe, expect, it } from 'vitest';
import { endSentence } from './text';

describe('endSentence', () => {
	it('adds a full stop to text that does not end a sentence', () => {
		expect(endSentence('Failed to create record')).toBe('Failed to create record.');
		expect(endSentence('Wait 3 s')).toBe('Wait 3 s.');
	});

	it('leaves a sentence that already ends as it is', () => {
		expect(endSentence('Failed to create record.')).toBe('Failed to create record.');
		expect(endSentence('Too many requests!')).toBe('Too many requests!');
		expect(endSentence('Is PocketBase running?')).toBe('Is PocketBase running?');
	});

	it('looks only at the last character', () => {
		// A stop inside the text, or a quote after the last word, does not end it.
		expect(endSentence('v0.40 refused it')).toBe('v0.40 refused it.');
		expect(endSentence('Name: “notes”')).toBe('Name: “notes”.');
	});

	it('turns empty text into a lone full stop', () => {
		expect(endSentence('')).toBe('.');
	});
});
