"""The claims ledger: its data, each evidence function's numbers, the reader's view."""

from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers import claims, load, resource_names  # noqa: E402
from helpers.data.recompute import cell, rows  # noqa: E402

WHERE = re.compile(r"Abstract|Section 4 summary|Conclusions paragraph [1-9]")


def value(name: str, **where) -> float:
    return float(cell(load(name), **where)["value"])


@pytest.fixture(scope="module")
def ledger() -> pd.DataFrame:
    return load("claims")


# --- The data -------------------------------------------------------------------------------


def test_every_claims_resources_exist_in_the_data_package(ledger):
    known = set(resource_names())
    named = 0
    for row in ledger.itertuples(index=False):
        for name in claims.resource_list(row.resources):
            assert name in known, (row.claim_id, name)
            named += 1
    assert named >= len(ledger)  # most claims name at least one resource


def test_resource_list_reads_both_separators():
    assert claims.resource_list("figure-04; table-05") == ["figure-04", "table-05"]
    assert claims.resource_list("table-08 table-09") == ["table-08", "table-09"]
    assert claims.resource_list(pd.NA) == []


def test_testable_claims_have_evidence_functions_and_only_they(ledger):
    testable = set(ledger.loc[ledger["verdict"] != claims.NOT_TESTABLE, "claim_id"])
    assert set(claims.EVIDENCE) == testable
    untestable = ledger[ledger["verdict"] == claims.NOT_TESTABLE]
    # Policy recommendations are never testable.
    for claim_id in ("upgrade-capabilities", "policy-priorities", "incubation-scope"):
        assert claim_id in set(untestable["claim_id"])


def test_testable_claims_name_a_paper_table_or_figure(ledger):
    for row in ledger[ledger["verdict"] != claims.NOT_TESTABLE].itertuples(index=False):
        names = claims.resource_list(row.resources)
        assert any(re.fullmatch(r"(table|figure)-\d\d", n) for n in names), row.claim_id


def test_places_are_abstract_summary_or_conclusion_paragraphs(ledger):
    for row in ledger.itertuples(index=False):
        places = [p.strip() for p in row.where.split(";")]
        assert all(WHERE.fullmatch(p) for p in places), row.where
        assert row.source == places[0], row.claim_id  # the quote comes from the first place
    where = set(";".join(ledger["where"]).replace("; ", ";").split(";"))
    assert {"Abstract", "Section 4 summary"} <= where
    assert any(p.startswith("Conclusions paragraph") for p in where)


def test_reasoning_holds_no_numbers(ledger):
    for row in ledger.itertuples(index=False):
        without_references = re.sub(r"(Table|Figure) \d+", "", row.reasoning)
        assert not re.search(r"\d", without_references), row.claim_id


def test_claims_are_verbatim_quotes_of_the_paper(ledger, paper_text):
    for row in ledger.itertuples(index=False):
        quote = " ".join(row.claim.split()).rstrip(".")
        assert quote in paper_text, row.claim_id


# --- Evidence, checked against the CSVs -----------------------------------------------------


def test_innovativeness_on_both_readings_of_figure_4():
    shares = claims.innovator_shares().set_index("market")
    for market in ("local", "national", "international"):
        inside = value("figure-04", market=market, firms="in_tp", innovator="yes")
        outside = value("figure-04", market=market, firms="out_tp", innovator="yes")
        assert shares.at[market, "in_tp"] == inside
        assert shares.at[market, "out_tp"] == outside
        swapped = market != "international"
        assert shares.at[market, "in_tp_text"] == (outside if swapped else inside)
    evidence = claims.evidence_no_more_innovative()
    local = [
        value("figure-04", market="local", firms=f, innovator="yes") for f in ("in_tp", "out_tp")
    ]
    national = [
        value("figure-04", market="national", firms=f, innovator="yes") for f in ("in_tp", "out_tp")
    ]
    gap = max(abs(local[0] - local[1]), abs(national[0] - national[1]))
    assert evidence.values["largest_domestic_gap"] == pytest.approx(gap)
    assert evidence.values["international_in_tp"] > evidence.values["international_out_tp"]
    assert "39.4%" in evidence.sentence and "Read as the text does" in evidence.sentence


def test_local_market_evidence_is_table_7():
    evidence = claims.evidence_local_market()
    table = load("table-07")
    assert evidence.values["local"] == value("table-07", park=None, market="local")
    parks = rows(table, market="local").dropna(subset=["park"])["value"]
    assert evidence.values["lowest_park_local"] == parks.min()
    assert evidence.values["highest_park_local"] == parks.max()
    assert evidence.values["unweighted_park_mean"] == pytest.approx(parks.mean())
    assert evidence.values["local"] > evidence.values["national"] + evidence.values["foreign"]


