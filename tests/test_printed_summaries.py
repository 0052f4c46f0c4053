"""Recompute every printed total and share that the rows determine, and compare.

Where the paper's own numbers disagree, the test pins the disagreement (both numbers)
as known: a transcription change that makes it appear or vanish fails on purpose.
The audit (helpers.audit) reports the same checks to readers.
"""

from __future__ import annotations

import pytest

from helpers.data import recompute as rc
from helpers.data.datapackage import load


def test_recompute_helpers():
    assert rc.decimals("68.4%") == 1 and rc.decimals("55%") == 0 and rc.decimals("$88K (2002)") == 0
    assert rc.agrees("55%", 55.04) and not rc.agrees("55%", 55.6)
    assert rc.agrees("3.0", 2.95) and not rc.agrees("3.0", 2.933)
    assert rc.denominators("50.0%", count=19, largest=60) == [38]
    assert 33 in rc.denominators("39.4%", largest=40)
    assert rc.weights_reproducing({"a": ([1.0, 3.0], "2.5")}, total=4) == [(1, 3)]
    assert rc.mean_of([1.0, float("nan"), 3.0]) == 2.0
    with pytest.raises(LookupError):
        rc.cell(load("table-14"), measure="n_developments")


def test_table_01_business_sector_is_sum_of_its_parts():
    t = load("table-01")
    total = rc.cell(t, region="Kazakhstan", sector="business_enterprise")
    parts = rc.rows(t, region="Kazakhstan", parent_sector="business_enterprise")["value"].sum()
    assert rc.compare("KZ business", total, parts).agrees


def test_table_01_printed_sectors_do_not_cover_all_gerd():
    t = load("table-01")
    main = rc.rows(t, parent_sector=None).groupby("region")["value"].sum().round(1)
    assert main.to_dict() == {"European Union": 89.5, "Kazakhstan": 98.0, "North America": 85.1}


def test_table_04_employment_total_is_sum_of_parks():
    t = load("table-04")
    total = rc.cell(t, firms="in_tp", park=None, variable="employment", measure="total")
    parks = rc.rows(t, firms="in_tp", variable="employment", measure="total").dropna(
        subset=["park"]
    )
    assert rc.compare("employment", total, parks["value"].sum()).agrees


def test_table_04_known_pooled_median_outside_park_medians():
    """A pooled median cannot exceed every park's median: 9 > max(7, 8, 7, 3)."""
    t = load("table-04")
    medians = rc.rows(t, firms="in_tp", variable="employment", measure="median")
    pooled = medians[medians["park"].isna()]["value"].item()
    per_park = medians.dropna(subset=["park"])["value"]
    assert pooled == 9 and per_park.max() == 8


@pytest.mark.parametrize("activity", ["manufacturing", "services", "total"])
def test_table_05_in_technopark_totals_are_sums_of_parks(activity):
    t = load("table-05")
    total = rc.cell(t, firms="in_tp", park=None, activity=activity, measure="n_firms")
    parks = rc.rows(t, firms="in_tp", activity=activity, measure="n_firms").dropna(subset=["park"])
    assert rc.compare(activity, total, parks["value"].sum()).agrees


@pytest.mark.parametrize(
    ("firms", "park"),
    [
        ("in_tp", "ABI"),
        ("in_tp", "ATP"),
        ("in_tp", "KGP"),
        ("in_tp", "PPV"),
        ("in_tp", None),
        ("out_tp", None),
    ],
)
def test_table_05_activity_total_is_manufacturing_plus_services(firms, park):
    t = rc.rows(load("table-05"), firms=firms, park=park, measure="n_firms")
    by = t.set_index("activity")["value"]
    assert by["total"] == by["manufacturing"] + by["services"]


@pytest.mark.parametrize("firms", ["in_tp", "out_tp"])
@pytest.mark.parametrize("activity", ["manufacturing", "services", "total"])
def test_table_05_shares_reproduce(firms, activity):
    t = rc.rows(load("table-05"), firms=firms, park=None)
    count = rc.cell(t, activity=activity, measure="n_firms")["value"]
    total = rc.cell(t, activity="total", measure="n_firms")["value"]
    printed = rc.cell(t, activity=activity, measure="share_of_firms")
    assert rc.compare(activity, printed, rc.share(count, total)).agrees


def test_table_06_total_is_sum_of_activities():
    t = load("table-06")
    total = rc.cell(t, is_summary=True)
    assert rc.compare("total", total, t[~t["is_summary"]]["value"].sum()).agrees


