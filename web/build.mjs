// Copy the review page's third-party assets from node_modules into the Python package,
// so the page works with no internet. The copies are build output: never commit them.
// Usage: npm ci --no-audit --no-fund && node build.mjs
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const vendor = join(here, "..", "src", "eventcoder", "web", "static", "vendor");

// [source under node_modules, destination under vendor]
const FILES = [
  ["leaflet/dist/leaflet.js", "leaflet.js"],
  ["leaflet/dist/leaflet.css", "leaflet.css"],
  ["leaflet/dist/images", "images"], // leaflet.css refers to images/ beside it
  ["leaflet/LICENSE", "LICENSE.leaflet"],
  ["topojson-client/dist/topojson-client.min.js", "topojson-client.min.js"],
  ["topojson-client/LICENSE", "LICENSE.topojson-client"],
  // 50m: borders of small countries still show at the zoom of a province; 10m is 3.6 MB.
  ["world-atlas/countries-50m.json", "countries-50m.json"],
  ["world-atlas/LICENSE", "LICENSE.world-atlas"],
];

rmSync(vendor, { recursive: true, force: true });
mkdirSync(vendor, { recursive: true });
for (const [source, target] of FILES) {
  cpSync(join(modules, source), join(vendor, target), { recursive: true });
}
console.log(`copied ${FILES.length} assets to ${vendor}`);
