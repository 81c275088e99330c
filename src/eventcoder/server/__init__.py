"""REST API (FastAPI): the Python API over HTTP, with an OpenAPI description at /docs."""

from eventcoder.server.app import create_app

__all__ = ["create_app"]
