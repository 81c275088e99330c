"""Serve the review page: index.html at /, our code and the vendored libraries under /static/.

The page is plain files (index.html, app.js, app.css) that talk to the JSON routes. Its
third-party files (Leaflet, topojson-client, the world-atlas basemap) are copied from npm
into ``static/vendor/`` by ``web/build.mjs`` (``make install``) and never committed, so
the page needs no internet and no CDN.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).resolve().parent / "static"
VENDOR_DIR = STATIC_DIR / "vendor"
# What index.html and app.js load from vendor/; web/build.mjs copies each of them.
VENDOR_FILES: tuple[str, ...] = (
    "leaflet.js",
    "leaflet.css",
    "topojson-client.min.js",
    "countries-50m.json",
)
INSTALL_HINT = "run 'make install' (cd web && npm ci && node build.mjs) to copy them in"


def missing_vendor_files() -> list[str]:
    """The vendored files the page needs that are not there yet ([] when all are)."""
    return [name for name in VENDOR_FILES if not (VENDOR_DIR / name).is_file()]


def mount_review_page(app: FastAPI) -> None:
    """Serve the page at ``/`` and its files at ``/static/`` (the JSON routes stay as they are).

    The page still loads without the vendored files and then says what to run; the
    server does not refuse to start, since the JSON routes work without them.
    """

    @app.get("/", include_in_schema=False)
    def review_page() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
