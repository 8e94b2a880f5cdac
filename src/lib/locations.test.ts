import { describe, expect, it } from 'vitest';
import {
	distanceKm,
	isLocationId,
	locationById,
	locations,
	placementName,
	sameDatacenter,
} from './locations';

describe('locations', () => {
	it('have unique, short, URL-safe ids', () => {
		const ids = locations.map((location) => location.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(/^[a-z]{3}$/);
		expect(ids).not.toContain(sameDatacenter);
	});

	it('have coordinates on the globe', () => {
		for (const { lat, lon } of locations) {
			expect(Math.abs(lat)).toBeLessThanOrEqual(90);
			expect(Math.abs(lon)).toBeLessThanOrEqual(180);
		}
	});

	it('include the places the presets and the article talk about', () => {
		expect(locationById('iad').standsFor).toContain('iad1');
		expect(locationById('fsn').standsFor).toContain('Hetzner fsn1');
	});

	it('measure distances between listed places', () => {
		expect(distanceKm('fsn', 'fra')).toBeCloseTo(265, -1);
		expect(distanceKm('fra', 'fra')).toBe(0);
	});

	it('recognise ids and reject anything else', () => {
		expect(isLocationId('sin')).toBe(true);
		expect(isLocationId('same-dc')).toBe(false);
		expect(isLocationId('SIN')).toBe(false);
	});

	it('name placements for people', () => {
		expect(placementName('same-dc')).toBe('Same datacenter as PocketBase');
		expect(placementName('hnd')).toBe('Tokyo');
	});
});
