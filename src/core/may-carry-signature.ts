/**
 * Whether a message may carry a tool's own signature: the hook shim's test, in node. When it may
 * not, the hook skips reading the message for signatures (about a third of the hook's own work).
 * The markers come computed: catalog-derived.json, which scripts/build.mjs writes from
 * signatureMarkers() (signature-markers.ts), so a hook does not derive them from the catalog on
 * every commit.
 */
import derived from './catalog-derived.json' with { type: 'json' };

let markerParts: string[][] | undefined;

export function mayCarrySignature(message: string): boolean {
  markerParts ??= derived.signatureMarkers.map((marker) => marker.split('*').filter(Boolean));
  const text = message.toLowerCase();
  return markerParts.some((parts) => parts.every((part) => text.includes(part)));
}