def test_traditional_activities_are_counted_from_table_6():
    groups = claims.activity_groups().set_index("group")
    table = load("table-06")
    total = value("table-06", activity="Total")
    assert groups["n_firms"].sum() == total
    pharma = value("table-06", activity="Pharmaceuticals and medical services")
    it = value("table-06", activity="IT services")
    assert groups.at["technology_based", "n_firms"] == pharma + it
    unnamed = sum(value("table-06", activity=a) for a in claims.UNNAMED)
    assert groups.at["traditional", "n_firms"] == total - pharma - it - unnamed
    assert "Furniture production and repairs" in groups.at["traditional", "activities"]
    evidence = claims.evidence_traditional_sectors()
    assert evidence.values["traditional_share"] == pytest.approx(
        100 * groups.at["traditional", "n_firms"] / total
    )
    assert evidence.values["traditional"] > total / 2
    assert evidence.values["largest_activity"] == table[~table["is_summary"]]["value"].max()
    ready = claims.evidence_commercialisation_ready()
    assert ready.values["technology_based"] == pharma + it
    assert "IT services (6)" in ready.sentence


def test_external_links_evidence_is_table_13():
    evidence = claims.evidence_external_links().values

    def t13(**where):
        return value("table-13", firms="in_tp", **where)

    assert evidence["n_external"] == t13(
        partner="external_firms", link_type="total", measure="n_firms"
    )
    assert evidence["n_internal"] == t13(
        partner="other_tp_firms", link_type="total", measure="n_firms"
    )
    for link in ("joint_production", "joint_development", "other"):
        external = t13(partner="external_firms", link_type=link, measure="mean_intensity")
        internal = t13(partner="other_tp_firms", link_type=link, measure="mean_intensity")
        assert evidence[f"external_{link}"] == external
        assert evidence[f"internal_{link}"] == internal
        assert external > internal
    assert "in every type" in claims.evidence_external_links().sentence


def test_higher_education_links_stronger_outside_but_more_frequent_inside():
    evidence = claims.evidence_higher_education_links().values

    def t13(firms, **where):
        return value("table-13", firms=firms, partner="higher_education", **where)

    for link in ("joint_development", "other"):
        inside = t13("in_tp", link_type=link, measure="mean_intensity")
        outside = t13("out_tp", link_type=link, measure="mean_intensity")
        assert (evidence[f"inside_{link}"], evidence[f"outside_{link}"]) == (inside, outside)
        assert outside > inside
    assert evidence["n_inside"] == t13("in_tp", link_type="total", measure="n_firms")
    assert evidence["n_outside"] == t13("out_tp", link_type="total", measure="n_firms")
    assert evidence["n_inside"] > evidence["n_outside"]
    assert "outside_joint_production" not in evidence  # blank in the paper, not zero


def test_relocation_motives_finance_ranks_last_though_often_cited():
    evidence = claims.evidence_relocation_motives()
    means = rows(load("table-08"), park=None, measure="mean_importance").set_index("factor")
    shares = rows(load("table-08"), park=None, measure="share_of_respondents").set_index("factor")
    assert evidence.values["rent_mean"] == means.at["rent", "value"] == means["value"].max()
    assert evidence.values["finance_mean"] == means.at["finance", "value"] == means["value"].min()
    assert evidence.values["finance_share"] == shares.at["finance", "value"]
    assert evidence.values["rent_share"] == shares.at["rent", "value"] == shares["value"].min()
    assert evidence.values["finance_importance_rank"] == len(means)
    assert evidence.values["finance_share_rank"] == 2  # tied with image, after services
    assert "finance last (3.0)" in evidence.sentence
    assert "joint second" in evidence.sentence


def test_cash_flow_evidence_is_tables_8_and_9():
    evidence = claims.evidence_cash_flow_rent().values
    assert evidence["finance_barrier_mean"] == value(
        "table-09", park=None, barrier="finance", measure="mean_importance"
    )
    assert evidence["finance_barrier_share"] == value(
        "table-09", park=None, barrier="finance", measure="share_of_respondents"
    )
    assert evidence["rent_mean"] == value(
        "table-08", park=None, factor="rent", measure="mean_importance"
    )


