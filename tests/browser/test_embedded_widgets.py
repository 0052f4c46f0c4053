"""embedded_widgets.js on its own: a page with embedded widgets and nothing else.

The page is written here from Python's own embedded HTML (helpers/display/embedded.py) and
served by a plain file server with the static edition's script, so the test sees exactly
what the two editions run, without a chapter around it.
"""

from __future__ import annotations

import pytest

from helpers.display import embedded
from helpers.display.switchboard import Chooser, Control, SwitchedView, plain_query
from tools import build_site
from tools.voila_server import static_server

PARK = Control("park", "Park", (("All parks", "ALL"), ("Karaganda", "KGP")), default="ALL")
THROWS = "export default { render() { throw new Error('planted'); } }"


@pytest.fixture
def page_url(tmp_path, monkeypatch):
    monkeypatch.setenv(embedded.MODE_VARIABLE, "embedded")
    chooser = Chooser("demo", [PARK], plain_query)
    view = SwitchedView("demo", chooser.views(lambda park: f"<p>Showing {park}</p>"))
    broken = embedded.embedded_html("Broken", THROWS, "", {}, "<p>fallback</p>")
    body = "".join(w._repr_mimebundle_()[0]["text/html"] for w in (chooser, view)) + broken
    (tmp_path / "site.js").write_text(build_site.SITE_SCRIPT_TEXT, encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Widgets</title>'
        '<meta name="technoparks-site" content="static"><link rel="icon" href="data:;base64,=">'
        '<script src="site.js"></script>'
        f"</head><body><main>{body}</main></body></html>",
        encoding="utf-8",
    )
    with static_server(tmp_path) as url:
        yield f"{url}index.html"


def test_widgets_draw_switch_and_a_broken_one_says_so(browser, page_url):
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
    page.goto(f"{page_url}?park=KGP")  # preselected from the address
    page.wait_for_function("() => document.documentElement.dataset.tpWidgets === 'drawn'")
    assert page.get_by_label("Park").input_value() == "KGP"
    assert page.locator(".tp-switched-view").inner_text() == "Showing KGP"
    page.get_by_label("Park").select_option("ALL")
    assert page.locator(".tp-switched-view").inner_text() == "Showing ALL"
    assert page.url.endswith("index.html")  # the address follows: the default has no query
    # The broken widget: its fallback replaced by a sentence and a way to try again.
    alert = page.get_by_role("alert")
    assert "could not be drawn" in alert.inner_text()
    assert alert.get_by_role("button", name="Reload the page").is_visible()
    assert "fallback" not in page.inner_text("main")
    assert len(errors) == 1 and "planted" in errors[0], errors
    # The drawn widgets' modules and state have left the page.
    assert page.locator(f'script[type="{embedded.SPEC_TYPE}"]').count() == 0
    page.close()
