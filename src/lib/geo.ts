/**
 * Great-circle distance between two points on the Earth, the shortest path any cable could
 * take. Real cables are longer; the network model accounts for that with a route factor.
 */

export interface Coordinates {
	/** Latitude in decimal degrees, WGS84, north positive. */
	lat: number;
	/** Longitude in decimal degrees, WGS84, east positive. */
	lon: number;
}

/**
 * Mean Earth radius (IUGG R1 = 6,371.0088 km). Treating the Earth as a sphere is off by at most
 * about 0.5 % against the WGS84 ellipsoid, far less than any route factor.
 */
export const meanEarthRadiusKm = 6371.0088;

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Haversine distance in kilometres; numerically stable for short and near-antipodal pairs. */
export function greatCircleKm(a: Coordinates, b: Coordinates): number {
	const dLat = radians(b.lat - a.lat);
	const dLon = radians(b.lon - a.lon);
	const h =
		Math.sin(dLat / 2) ** 2 +
		Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLon / 2) ** 2;
	// Rounding can push h a hair above 1 for antipodes; asin would then return NaN.
	return 2 * meanEarthRadiusKm * Math.asin(Math.sqrt(Math.min(1, h)));
}
