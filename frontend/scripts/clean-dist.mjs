// Removes the previous build but keeps dist/.keep: frontend/embed.go embeds
// `all:dist`, which must exist (with .keep) even before the first build.
import { readdirSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const dist = join(import.meta.dirname, '..', 'dist');
mkdirSync(dist, { recursive: true });
for (const name of readdirSync(dist)) {
  if (name !== '.keep') rmSync(join(dist, name), { recursive: true, force: true });
}
