// Trunk post-build hook (see Trunk.toml): writes `sw.js` into the built site with the list of
// every file the build produced and a version hash over their contents. Also runnable by
// hand on a built folder: `node pwa/precache.mjs dist` (the e2e test uses that to make a
// "changed build").
//
// Debug builds (`trunk serve`) get a service worker that removes itself and its caches
// instead: live rebuilds must never be answered from a cache, and a release worker left
// over from an earlier `scripts/serve.sh` on the same address must not keep old files.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('usage: node pwa/precache.mjs DIR (or run as a Trunk hook: TRUNK_STAGING_DIR)');
  process.exit(2);
}
const OUTPUT = 'sw.js';

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const files = walk(dir)
  .map((p) => relative(dir, p).split(sep).join('/'))
  .filter((f) => f !== OUTPUT && !f.startsWith('.'))
  .sort();

const hash = createHash('sha256');
for (const f of files) {
  hash.update(f).update('\0').update(readFileSync(join(dir, f))).update('\0');
}
const version = hash.digest('hex').slice(0, 16);

const debug = process.env.TRUNK_PROFILE === 'debug';
const source = debug
  ? readFileSync(join(here, 'sw-dev.js'), 'utf8')
  : readFileSync(join(here, 'sw.js'), 'utf8')
    .replace("'__VERSION__'", JSON.stringify(version))
    .replace('__FILES__', JSON.stringify(files, null, 1));
writeFileSync(join(dir, OUTPUT), source);
console.log(`[precache] ${OUTPUT}: ${debug ? 'development (removes itself)' : `version ${version}, ${files.length} files`}`);
