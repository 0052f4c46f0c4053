"""Take it away: every chart as SVG and PNG and its data as CSV, every table as CSV, and the
chapter's citation, downloaded in the browser from the app and the static edition."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest

from helpers import load, survey
from helpers.display.downloads import csv_text

from .conftest import open_chapter


@pytest.fixture
def survey_page(watched, edition):
    return open_chapter(watched.page, edition, "03_park_survey", "?park=KGP")


def download(page, link) -> bytes:
    with page.expect_download() as info:
        link.click()
    return Path(info.value.path()).read_bytes()


def test_a_park_chart_downloads_as_shown_and_with_its_data(survey_page):
    page = survey_page
    figure = page.locator("figure#tp-chart-table-04")
    svg = download(page, figure.get_by_role("link", name="SVG", exact=True))
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    faded = [e for e in root.iter() if "opacity" in e.get("style", "")]
    assert faded, "the other parks are faded in the file, as on screen"
    png = download(page, figure.get_by_role("link", name="PNG", exact=True))
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    data = download(page, figure.get_by_role("link", name="Data (CSV)", exact=True))
    expected = csv_text(survey.employment_data(load("table-04")))
    assert data.decode("utf-8") == expected


def test_a_paper_table_downloads_what_it_shows(survey_page):
    page = survey_page
    headers = page.locator("#tp-table-table-03 + .tp-table-scroll th").all_inner_texts()
    link = page.locator("#tp-table-table-03 ~ .tp-table-downloads a").first
    shown = pd.read_csv(io.BytesIO(download(page, link)))
    assert list(shown.columns) == [header.strip() for header in headers]
    assert shown.equals(
        pd.read_csv(io.StringIO(csv_text(survey.entrepreneurs_view(load("table-03")))))
    )


def test_the_chapter_can_be_cited(survey_page):
    page = survey_page
    block = page.locator("details.tp-cite").first
    block.locator("summary").click()
    bib = download(page, block.get_by_role("link", name="BibTeX (.bib)").first).decode()
    assert bib.startswith("@incollection{") and "The survey of five technoparks" in bib
    ris = download(page, block.get_by_role("link", name="RIS (.ris)").first).decode()
    assert ris.startswith("TY  - CHAP") and ris.rstrip().endswith("ER  -")