def test_younger_evidence_is_table_4():
    evidence = claims.evidence_younger()

    def age(firms, measure, park=None):
        return value("table-04", firms=firms, park=park, variable="firm_age", measure=measure)

    assert evidence.values["inside_average"] == age("in_tp", "average")
    assert evidence.values["outside_average"] == age("out_tp", "average")
    assert evidence.values["inside_median"] == age("in_tp", "median")
    assert evidence.values["outside_median"] == age("out_tp", "median")
    assert evidence.values["oldest_park_average"] == age("in_tp", "average", park="ABI")
    assert evidence.values["inside_average"] < evidence.values["outside_average"]
    assert "no figure for PPV" in evidence.sentence


def test_production_services_balance_is_table_5():
    evidence = claims.evidence_production_services_balance()

    def t5(activity, park=None):
        return value("table-05", firms="in_tp", park=park, activity=activity, measure="n_firms")

    assert evidence.values["manufacturing"] == t5("manufacturing")
    assert evidence.values["services"] == t5("services")
    assert evidence.values["total"] == t5("total") == t5("manufacturing") + t5("services")
    printed = value("table-05", firms="in_tp", activity="manufacturing", measure="share_of_firms")
    assert round(evidence.values["manufacturing_share"]) == printed
    assert evidence.values["largest_park_firms"] == t5("total", park="PPV")
    assert "PPV accounts for" in evidence.sentence


def test_service_use_rates_are_table_12_counts_over_tenants():
    rates = claims.service_use_rates()
    for row in rates.itertuples(index=False):
        tenants = value("table-12", park=row.park, measure="n_firms_in_park")
        used = value("table-12", park=row.park, service=row.service, measure="n_firms_using")
        assert row.rate == pytest.approx(100 * used / tenants)
    evidence = claims.evidence_services_differ().values
    assert evidence["ABI_max"] == pytest.approx(100 * 6 / 30)
    assert evidence["KGP_max"] == pytest.approx(100 * 15 / 16)
    assert evidence["KGP_max"] > 4 * evidence["ABI_max"]


def test_rd_performers_evidence_is_table_1():
    demand = claims.evidence_no_demand_for_rd().values
    public = claims.evidence_public_rd_driven().values

    def gerd(region, sector):
        return value("table-01", region=region, sector=sector)

    assert demand["kazakhstan_business"] == gerd("Kazakhstan", "business_enterprise")
    assert demand["kazakhstan_business"] == pytest.approx(
        gerd("Kazakhstan", "business_in_house") + gerd("Kazakhstan", "business_design_bureaus")
    )
    for region in ("Kazakhstan", "North America", "European Union"):
        assert public[f"{region}_public"] == pytest.approx(
            gerd(region, "government") + gerd(region, "higher_education")
        )
    assert public["Kazakhstan_public"] > max(
        public["North America_public"], public["European Union_public"]
    )


def test_catalogue_claim_matches_table_14(ledger):
    evidence = claims.evidence_catalogue_ready().values
    ready = value("table-14", stage="ready_for_introduction", measure="n_developments")
    total = value("table-14", stage="total", measure="n_developments")
    assert (evidence["ready"], evidence["total"]) == (ready, total)
    assert evidence["recomputed_share"] == pytest.approx(100 * ready / total)
    assert evidence["stages"] == total
    quote = cell(ledger, claim_id="catalogue-ready")["claim"]
    assert f"({ready:.0f} out of {total:.0f})" in quote  # the paper's prose agrees


def test_synthesis_reuses_the_single_claims():
    summary = claims.evidence_business_incubators_summary().values
    assert summary["local"] == claims.evidence_local_market().values["local"]
    assert (
        summary["traditional_share"]
        == claims.evidence_traditional_sectors().values["traditional_share"]
    )


@pytest.mark.parametrize("claim_id", sorted(claims.EVIDENCE))
def test_every_evidence_sentence_names_its_source(claim_id, ledger):
    evidence = claims.EVIDENCE[claim_id]()
    assert evidence.values and all(isinstance(v, float) for v in evidence.values.values())
    labels = [
        claims.resource_label(n)
        for n in claims.resource_list(cell(ledger, claim_id=claim_id)["resources"])
        if re.fullmatch(r"(table|figure)-\d\d", n)
    ]
    assert any(label in evidence.sentence for label in labels), claim_id


# --- Views and chart ------------------------------------------------------------------------


