"""The skip link and loading notice both editions put first in a page's body."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools import build_site

TEMPLATE = Path(__file__).resolve().parent.parent / "app/jupyter/voila/templates/technoparks"


def test_the_static_page_gets_the_apps_skip_link_first_in_its_body():
    page = '<html><body class="jp-Notebook" data-x="1">\n<main>\n<p>Text</p></main></body></html>'
    html = build_site.add_chrome(page)
    body = html.index("<body")
    assert html.index(build_site.PAGE_CHROME, body) == html.index(">", body) + 2
    assert 'href="#tp-main"' in build_site.PAGE_CHROME
    assert '<main id="tp-main" tabindex="-1">' in html
    with pytest.raises(RuntimeError, match="no <main>"):
        build_site.add_chrome("<body><p>no main</p></body>")


def test_cells_are_no_tab_stops_but_tables_are():
    page = (
        '<body><main><div class="jp-Cell-inputWrapper" tabindex="0">\n'
        '<div class="jp-RenderedHTMLCommon jp-RenderedHTML jp-OutputArea-output" '
        'data-mime-type="text/html" tabindex="0">'
        '<div class="tp-table-scroll" role="region" tabindex="0" aria-label="T"></div>'
        "</div></div></main></body>"
    )
    html = build_site.add_chrome(page)
    assert html.count('tabindex="0"') == 1
    assert 'class="tp-table-scroll" role="region" tabindex="0"' in html


def test_the_app_template_includes_the_same_chrome_and_the_loading_notice():
    template = (TEMPLATE / "index.html.j2").read_text(encoding="utf-8")
    assert "{% include 'chrome.html' %}{% include 'loading.html' %}" in template
    assert 'id="tp-main" role="main" tabindex="-1" aria-busy="true"' in template
    loading = (TEMPLATE / "loading.html").read_text(encoding="utf-8")
    assert 'role="status" aria-live="polite">Loading the chapter…</div>' in loading
    assert 'setAttribute("data-tp-ready", "true")' in loading
