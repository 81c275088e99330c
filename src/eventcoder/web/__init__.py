"""The review page: a static map, table and evidence viewer served by the REST app.

STATIC_DIR            the page's files (index.html, app.js, app.css, vendor/)
mount_review_page     serve the page at / and its files under /static/ on a FastAPI app
missing_vendor_files  third-party files not yet copied in by ``make install``
"""

from eventcoder.web.page import STATIC_DIR, missing_vendor_files, mount_review_page

__all__ = ["STATIC_DIR", "missing_vendor_files", "mount_review_page"]
