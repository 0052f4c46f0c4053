"""The studies the literature review cites: regions, verdicts, table, chart, bibliography."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import re  # noqa: E402

import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from helpers import literature as lit  # noqa: E402
from helpers.data.datapackage import load, resource  # noqa: E402
from helpers.display.theme import NEUTRAL_COLOR, OKABE_ITO  # noqa: E402


@pytest.fixture
def studies() -> pd.DataFrame:
    return lit.studies(load("literature"))


# --- regions -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("place", "kind", "region"),
    [
        ("USA", "evaluation", lit.NORTH_AMERICA),
        ("USA (Silicon Valley)", "evaluation", lit.NORTH_AMERICA),
        ("UK (Cambridge Science Park)", "evaluation", lit.WESTERN_EUROPE),
        ("Germany", "evaluation", lit.WESTERN_EUROPE),
        ("EU", "evaluation", lit.EU_WIDE),
        ("Russia (St. Petersburg)", "evaluation", lit.CEE_FORMER_USSR),
        ("Ukraine", "evaluation", lit.CEE_FORMER_USSR),
        ("Taiwan (Hsinchu)", "evaluation", lit.ASIA),
        ("Western Australia (Western Australian Technology Park)", "evaluation", lit.AUSTRALIA),
        (None, "conceptual", lit.GENERAL),
        (pd.NA, "conceptual", lit.GENERAL),
        ("", "evaluation", lit.PLACE_NOT_STATED),
        (pd.NA, "evaluation", lit.PLACE_NOT_STATED),
    ],
)
def test_region_of_place(place, kind, region):
    assert lit.region_of(place, kind) == region


def test_unknown_place_is_an_error_not_a_silent_region():
    with pytest.raises(ValueError, match="no region known for place 'Atlantis"):
        lit.region_of("Atlantis (Sunken Park)")


def test_every_cited_work_gets_a_region_and_conceptual_works_are_general(studies):
    frame = studies
    assert set(frame["region"]) <= set(lit.REGIONS)
    conceptual = frame[frame["kind_of_work"] == "conceptual"]
    assert set(conceptual["region"]) == {lit.GENERAL}
    evaluations = frame[frame["kind_of_work"] == "evaluation"]
    assert lit.GENERAL not in set(evaluations["region"])
    # An evaluation without a place is "not stated", never a region.
    no_place = evaluations[evaluations["place"].isna()]
    assert set(no_place["region"]) == {lit.PLACE_NOT_STATED}
    assert set(no_place["key"]) >= {"westhead1995", "vedovello1997", "koenraad1991"}


# --- verdicts and the filtered table ---------------------------------------------------


def test_borderline_verdicts_are_those_the_resource_notes_name(studies):
    note = next(n for n in resource("literature")["notes"] if n.startswith("Borderline verdicts"))
    named = set(re.findall(r"\b([a-z]+\d{4}[a-z]?)\b", note))
    frame = studies
    assert set(frame.loc[frame["borderline"], "key"]) == named
    # A borderline *kind* of park is not a borderline verdict.
    assert not frame.set_index("key").at["markusen1986", "borderline"]


def test_unfiltered_table_lists_every_work_in_citation_order():
    table = lit.filter_studies()
    data = load("literature")
    assert list(table.columns) == [
        "Study (as cited)",
        "Year",
        "Place studied",
        "Region",
        "Kind of park",
        "What the paper says it found",
        "Verdict (our reading)",
    ]
    assert table["Study (as cited)"].tolist() == data["cited_as"].tolist()
    assert table["Year"].tolist() == data["year"].astype(str).tolist()
    conceptual = data["kind_of_work"] == "conceptual"
    assert set(table.loc[conceptual.to_numpy(), "Place studied"]) == {""}
    no_place = (~conceptual & data["place"].isna()).to_numpy()
    assert set(table.loc[no_place, "Place studied"]) == {"not stated"}
    assert table["What the paper says it found"].tolist() == data["finding"].tolist()
    first = table.iloc[0]
    assert first["Study (as cited)"] == "US Department of Commerce, 2003"
    assert first["Verdict (our reading)"] == "Negative (borderline)"
    assert first["Region"] == lit.NORTH_AMERICA


@pytest.mark.parametrize(
    ("verdict", "expected"),
    [("negative", 12), ("mixed", 3), ("positive", 6), ("none", 8)],
)
def test_filter_by_verdict_counts_rows_of_the_csv(verdict, expected):
    data = load("literature")
    in_csv = (
        data["verdict"].isna().sum() if verdict == "none" else (data["verdict"] == verdict).sum()
    )
    table = lit.filter_studies(verdict=verdict)
    assert len(table) == in_csv == expected


def test_filters_combine_and_accept_several_values():
    table = lit.filter_studies(verdict="negative", region=lit.CEE_FORMER_USSR)
    assert table["Study (as cited)"].tolist() == ["EU, 2003", "Kihlgren, 2003"]
    table = lit.filter_studies(kind=("business incubator", "technopole"))
    assert set(table["Kind of park"]) == {"Business incubator", "Technopole"}
    assert len(table) == 4
    assert lit.filter_studies(verdict="positive", region=lit.CEE_FORMER_USSR).empty


@pytest.mark.parametrize(
    "bad",
    ["<script>", "all", "", 42, None, ["nonsense"], ("nonsense", 3), {"a": 1}],
)
def test_unknown_widget_values_are_ignored(bad):
    full = lit.filter_studies()
    assert lit.filter_studies(verdict=bad).equals(full)
    assert lit.filter_studies(region=bad).equals(full)
    assert lit.filter_studies(kind=bad).equals(full)


def test_known_values_survive_beside_unknown_ones():
    table = lit.filter_studies(verdict=["mixed", "<bogus>"])
    assert set(table["Verdict (our reading)"]) == {"Mixed", "Mixed (borderline)"}
    assert len(table) == 3


def test_widget_options_cover_the_data_and_start_with_all(studies):
    for options in (lit.verdict_options(), lit.region_options(), lit.kind_options()):
        assert options[0][1] == lit.EVERY_STUDY
    frame = studies
    assert {v for _, v in lit.region_options()[1:]} == set(frame["region"])
    assert {v for _, v in lit.kind_options()[1:]} == set(frame["kind_of_park"])
    assert [v for _, v in lit.verdict_options()[1:]] == ["positive", "mixed", "negative", "none"]


def test_explorer_prepares_every_combination_of_filters():
    chooser, view = lit.studies_explorer()
    assert chooser.selection == "" and view.html() == lit.filtered_studies_html()
    verdicts = [v for _, v in lit.verdict_options()]
    assert [v for _, v in chooser.controls[0]["options"]] == verdicts
    regions, kinds = len(lit.region_options()), len(lit.kind_options())
    assert len(chooser.table) == len(verdicts) * regions * kinds
    key = chooser.table[f'["mixed","{lit.CEE_FORMER_USSR}","all"]']
    assert view.html(key) == lit.filtered_studies_html(
        "mixed", lit.CEE_FORMER_USSR, lit.EVERY_STUDY
    )


def test_filtered_studies_html_says_how_many():
    assert "Showing 3 of the 29 cited works" in lit.filtered_studies_html("mixed", "all", "all")
    empty = lit.filtered_studies_html("positive", lit.CEE_FORMER_USSR, "all")
    assert "No cited work matches" in empty


# --- values the prose states -----------------------------------------------------------


def test_studies_adds_columns_without_changing_the_loaded_frame():
    literature = load("literature")
    frame = lit.studies(literature)
    assert {"region", "verdict_key", "borderline", "in_review"} <= set(frame.columns)
    assert "region" not in literature.columns
    assert frame["key"].tolist() == literature["key"].tolist()


def test_review_values_are_counted_from_the_data(studies):
    data = load("literature")
    evaluations = data[data["kind_of_work"] == "evaluation"]
    in_review = int(data["cited_in"].str.contains("Section 2").sum())
    values = lit.review_values(studies)
    assert values == {
        "works": len(data),
        "in_review": in_review,
        "later_only": len(data) - in_review,
        "evaluations": len(evaluations),
        "other_works": len(data) - len(evaluations),
        "negative": int((evaluations["verdict"] == "negative").sum()),
        "mixed": int((evaluations["verdict"] == "mixed").sum()),
        "positive": int((evaluations["verdict"] == "positive").sum()),
        "borderline": int(studies.loc[studies["kind_of_work"] == "evaluation", "borderline"].sum()),
    }
    assert (values["works"], values["in_review"], values["later_only"]) == (29, 23, 6)
    assert (values["negative"], values["mixed"], values["positive"]) == (12, 3, 6)
    assert values["evaluations"] == 21 and values["borderline"] == 7
    assert all(isinstance(v, int) for v in values.values())  # prose() refuses floats


def test_region_values_list_regions_largest_first(studies):
    values = lit.region_values(studies)
    assert values["evaluations"] == 21
    assert values["placed"] == 13 and values["place_not_stated"] == 8
    assert values["placed_by_region"].startswith("Western Europe 4, " + lit.CEE_FORMER_USSR + " 3")
    assert values["placed_by_region"].endswith(f"{lit.EU_WIDE} 1")
    assert lit.PLACE_NOT_STATED not in values["placed_by_region"]
    counts = [int(part.rsplit(" ", 1)[1]) for part in values["placed_by_region"].split(", ")]
    assert counts == sorted(counts, reverse=True) and sum(counts) == values["placed"]


# --- bibliography --------------------------------------------------------------------


def test_bibliography_sorted_by_author_with_records_only_where_confirmed():
    bib = lit.bibliography(load("literature"))
    assert len(bib) == len(load("literature"))
    authors = [ref.split(" (")[0].casefold() for ref in bib["reference"]]
    assert authors == sorted(authors)
    refs = bib.set_index("key")["reference"]
    assert refs["pavitt1984"].endswith("343-373. doi:10.1016/0048-7333(84)90018-0")
    assert refs["quintas1986a"].startswith("Quintas (1986a).")
    assert refs["lofsten2001b"].startswith("Lofsten and Lindelof (2001b).")
    # Unconfirmed parts never appear as fact: no candidate title for Storey and Tether,
    # no venue for Kihlgren, and both say that part of the record is unconfirmed.
    assert "New technology-based firms" not in refs["storey1998"]
    assert "unconfirmed" in refs["storey1998"] and "unconfirmed" in refs["kihlgren2003"]
    assert "Research Policy 31" not in refs["lofsten2001"]
    assert refs["usdoc2003"].endswith("No full record found; cited as in the paper.")


def test_bibliography_html_links_dois_and_escapes_text():
    text = lit.bibliography_html(load("literature"))
    assert isinstance(text, str)
    assert text.count("<li>") == len(load("literature"))
    assert '<a href="https://doi.org/10.1016/S0166-4972(97)00027-8">' in text
    assert "Centre for Strategy &amp; Evaluation Services" in text
    assert "<details><summary>Reading note</summary>" in text


# --- verdict chart -------------------------------------------------------------------


def test_verdict_counts_data_adds_up_to_the_csv(studies):
    data = lit.verdict_counts_data(studies)
    evaluations = load("literature").query("kind_of_work == 'evaluation'")
    assert list(data.columns) == ["split", "group", "verdict", "count"]
    for split in lit.SPLITS.values():
        part = data[data["split"] == split]
        assert part["count"].sum() == len(evaluations)
        per_verdict = part.groupby("verdict")["count"].sum()
        expected = evaluations["verdict"].value_counts()
        assert per_verdict["Negative"] == expected["negative"] == 12
        assert per_verdict["Positive"] == expected["positive"] == 6
    region = data[data["split"] == "By region"].set_index(["group", "verdict"])["count"]
    assert region[(lit.WESTERN_EUROPE, "Negative")] == 4
    assert region[(lit.PLACE_NOT_STATED, "Negative")] == 4
    assert region[(lit.CEE_FORMER_USSR, "Mixed")] == 1
    kind = data[data["split"] == "By kind of park"].set_index(["group", "verdict"])["count"]
    assert kind[("Science park", "Negative")] == 6 and kind[("Science park", "Positive")] == 5


def test_verdict_counts_chart_draws_the_data(studies):
    data = lit.verdict_counts_data(studies)
    fig = lit.verdict_counts_chart(data)
    axes = fig.axes
    assert [ax.get_title(loc="left") for ax in axes] == list(lit.SPLITS.values())
    for ax, split in zip(axes, lit.SPLITS.values(), strict=True):
        part = data[data["split"] == split]
        assert [t.get_text() for t in ax.get_yticklabels()] == ["Positive", "Mixed", "Negative"]
        widths = [round(p.get_width()) for p in ax.patches]
        assert widths == part["count"].tolist()  # one bar per group and verdict, in order
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        assert legend == list(dict.fromkeys(part["group"]))
        labels = sorted(int(t.get_text()) for t in ax.texts)
        assert labels == sorted(c for c in part["count"] if c > 0)
        assert "count" in ax.get_xlabel()


def test_verdict_chart_colours_are_colour_blind_safe_and_unknown_is_grey(studies):
    data = lit.verdict_counts_data(studies)
    fig = lit.verdict_counts_chart(data)
    region_ax = fig.axes[0]
    colours = {to_hex(p.get_facecolor()[:3]) for p in region_ax.patches}
    assert colours <= {c.lower() for c in [*OKABE_ITO, NEUTRAL_COLOR]}
    handles = dict(
        zip(
            [t.get_text() for t in region_ax.get_legend().get_texts()],
            region_ax.get_legend().legend_handles,
            strict=True,
        )
    )
    assert to_hex(handles[lit.PLACE_NOT_STATED].get_facecolor()) == NEUTRAL_COLOR.lower()


# --- footnote 4 ----------------------------------------------------------------------


def test_footnote_4_number_and_text_come_from_the_data():
    row = load("literature").set_index("key").loc["usdoc2003"]
    assert lit.incubators_benchmarked() == 79
    assert "79 US business incubators" in row["finding"]
    panel = lit.footnote_4_panel().data
    assert "benchmarking of 79 business incubators" in panel
    assert "none of the assumed predictor variables" in panel
    assert "Negative (borderline)" in panel


def test_verdict_chart_caption_is_counted_from_the_data(studies):
    caption = lit.verdict_chart_caption(lit.verdict_counts_data(studies))
    assert "the 21 evaluations" in caption and "(6 positive, 3 mixed, 12 negative)" in caption
    assert "Science parks account for 6 of the 12 negative verdicts" in caption
