import { encode } from 'uqr';

/**
 * A QR code drawn as one SVG path (no innerHTML, no image request): each dark module a unit
 * square, with the quiet zone the standard asks for. Dark on white whatever the theme, so every
 * phone camera reads it.
 */
export function QrCode(props: { text: string; label: string }) {
  const qr = () => encode(props.text, { ecc: 'M', border: 4 });
  const path = () =>
    qr()
      .data.flatMap((row, y) => row.map((dark, x) => (dark ? `M${x} ${y}h1v1h-1z` : '')))
      .join('');
  return (
    <svg
      class="qr-code"
      role="img"
      aria-label={props.label}
      viewBox={`0 0 ${qr().size} ${qr().size}`}
      shape-rendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width="100%" height="100%" fill="#fff" />
      <path d={path()} fill="#000" />
    </svg>
  );
}