def test_ledger_view_for_readers(ledger):
    view = claims.ledger_view(ledger)
    assert list(view.columns) == ["Claim", "Where", "Evidence", "Tables", "Verdict"]
    assert len(view) == len(ledger)
    testable = claims.ledger_view(ledger, testable=True)
    untestable = claims.ledger_view(ledger, testable=False)
    assert len(testable) + len(untestable) == len(ledger)
    assert set(view["Verdict"]) == {
        "Supported",
        "Partly supported",
        "Not testable from the published numbers",
    }
    assert set(testable["Verdict"]) == {"Supported", "Partly supported"}
    assert testable["Evidence"].str.contains(" Reading: ").all()
    assert list(untestable.columns) == [
        "Claim",
        "Where",
        "Why it cannot be tested",
        "Tables",
    ]
    assert not untestable["Why it cannot be tested"].str.contains(" Reading: ").any()
    row = testable[testable["Claim"].str.contains("younger")].iloc[0]
    assert row["Tables"] == "Table 4"
    assert claims.evidence_younger().sentence in row["Evidence"]
    assert "none" in set(view["Tables"])


def test_notes_view_keeps_the_papers_inconsistencies(ledger):
    notes = claims.notes_view(ledger)
    assert list(notes.columns) == ["Claim", "Note"]
    assert notes["Note"].str.contains("2.9").any()  # the text's importance of finance
    assert notes["Note"].str.contains("14 vs. 3 years").any()


def test_verdict_caption_is_written_from_the_counts(ledger):
    data = claims.verdict_counts_data(ledger)
    caption = claims.verdict_caption(data)
    counts = ledger["verdict"].value_counts()
    assert caption.startswith(f"Of the {len(ledger)} main claims")
    assert f"{counts[claims.SUPPORTED]} are supported" in caption
    assert f"{counts[claims.PARTLY]} partly supported" in caption
    assert f"{counts[claims.NOT_TESTABLE]} cannot be tested" in caption


def test_verdict_chart_draws_the_counts(ledger):
    data = claims.verdict_counts_data(ledger)
    assert data["verdict"].tolist() == claims.VERDICTS
    assert data["n_claims"].sum() == len(ledger)
    assert (
        data.set_index("verdict")["n_claims"].to_dict()
        == ledger["verdict"].value_counts().to_dict()
    )
    fig = claims.verdict_counts_chart(data)
    ax = fig.axes[0]
    assert [bar.get_width() for bar in ax.patches] == data["n_claims"].tolist()
    assert [t.get_text() for t in ax.get_yticklabels()] == data["label"].tolist()
    assert [t.get_text() for t in ax.texts] == [str(n) for n in data["n_claims"]]
    assert ax.get_xlabel() == "Number of claims"


def test_evidence_functions_live_in_the_split_modules_and_stay_importable_from_claims():
    from helpers import claims_evidence, claims_survey

    for claim_id, function in claims.EVIDENCE.items():
        module = {
            "helpers.claims_survey": claims_survey,
            "helpers.claims_evidence": claims_evidence,
        }
        assert function.__module__ in module, claim_id
        assert getattr(claims, function.__name__) is function
        assert getattr(module[function.__module__], function.__name__) is function
    assert claims.evidence_younger.__module__ == "helpers.claims_survey"
    assert claims.evidence_catalogue_ready.__module__ == "helpers.claims_evidence"


# --- The verdict rule -------------------------------------------------------------------------

A, D, U = claims.AGREES, claims.DISAGREES, claims.UNTESTABLE


def _c(outcome: str, rests_on: str | None = None) -> claims.Comparison:
    return claims.Comparison("x", outcome, rests_on)


@pytest.mark.parametrize(
    ("outcomes", "expected"),
    [
        ([A], claims.SUPPORTED),
        ([A, A, A], claims.SUPPORTED),
        ([A, D], claims.PARTLY),
        ([A, U], claims.PARTLY),
        ([D, A, U], claims.PARTLY),
        ([D], claims.NOT_SUPPORTED),
        ([D, U], claims.NOT_SUPPORTED),
        ([U, U], claims.NOT_TESTABLE),
        ([], claims.NOT_TESTABLE),
    ],
)
def test_verdict_rule(outcomes, expected):
    assert claims.verdict_from_evidence([_c(o) for o in outcomes]) == expected


def test_a_comparison_resting_on_an_assumption_counts_as_untestable():
    assumed = _c(A, "assumption: a reading")
    assert assumed.counts_as == U and assumed.outcome == A
    assert claims.verdict_from_evidence([_c(A), assumed]) == claims.PARTLY
    assert claims.verdict_from_evidence([assumed]) == claims.NOT_TESTABLE
    with pytest.raises(ValueError, match="assumption"):
        _c(A, "a reading")
    with pytest.raises(ValueError, match="outcome"):
        _c("perhaps")
    assert claims.compare("x", True).outcome == A
    assert claims.compare("x", False).outcome == D
    assert claims.compare("x", None).outcome == U


