"""Table 14 (the catalogue of innovations) and the redrawn Figure 7."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers import catalogue, load  # noqa: E402
from helpers.data.recompute import cell, rows  # noqa: E402
from helpers.display.diagrams import diagram_data  # noqa: E402

STAGES_TOP_DOWN = [
    "technical_documentation_or_patent",
    "passed_experimental",
    "passed_industrial_pilot",
    "ready_for_introduction",
]


@pytest.fixture(scope="module")
def table_14() -> pd.DataFrame:
    return load("table-14")


@pytest.fixture(scope="module")
def funnel(table_14) -> pd.DataFrame:
    return catalogue.stage_funnel_data(table_14)


# --- Table 14 ------------------------------------------------------------------------------


def test_table_view_is_table_14_in_the_papers_order(table_14):
    view = catalogue.table_14_view(table_14)
    assert list(view.columns) == [
        "Stage of development",
        "Number of developments",
        "Share of developments (%)",
    ]
    counts = rows(table_14, measure="n_developments").sort_values("stage_order")
    shares = rows(table_14, measure="share_of_developments").sort_values("stage_order")
    assert view["Stage of development"].tolist() == counts["stage_label"].tolist()
    assert view["Number of developments"].tolist() == counts["value"].tolist()
    assert view["Share of developments (%)"].tolist() == shares["value"].tolist()
    assert view["Stage of development"].iloc[-1] == "Total"


def test_funnel_runs_from_the_earliest_stage_to_ready_for_introduction(funnel, table_14):
    assert funnel["stage"].tolist() == STAGES_TOP_DOWN
    # The paper's stage_order counts from the most advanced stage: the funnel reverses it.
    orders = [
        cell(table_14, stage=s, measure="n_developments")["stage_order"] for s in STAGES_TOP_DOWN
    ]
    assert orders == sorted(orders, reverse=True)


def test_funnel_counts_shares_and_labels_are_the_printed_cells(funnel, table_14):
    for row in funnel.itertuples(index=False):
        count = cell(table_14, stage=row.stage, measure="n_developments")
        printed_share = cell(table_14, stage=row.stage, measure="share_of_developments")
        assert row.n_developments == count["value"]
        assert row.share == printed_share["value"]
        assert row.label == f"{count['printed']} ({printed_share['printed']})"
        assert row.stage_label == count["stage_label"]
    total = cell(table_14, stage="total", measure="n_developments")["value"]
    assert funnel["n_developments"].sum() == total
    ready = cell(funnel, stage="ready_for_introduction")
    assert ready["recomputed_share"] == pytest.approx(100 * ready["n_developments"] / total)


def test_funnel_chart_draws_the_data(funnel):
    fig = catalogue.stage_funnel_chart(funnel)
    ax = fig.axes[0]
    bars = ax.patches
    assert [bar.get_width() for bar in bars] == funnel["n_developments"].tolist()
    # Centred: each bar runs from -width/2 to +width/2.
    for bar in bars:
        assert bar.get_x() == pytest.approx(-bar.get_width() / 2)
    # Earliest stage at the top: the y axis is inverted and the first bar sits at 0.
    assert ax.yaxis_inverted()
    assert bars[0].get_y() + bars[0].get_height() / 2 == pytest.approx(0)
    ticks = [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()]
    assert ticks == funnel["stage_label"].tolist()
    labels = [t.get_text() for t in ax.texts]
    assert labels == funnel["label"].tolist()
    assert ax.get_xlabel().startswith("Number of developments")


def test_catalogue_values_are_the_counts_and_printed_shares_of_table_14(table_14):
    values = catalogue.catalogue_values(table_14)
    ready = cell(table_14, stage="ready_for_introduction", measure="n_developments")
    total = cell(table_14, stage="total", measure="n_developments")
    share = cell(table_14, stage="ready_for_introduction", measure="share_of_developments")
    assert values["ready"] == int(ready["printed"]) and values["total"] == int(total["printed"])
    assert values["ready_share"] == share["printed"]
    assert values["ready_recomputed"] == f"{100 * ready['value'] / total['value']:.1f}%"
    assert values["share_check"] == "agrees"
    assert values["earlier"] == int(total["value"] - ready["value"])
    assert values["stages_add_up"] == "add up to"
    # The prose calls the earliest stage the largest group: it is.
    counts = rows(table_14, measure="n_developments")
    stages = counts[counts["stage"] != "total"]
    earliest = stages.sort_values("stage_order").iloc[-1]
    assert values["earliest"] == earliest["value"] == stages["value"].max()
    printed = cell(table_14, stage=earliest["stage"], measure="share_of_developments")
    assert values["earliest_share"] == printed["printed"]
    # Values as the prose shows them: ints or strings, never floats.
    assert all(type(v) in (int, str) for v in values.values())


def test_catalogue_values_say_when_the_stages_miss_the_total(table_14):
    changed = table_14.copy()
    row = (changed["stage"] == "passed_experimental") & (changed["measure"] == "n_developments")
    changed.loc[row, "value"] -= 1
    values = catalogue.catalogue_values(changed)
    assert values["stages_add_up"] == "add up to 204, not"


def test_funnel_caption_is_written_from_the_data(funnel):
    caption = catalogue.stage_funnel_caption(funnel)
    first, last = funnel.iloc[0], funnel.iloc[-1]
    assert f"({first['n_developments']}, {first['share_printed']}) at the top" in caption
    assert f"({last['n_developments']}, {last['share_printed']}) at the bottom" in caption
    # Table 14's counts rise again between two stages: the caption must not call it a funnel
    # that shrinks at every step.
    counts = funnel["n_developments"].tolist()
    assert any(a < b for a, b in zip(counts, counts[1:], strict=False))
    assert "do not shrink at every step" in caption
    shrinking = funnel.sort_values("n_developments", ascending=False).reset_index(drop=True)
    assert "The counts shrink at every step." in catalogue.stage_funnel_caption(shrinking)


# --- Figure 7 ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def figure_07() -> pd.DataFrame:
    return load("figure-07")


@pytest.fixture(scope="module")
def drawing(figure_07) -> pd.DataFrame:
    return diagram_data("figure-07", figure_07)


def test_figure_07_data_holds_the_words_of_the_figure(figure_07):
    assert figure_07["element_id"].is_unique
    assert set(figure_07["source"]) == {"Figure 7"}
    assert set(figure_07["group"]) == {"rd_institutes", "competence_ladder", "gap", "policy"}
    labels = set(figure_07["label"])
    for words in [
        "R&D Institutes",
        "Fundamental science",
        "Applied R&D",
        "Development",
        "Policy focus",
        "Competence ladder of Kazakh enterprises",
        "Commercialisation of R&D results",
        "?? Implementation Gap ??",
        "Technopark",
    ]:
        assert words in labels
    # The extraction's fragments are kept verbatim beside the cleaned labels.
    flow = cell(figure_07, element_id="commercialisation")
    assert flow["printed"] == "Co | mer | ciaIi | R&D | lts"
    assert figure_07["note"].notna().all()


def test_ladder_rungs_run_from_traditional_smes_to_rd_active(figure_07):
    rungs = rows(figure_07, role="rung").sort_values("order")
    assert rungs["order"].tolist() == [1, 2, 3, 4, 5]
    assert rungs["label"].iloc[0].startswith("Small and medium sized enterprises")
    assert rungs["label"].iloc[-1] == "R&D active enterprises"
    # The paper prints the rungs top to bottom: the highest rung first in the file.
    assert rungs["element_id"].tolist()[::-1] == rows(figure_07, role="rung")["element_id"].tolist()


def test_figure_07_view_lists_every_element_with_its_printed_text(figure_07):
    view = catalogue.figure_07_view(figure_07)
    assert list(view.columns) == [
        "Part",
        "Label",
        "Description",
        "As printed in the flattened text",
        "Our reading",
    ]
    assert sorted(view["Label"]) == sorted(figure_07["label"])
    assert view["Part"].drop_duplicates().tolist() == [
        "R&D institutes",
        "Implementation gap",
        "Competence ladder",
        "Policy focus",
    ]
    ladder = view[view["Part"] == "Competence ladder"]["Label"].tolist()
    assert ladder[0] == "Competence ladder of Kazakh enterprises"  # heading first
    assert ladder[1] == "R&D active enterprises"  # then the top rung down
    assert ladder[-1].startswith("Small and medium sized enterprises")


def test_figure_07_caption_is_written_from_the_drawing(drawing):
    caption = catalogue.figure_07_caption(drawing)
    assert caption.startswith("Figure 7 redrawn from its words.")
    assert "from fundamental science through applied R&D to development" in caption
    assert "the commercialisation of R&D results leading into the implementation gap" in caption
    assert "'Policy focus' marker pointing at the R&D institutes and the technopark" in caption
    assert (
        "from small and medium sized enterprises in traditional technologies (bottom rung) to "
        "R&D active enterprises (top rung)" in caption
    )
    assert "dashed arrow from the technopark towards the competence ladder" in caption
    # The caption follows the drawn arrows: without the bridge it does not mention one.
    no_bridge = drawing[~drawing["from_id"].eq("technopark")]
    assert "dashed arrow" not in catalogue.figure_07_caption(no_bridge)
