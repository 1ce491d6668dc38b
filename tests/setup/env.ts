import { readFileSync } from 'node:fs';

/** Loads the local services' environment before any test module imports the API's config. */
const file = process.env.CHAMPIONS_TEST_ENV;
if (file) Object.assign(process.env, JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>);