def test_the_rule_is_written_where_the_ledger_is_described():
    from helpers import claims_evidence

    for doc in (claims_evidence.__doc__, claims.__doc__):
        for word in ("supported", "partly supported", "not testable", "assumption"):
            assert word in doc


@pytest.mark.parametrize("claim_id", load("claims")["claim_id"].tolist())
def test_every_stored_verdict_is_the_one_the_rule_derives(claim_id, ledger):
    """The rule applied to every claim: data/claims.csv's verdict is only the expectation."""
    stored = cell(ledger, claim_id=claim_id)["verdict"]
    found = claims.comparisons(claim_id)
    assert claims.verdict(claim_id) == claims.verdict_from_evidence(found) == stored
    # a claim with an evidence function makes at least one comparison the numbers decide
    if claim_id in claims.EVIDENCE:
        assert any(c.counts_as != U for c in found), claim_id
        assert all(c.what for c in found)
    else:
        assert found == ()


def test_production_services_balance_breaks_park_by_park():
    found = {c.what.split(" (")[0]: c for c in claims.comparisons("production-services-balance")}
    assert found["ABI"].outcome == D and "9 manufacturing vs 3 services" in found["ABI"].what
    assert found["KGP"].outcome == D and "12 manufacturing vs 3 services" in found["KGP"].what
    assert found["ATP"].outcome == A
    # the pooled balance and PPV's even split rest on PPV's 90 firms, flagged by the audit
    pooled = next(c for c in found.values() if c.what.startswith("pooled"))
    for c in (pooled, found["PPV"]):
        assert c.outcome == A and c.counts_as == U
        assert "table-05-ppv-firms-exceed-tenants" in c.rests_on
        assert "90 PPV firms" in c.rests_on and "46 tenants" in c.rests_on
    assert claims.verdict("production-services-balance") == claims.PARTLY
    evidence = claims.evidence_production_services_balance()
    assert "table-05-ppv-firms-exceed-tenants" in evidence.sentence
    assert evidence.values["largest_park_tenants"] == value(
        "table-02", park="PPV", attribute="tenants_2004"
    )
    from helpers import audit

    assert audit.finding("table-05-ppv-firms-exceed-tenants").severity == "inconsistency"


def test_higher_education_verdict_follows_its_reasoning(ledger):
    found = claims.comparisons("higher-education-links")
    outcomes = {c.what: c.outcome for c in found}
    assert outcomes["links outside more frequent"] == D
    assert outcomes["joint development: links outside more intense"] == A
    assert outcomes["joint production: links outside more intense"] == U  # blank outside
    assert claims.verdict("higher-education-links") == claims.PARTLY
    reasoning = cell(ledger, claim_id="higher-education-links")["reasoning"]
    assert "holds for intensity and fails for frequency" in reasoning
    assert "The frequency and intensity of linkages" in reasoning


def test_cash_flow_is_read_as_the_finance_barrier_only_as_an_assumption(ledger):
    found = claims.comparisons("cash-flow-rent")
    cash = [c for c in found if "cash-flow" in c.what]
    assert cash and all(c.rests_on and c.counts_as == U for c in cash)
    assert all("not cash flow" in c.rests_on for c in cash)
    rent = [c for c in found if "rent" in c.what and not c.rests_on]
    assert rent and all(c.outcome == A for c in rent)
    assert claims.verdict("cash-flow-rent") == claims.PARTLY
    assert "assumption" in cell(ledger, claim_id="cash-flow-rent")["reasoning"]


def test_ledger_view_shows_the_comparisons_and_derived_verdicts(ledger):
    view = claims.ledger_view(ledger, testable=True)
    row = view[view["Claim"].str.contains("cash flow")].iloc[0]
    assert "Compared: " in row["Evidence"] and "counted as untestable" in row["Evidence"]
    assert row["Verdict"] == "Partly supported"
    # the verdict shown is derived, not read from the CSV
    changed = ledger.copy()
    changed["verdict"] = claims.SUPPORTED
    assert (
        claims.ledger_view(changed, testable=True)["Verdict"].tolist() == view["Verdict"].tolist()
    )
    assert claims.verdict_counts_data(changed).equals(claims.verdict_counts_data(ledger))
