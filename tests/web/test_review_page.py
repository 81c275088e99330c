"""The review page in a real browser (Debian's Chromium driven by Playwright), offline.

The page is served by eventcoder itself from a store coded from the sample article; every
request to a host other than the local server is blocked and recorded, and the test
asserts there were none: the page needs no internet.
"""

from __future__ import annotations

import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import uvicorn

from eventcoder.server import create_app
from eventcoder.web.page import INSTALL_HINT, missing_vendor_files

CHROMIUM = Path("/usr/bin/chromium")
# The flags Debian's Chromium needs headless as root in a container, and no phoning home.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
SCREENSHOT = Path("/tmp/review.png")
TIMEOUT_MS = 20_000  # first paint parses the 0.7 MB basemap; slow shared CI cores


@pytest.fixture(scope="session")
def vendored() -> None:
    """Fail (not skip) when the page's third-party files were never copied in."""
    missing = missing_vendor_files()
    if missing:
        pytest.fail(f"the review page's vendored files {missing} are missing: {INSTALL_HINT}")


@pytest.fixture(scope="module")
def server(vendored, coded_store, tmp_path_factory) -> Iterator[str]:
    """Base URL of eventcoder serving a private copy of the coded store on a free port."""
    db = shutil.copy(coded_store, tmp_path_factory.mktemp("page") / "events.duckdb")
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))  # the OS picks a free port; uvicorn serves on this socket
    config = uvicorn.Config(create_app(db), log_level="warning", lifespan="off")
    app_server = uvicorn.Server(config)
    thread = threading.Thread(target=app_server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(200):
        if app_server.started:
            break
        threading.Event().wait(0.05)
    assert app_server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    app_server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright is missing: install the dev extra (pip install -e '.[dev]').")
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's Chromium (apt-get install chromium).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A page whose requests to anything but the local server are blocked and recorded."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.outside_requests = []

    def only_local(route):
        url = route.request.url
        if urlsplit(url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            context.outside_requests.append(url)
            route.abort()

    context.route("**/*", only_local)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def _open(page, url):
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]", timeout=TIMEOUT_MS)


def _strike_row(page):
    rows = page.locator("#events tbody tr", has_text="Air/drone strike")
    assert rows.count() == 1, page.locator("#events tbody").inner_text()
    return rows.first


def test_map_table_and_evidence_of_the_drone_strike(server, page):
    _open(page, server + "/")
    events = page.evaluate("fetch('/events').then(r => r.json())")
    located = [e for e in events if e["latitude"] is not None and e["longitude"] is not None]
    assert located, "no coded event has coordinates"
    assert page.locator("#map path.country").count() > 200  # world-atlas has 241 countries
    assert page.locator("#map path.event-marker").count() == len(located)
    assert page.locator("#events tbody tr").count() == len(events)

    _strike_row(page).click()
    page.wait_for_selector("#article-text mark")
    strike = next(e for e in events if e["sub_event_type"] == "Air/drone strike")
    for index, evidence in enumerate(strike["evidence"]):
        # A span that crosses another is drawn as two marks; together they are the quote.
        marks = page.locator(f'#article-text mark[data-evidence="{index}"]')
        assert "".join(marks.all_text_contents()) == evidence["quote"], evidence
        assert marks.first.get_attribute("data-field") == evidence["field"]
        assert evidence["method"] in marks.first.get_attribute("title")
    assert page.locator("#events tbody tr.selected").count() == 1
    # Clicking a field in the list brings its evidence into view.
    page.locator('#fields tr[data-field="event_date"] th a').click()
    date_mark = page.locator('#article-text mark[data-field="event_date"]').first
    page.wait_for_function(
        """m => {
            const box = m.closest("#article-text").getBoundingClientRect();
            const r = m.getBoundingClientRect();
            return r.top >= box.top && r.bottom <= box.bottom;
        }""",
        arg=date_mark.element_handle(),
        timeout=TIMEOUT_MS,
    )
    page.screenshot(path=str(SCREENSHOT))
    assert page.errors == []
    assert page.context.outside_requests == []


def test_marker_click_selects_and_filter_hides(server, page):
    _open(page, server + "/")
    # A DOM click, not a mouse click at coordinates: the map may still be animating its fit.
    page.locator("#map path.event-marker").first.dispatch_event("click")
    page.wait_for_selector("#events tbody tr.selected")
    page.fill("#filter-text", "no such actor anywhere")
    assert page.locator("#events tbody tr:visible").count() == 0
    page.fill("#filter-text", "drone")
    assert page.locator("#events tbody tr:visible").count() == 1
    assert page.context.outside_requests == []


def test_a_saved_correction_shows_after_reload(server, page):
    _open(page, server + "/")
    _strike_row(page).click()
    page.wait_for_selector("#article-text mark")
    page.locator('#fields tr[data-field="fatalities"] button').click()
    coded = page.input_value("#correction-value")
    wanted = str(int(coded or 0) + 2)
    page.fill("#correction-value", wanted)
    page.fill("#correction-note", "two more in a later report")
    page.click("#correction-form button[type=submit]")
    page.wait_for_selector("#correction-status:has-text('Saved')")
    # A corrected latitude moves the marker (north: up the screen).
    strike_id = _strike_row(page).get_attribute("data-event-id")
    marker = page.locator(f'#map path.event-marker[data-event-id="{strike_id}"]')
    before = marker.bounding_box()
    page.locator('#fields tr[data-field="latitude"] button').click()
    latitude = float(page.input_value("#correction-value"))
    page.fill("#correction-value", str(latitude + 0.5))
    page.click("#correction-form button[type=submit]")
    page.wait_for_selector("#correction-status:has-text('Saved latitude')")
    assert marker.bounding_box()["y"] < before["y"] - 5

    _open(page, server + "/")
    _strike_row(page).click()
    cell = page.locator('#fields tr[data-field="fatalities"] td.value')
    assert cell.locator("del").inner_text() == (coded or "—")
    assert cell.locator("ins").inner_text() == wanted
    assert _strike_row(page).locator("td.num ins").first.inner_text() == wanted
    assert page.errors == []
    assert page.context.outside_requests == []
