"""Reader views of the park survey: every park, all parks, and the missing-data cases."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from helpers import survey
from helpers.data.datapackage import load, paper_number
from helpers.data.parks import missing_notes, park_codes, park_label, reported_parks
from helpers.display.tables import table_caption

PARKS = park_codes()
SELECTIONS = [(), *[(p,) for p in PARKS], ("ABI", "KGP"), ("ATP", "PPV", "KST")]


def _bar_values(fig, horizontal: bool = False) -> list[float]:
    """Heights (or widths, for horizontal bars) of the bars drawn, in drawing order."""
    return [round(p.get_width() if horizontal else p.get_height(), 6) for p in fig.axes[0].patches]


def _texts(fig) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def test_identity_card_for_all_and_one_park():
    card = survey.identity_card(load("table-02"))
    assert list(card.columns[1:]) == [park_label(p) for p in PARKS]
    kgp = survey.identity_card(load("table-02"), ["KGP"]).set_index("")[
        "Karaganda Technopark (KGP)"
    ]
    assert kgp["Tenants as of 2004"] == "16"
    assert kgp["Estimated turnover of tenant firms"] == "$88K (2002)"
    assert pd.isna(kgp["Rate of survival"])  # blank in the paper: shown as n.a., not zero
    assert pd.isna(kgp["Joint services"])  # printed n.a.


PARK_VIEWS = {
    "table-04": survey.employment_view,
    "table-05": survey.activity_view,
    "table-07": survey.sales_view,
    "table-08": survey.motives_view,
    "table-09": survey.barriers_view,
    "table-12": survey.services_view,
}


@pytest.mark.parametrize("parks", SELECTIONS)
@pytest.mark.parametrize("name", PARK_VIEWS)
def test_park_views_keep_selected_parks_and_pooled_rows(name, parks):
    frame = PARK_VIEWS[name](load(name), parks)
    labels = set(frame.iloc[:, 0])
    shown_parks = {p for p in PARKS if any(park_label(p) in label for label in labels)}
    reported = set(reported_parks(load(name)))
    assert shown_parks == (set(parks) & reported if parks else reported)
    if len(frame):
        assert frame.iloc[:, 1:].notna().any().any()
    else:
        assert name == "table-12" and not set(parks) & reported


def test_employment_view_numbers_as_printed():
    frame = survey.employment_view(load("table-04")).set_index("Firms")
    assert frame.at["Karaganda Technopark (KGP)", "Employment (persons)"] == "337"
    assert frame.at["All technoparks", "Employment (persons)"] == "1117"
    assert frame.at["Outside technoparks", "Average employment per firm"] == "61"
    assert pd.isna(frame.at["Petropavlovsk Technopark (PPV)", "Average age of firms (years)"])
    assert list(survey.employment_view(load("table-04"), ["KGP"])["Firms"]) == [
        "Karaganda Technopark (KGP)",
        "All technoparks",
        "Outside technoparks",
    ]


@pytest.mark.parametrize(
    ("name", "reported"),
    [
        ("table-02", PARKS),
        ("table-04", ["ABI", "ATP", "KGP", "PPV"]),
        ("table-05", ["ABI", "ATP", "KGP", "PPV"]),
        ("table-07", ["ABI", "ATP", "KGP"]),
        ("table-08", ["ABI", "ATP", "KGP"]),
        ("table-09", ["ABI", "ATP", "KGP"]),
        ("table-12", ["ABI", "KGP"]),
    ],
)
def test_reported_parks_and_missing_notes(name, reported):
    assert reported_parks(load(name)) == reported
    for park in PARKS:
        notes = missing_notes(name, load(name), [park])
        if park in reported:
            assert notes == []
        else:
            assert notes == [f"{paper_number(name)} reports no data for {park_label(park)}."]


def test_missing_note_wording_for_kostanai_in_table_7():
    assert missing_notes("table-07", load("table-07"), ["KST"]) == [
        "Table 7 reports no data for Kostanai Technopark (KST)."
    ]
    assert missing_notes("table-07", load("table-07"), []) == []


def test_tenants_chart_plots_table_2():
    data = survey.tenants_data(load("table-02"))
    by = data.set_index(["Park", "When"])["Tenants"]
    assert by[("Karaganda Technopark (KGP)", "In 2004")] == 16
    assert by[("Almaty Business Incubator (ABI)", "At establishment")] == 8
    fig = survey.tenants_chart(data)
    assert sorted(_bar_values(fig, horizontal=True)) == sorted(data["Tenants"].tolist())
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == [park_label(p) for p in PARKS]


def test_park_charts_tag_each_park_for_highlighting():
    fig = survey.tenants_chart(survey.tenants_data(load("table-02")))
    gids = [a.get_gid() for a in fig.findobj() if a.get_gid()]
    for code in PARKS:
        # two bars, two value labels and the tick label of each park
        assert sum(g.startswith(f"tp--{code.lower()}--") for g in gids) == 5
    assert len(set(gids)) == len(gids)


def test_employment_data_and_chart():
    data = survey.employment_data(load("table-04"))
    assert data.set_index("Firms")["Average employment"].to_dict() == {
        "Almaty Business Incubator (ABI)": 11,
        "Almaty Technopark (ATP)": 13,
        "Karaganda Technopark (KGP)": 11,
        "Petropavlovsk Technopark (PPV)": 4,
        "All technoparks": 12,
        "Outside technoparks": 61,
    }
    bars = _bar_values(survey.employment_chart(data), horizontal=True)
    assert bars == data["Average employment"].tolist()


def test_activity_shares_computed_from_counts():
    data = survey.activity_data(load("table-05")).set_index(["Firms", "Activity"])["Share (%)"]
    assert data[("Almaty Business Incubator (ABI)", "Manufacturing")] == 75.0
    assert math.isclose(data[("All technoparks", "Manufacturing")], 100 * 71 / 129)
    assert math.isclose(data[("Outside technoparks", "Services")], 100 * 3 / 33)
    fig = survey.activity_chart(survey.activity_data(load("table-05")))
    assert len(fig.axes[0].patches) == len(survey.activity_data(load("table-05")))


def test_activities_sorted_largest_first_without_total():
    data = survey.activities_data(load("table-06"))
    assert data.iloc[0].tolist() == ["Furniture production and repairs", 21.0]
    assert "Total" not in set(data["Activity"]) and data["Firms"].sum() == 110
    assert _bar_values(survey.activities_chart(data), horizontal=True) == data["Firms"].tolist()


def test_sales_data_average_first():
    data = survey.sales_data(load("table-07"))
    assert data["Firms"].iloc[0] == "All technoparks"
    local = data[data["Market"] == "Local"].set_index("Firms")["Share of sales (%)"]
    assert local.to_dict() == {
        "All technoparks": 90,
        "Almaty Business Incubator (ABI)": 67,
        "Almaty Technopark (ATP)": 100,
        "Karaganda Technopark (KGP)": 98,
    }


def test_importance_matrices_keep_missing():
    motives = survey.motives_matrix(load("table-08"))
    assert motives.at["All technoparks", "Rent"] == 4.1
    assert math.isnan(motives.at["Karaganda Technopark (KGP)", "Rent"])
    barriers = survey.barriers_matrix(load("table-09"))
    assert barriers.at["Almaty Business Incubator (ABI)", "Finance"] == 4.6
    assert math.isnan(barriers.at["Karaganda Technopark (KGP)", "Infrastructure"])
    texts = _texts(survey.importance_chart(motives))
    assert texts.count("n.a.") == 1 and "4.4" in texts


def test_shares_data():
    assert survey.motive_shares_data(load("table-08"))["Share of respondents (%)"].tolist() == [
        50.0,
        68.4,
        55.3,
        55.3,
        78.9,
        68.4,
    ]
    assert survey.barrier_shares_data(load("table-09"))["Share of respondents (%)"].tolist() == [
        87,
        79,
        38,
        36,
    ]
    assert _bar_values(survey.shares_chart(survey.barrier_shares_data(load("table-09")))) == [
        87,
        79,
        38,
        36,
    ]


def test_in_out_tables():
    data = survey.barriers_in_out_data(load("table-10"))
    out = data[data["Firms"] == "Firms outside technoparks"]["Mean importance"].tolist()
    assert out == [4.8, 3.0, 1.0, 4.4]
    value_added = survey.value_added_data(load("table-11")).set_index("Firms")["Mean assessment"]
    assert value_added.to_dict() == {"Firms in technoparks": 3.5, "Firms outside technoparks": 3.6}
    fig = survey.in_out_chart(
        value_added.reset_index().assign(Assessment="x"), "Assessment", "Mean assessment", "score"
    )
    assert _bar_values(fig) == [3.5, 3.6]


def test_services_shares_of_park_firms():
    data = survey.services_data(load("table-12")).set_index(["Park", "Service"])[
        "Share of park firms (%)"
    ]
    assert data[("Almaty Business Incubator (ABI)", "Consultation")] == 20.0
    assert data[("Karaganda Technopark (KGP)", "Business plan")] == 100 * 15 / 16
    assert data[("Karaganda Technopark (KGP)", "Other")] == 0.0


def test_links_matrix_labels_intensity_and_firms():
    intensity, labels = survey.links_matrix(load("table-13"))
    row = "Firms outside the technopark: joint production"
    assert intensity.loc[row].tolist() == [4.5, 5.0]
    assert labels.loc[row].tolist() == ["4.5 (19 firms)", "5.0 (23 firms)"]
    assert (
        labels.at["Firms outside the technopark: joint development", "Firms outside technoparks"]
        == "n.a. (4 firms)"
    )
    assert (
        labels.at["Other technopark firms: joint production", "Firms outside technoparks"] == "n.a."
    )
    assert set(labels.to_numpy().ravel()) <= set(_texts(survey.links_chart((intensity, labels))))


def test_novelty_in_paper_order():
    data = survey.novelty_data(load("figure-04"))
    assert list(dict.fromkeys(data["Bar"])) == [
        "Local - Out",
        "Local - In",
        "Nat - Out",
        "Nat - In",
        "Internat - Out",
        "Internat - In",
    ]
    yes = data[data["Novel product"] == "Yes"]["Share of firms (%)"].tolist()
    assert yes == [39.4, 37.5, 15.2, 15.6, 0.0, 12.5]
    view = survey.novelty_view(load("figure-04"))
    assert view.iloc[0].tolist() == ["Local - Out", "39.4%", "60.6%"]


def test_table_3_view():
    view = survey.entrepreneurs_view(load("table-03")).set_index("Statistic")
    assert view.at["Average", "Age of entrepreneur, inside TP (years)"] == "43"
    assert (
        view.at["Min", "Years of working experience in area of venture, outside TP (years)"] == "1"
    )


# Every table and figure of the chapter: its view, chart data, chart and caption.
SECTIONS = {
    "table-02": (
        survey.identity_card,
        survey.tenants_data,
        survey.tenants_chart,
        survey.tenants_caption,
    ),
    "table-03": (
        survey.entrepreneurs_view,
        survey.entrepreneurs_data,
        survey.entrepreneurs_chart,
        survey.entrepreneurs_caption,
    ),
    "table-04": (
        survey.employment_view,
        survey.employment_data,
        survey.employment_chart,
        survey.employment_caption,
    ),
    "table-05": (
        survey.activity_view,
        survey.activity_data,
        survey.activity_chart,
        survey.activity_caption,
    ),
    "table-06": (
        survey.activities_view,
        survey.activities_data,
        survey.activities_chart,
        survey.activities_caption,
    ),
    "table-07": (survey.sales_view, survey.sales_data, survey.sales_chart, survey.sales_caption),
    "figure-04": (
        survey.novelty_view,
        survey.novelty_data,
        survey.novelty_chart,
        survey.novelty_caption,
    ),
    "table-08": (
        survey.motives_view,
        survey.motives_matrix,
        survey.importance_chart,
        survey.importance_caption,
    ),
    "table-09": (
        survey.barriers_view,
        survey.barriers_matrix,
        survey.importance_chart,
        survey.importance_caption,
    ),
    "table-10": (
        survey.barriers_in_out_view,
        survey.barriers_in_out_data,
        survey.barriers_in_out_chart,
        survey.barriers_in_out_caption,
    ),
    "table-11": (
        survey.value_added_view,
        survey.value_added_data,
        survey.value_added_chart,
        survey.value_added_caption,
    ),
    "table-12": (
        survey.services_view,
        survey.services_data,
        survey.services_chart,
        survey.services_caption,
    ),
    "table-13": (survey.links_view, survey.links_matrix, survey.links_chart, survey.links_caption),
}


@pytest.mark.parametrize("name", list(SECTIONS))
def test_every_section_has_table_chart_and_generated_caption(name):
    view, chart_data, chart, caption = SECTIONS[name]
    table = load(name)
    assert len(view(table)) > 0
    data = chart_data(table)
    assert chart(data).axes
    text = caption(data)
    assert text.endswith(".") and any(ch.isdigit() for ch in text)
    assert table_caption(name).startswith(paper_number(name) + ": ")


def test_methodology_values_are_the_survey_facts():
    values = survey.methodology_values(load("survey-methodology"))
    assert values["technoparks_sampled"] == "5" and values["technoparks_operating"] == "7"
    assert values["interviews"] == "21" and values["firms_outside"] == "24"
    assert values["data_collection"] == "2004"
