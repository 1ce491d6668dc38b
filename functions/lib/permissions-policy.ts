/**
 * Browser features no page of the app uses, refused on every answer: the API's (functions/lib/http.ts),
 * the SPA's through CloudFront (infra/constructs/static-site.ts) and locally (scripts/start.ts).
 * A page that cannot reach the camera, microphone or location cannot be made to leak them.
 * No imports: the CDK app and the local server read it before any config is parsed.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'encrypted-media=()',
  'fullscreen=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'interest-cohort=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');