@pytest.mark.parametrize("park", ["ABI", "ATP", "KGP", None])
def test_table_07_rows_sum_to_100(park):
    t = rc.rows(load("table-07"), park=park)
    total = rc.cell(t, market="total")
    assert rc.compare("row total", total, t[t["market"] != "total"]["value"].sum()).agrees


def test_table_07_known_average_is_not_the_mean_of_parks():
    t = load("table-07")
    local = rc.rows(t, market="local").dropna(subset=["park"])["value"]
    printed = rc.cell(t, park=None, market="local")
    comparison = rc.compare("local", printed, local.mean())
    assert not comparison.agrees and round(comparison.recomputed, 1) == 88.3


def _shares(table: str, column: str) -> dict[str, tuple[float, str]]:
    t = rc.rows(load(table), park=None)
    out = {}
    for key in t[column].dropna().unique():
        count = rc.cell(t, **{column: key}, measure="n_firms")["value"]
        out[key] = (count, rc.cell(t, **{column: key}, measure="share_of_respondents")["printed"])
    return out


@pytest.mark.parametrize(
    ("table", "column", "stated", "implied"),
    [("table-08", "factor", 34, 38), ("table-09", "barrier", 34, 39)],
)
def test_known_shares_use_another_denominator_than_the_stated_sample(
    table, column, stated, implied
):
    """Heading: 'No of firms = 34'; every share reproduces with 38 (Table 8) or 39 (Table 9)."""
    sample = rc.cell(load(table), measure="sample_size")["value"]
    assert sample == stated
    for count, printed in _shares(table, column).values():
        assert not rc.agrees(printed, rc.share(count, stated))
        assert rc.agrees(printed, rc.share(count, implied))


@pytest.mark.parametrize(
    ("table", "column", "disagreeing"),
    [
        ("table-08", "factor", ["finance", "image", "location"]),
        ("table-09", "barrier", ["finance", "technology"]),
    ],
)
def test_known_averages_not_reproduced_by_unweighted_park_means(table, column, disagreeing):
    means = rc.rows(load(table), measure="mean_importance")
    disagree = []
    for key, group in means.groupby(column):
        printed = group[group["park"].isna()].iloc[0]
        parks = group.dropna(subset=["park"])["value"]
        if not rc.compare(key, printed, rc.mean_of(parks)).agrees:
            disagree.append(key)
    assert sorted(disagree) == disagreeing


def test_table_10_in_technopark_row_repeats_table_9_average():
    t9 = rc.rows(load("table-09"), park=None, measure="mean_importance").set_index("barrier")
    t10 = rc.rows(load("table-10"), firms="in_tp").set_index("barrier")
    assert t10["value"].to_dict() == t9["value"].to_dict()


@pytest.mark.parametrize("firms", ["in_tp", "out_tp"])
@pytest.mark.parametrize("partner", ["other_tp_firms", "higher_education", "external_firms"])
def test_table_13_totals_are_sums_of_link_types(firms, partner):
    t = rc.rows(load("table-13"), firms=firms, partner=partner, measure="n_firms")
    total = rc.cell(t, link_type="total")
    if total.isna()["value"]:
        assert firms == "out_tp" and partner == "other_tp_firms"
        return
    assert rc.compare(partner, total, t[t["link_type"] != "total"]["value"].sum()).agrees


def test_table_13_known_totals_exceed_the_sample():
    t = load("table-13")
    sample = rc.cell(t, firms="in_tp", measure="sample_size")["value"]
    total = rc.cell(
        t, firms="in_tp", partner="external_firms", link_type="total", measure="n_firms"
    )
    assert (sample, total["value"]) == (25, 46)


def test_table_14_total_and_shares_reproduce():
    t = load("table-14")
    counts = rc.rows(t, measure="n_developments")
    total = rc.cell(counts, stage="total")
    assert rc.compare("total", total, counts[counts["stage"] != "total"]["value"].sum()).agrees
    for stage in counts["stage"]:
        count = rc.cell(counts, stage=stage)["value"]
        printed = rc.cell(t, stage=stage, measure="share_of_developments")
        assert rc.compare(stage, printed, rc.share(count, total["value"])).agrees, stage


@pytest.mark.parametrize("market", ["local", "national", "international"])
@pytest.mark.parametrize("firms", ["in_tp", "out_tp"])
def test_figure_04_bars_sum_to_100(market, firms):
    t = rc.rows(load("figure-04"), market=market, firms=firms)
    assert rc.is_close(t["value"].sum(), 100.0)
