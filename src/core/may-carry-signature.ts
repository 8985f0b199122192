/**
 * Whether a message may carry a tool's own signature: the hook shim's test, in node. When it may
 * not, the hook skips reading the message for signatures (about a third of the hook's own work).
 * The markers come computed: catalog-derived.json, which scripts/build.mjs writes from
 * signatureMarkers() (signature-markers.ts), so a hook does not derive them from the catalog on
 * every commit.
 */
import derived from './catalog-derived.json' with { type: 'json' };

export function mayCarrySignature(message: string): boolean {
  const text = message.toLowerCase();
  // A `*` in a marker (from an address glob) stands for any text.
  return derived.signatureMarkers.some((marker) =>
    marker.includes('*')
      ? marker.split('*').every((part) => text.includes(part))
      : text.includes(marker),
  );
}
