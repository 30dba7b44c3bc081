/**
 * Where a tip is, and where it is clustered. Reverse geocoding of its GPS point, else
 * forward geocoding of the address, else the places named in its text (contract:
 * `POST /api/tips`). Only a place inside the service area is clustered.
 */
import { geocode, reverseGeocode, type Gazetteer } from '../geocoder/index.js';
import type { GeocodeResult, LatLon } from '../types.js';
import type { ServiceArea } from '../service-area/index.js';

/** The geocode result of a tip. */
export function placeOfTip(
  gazetteer: Gazetteer,
  input: { location?: LatLon; address?: string; text: string },
  area?: ServiceArea,
): GeocodeResult {
  if (input.location) return reverseGeocode(gazetteer, input.location, area);
  if (input.address) {
    const fromAddress = geocode(gazetteer, input.address, area);
    if (fromAddress.precision !== 'none') return fromAddress;
  }
  return geocode(gazetteer, input.text, area);
}

/**
 * The point a tip is clustered at: its GPS position, coordinates pasted into its text, or
 * its tambon's centroid. Tips placed only to an amphoe or province are stored but not
 * clustered: their centroid would draw a false hotspot in the middle of a district.
 */
export function clusterPoint(input: { location?: LatLon }, place: GeocodeResult): LatLon | undefined {
  if (input.location) return { lat: input.location.lat, lon: input.location.lon };
  const precise = place.precision === 'tambon' || place.precision === 'point';
  if (precise && place.lat !== undefined && place.lon !== undefined) {
    return { lat: place.lat, lon: place.lon };
  }
  return undefined;
}

/**
 * The clustering position of a tip and whether it lies outside the service area. A tip
 * outside is still a tip (stored and flagged for coordinators), but it has no clustering
 * position: it never joins a hotspot, so it is never public and never texted.
 */
export function clusteringPosition(
  area: ServiceArea,
  input: { location?: LatLon },
  place: GeocodeResult,
): { point?: LatLon; outsideServiceArea: boolean } {
  const point = clusterPoint(input, place);
  if (!point) return { outsideServiceArea: false };
  if (!area.contains(point)) return { outsideServiceArea: true };
  return { point, outsideServiceArea: false };
}
