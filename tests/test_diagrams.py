"""Figures 1-3 and 7 redrawn from data: what is drawn matches the CSV, and text fits its boxes."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch  # noqa: E402

from helpers import load  # noqa: E402
from helpers.data.datapackage import resource  # noqa: E402
from helpers.display import diagrams

NAMES = ["figure-01", "figure-02", "figure-03"]  # boxes with statuses, lines stored as rows
ALL = list(diagrams.DIAGRAMS)


@pytest.fixture(scope="module")
def drawn() -> dict[str, tuple[pd.DataFrame, object, object]]:
    """Each diagram's data, figure and a renderer that has drawn it."""
    result = {}
    for name in ALL:
        data = diagrams.diagram_data(name)
        fig = diagrams.diagram_chart(data, name)
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        result[name] = (data, fig, canvas.get_renderer())
    return result


def _by_gid(fig, kind) -> dict[str, object]:
    ax = fig.axes[0]
    artists = [*ax.patches, *ax.texts]
    return {a.get_gid(): a for a in artists if isinstance(a, kind) and a.get_gid()}


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name", NAMES)
def test_one_box_per_box_row(name, drawn):
    data, fig, _ = drawn[name]
    csv = load(name)
    box_rows = csv[csv["role"].isin(diagrams.BOX_ROLES)]
    boxes = {g for g in _by_gid(fig, FancyBboxPatch) if g.startswith("box:")}
    assert boxes == {f"box:{e}" for e in box_rows["element_id"]}
    frames = {g for g in _by_gid(fig, FancyBboxPatch) if g.startswith("frame:")}
    assert frames == {f"frame:{e}" for e in csv.loc[csv["role"] == "frame", "element_id"]}


@pytest.mark.parametrize("name", NAMES)
def test_every_label_in_the_data_is_drawn_as_text(name, drawn):
    _, fig, _ = drawn[name]
    csv = load(name)
    texts = [_flat(t.get_text()) for t in fig.axes[0].texts]
    labels = csv["label"].dropna()
    assert len(labels) > 0
    for label in labels:
        assert label in texts, label


@pytest.mark.parametrize("name", NAMES)
def test_every_line_and_arrow_is_drawn_between_its_boxes(name, drawn):
    data, fig, _ = drawn[name]
    csv = load(name)
    line_rows = csv[csv["role"].isin(diagrams.LINE_ROLES)]
    arrows = _by_gid(fig, FancyArrowPatch)
    expected = {f"{r.role}:{r.from_id}->{r.to_id}" for r in line_rows.itertuples()}
    assert set(arrows) == expected and len(arrows) == len(line_rows) > 0
    for gid, patch in arrows.items():
        heads = patch.get_arrowstyle().__class__.__name__
        assert (heads == "CurveFilledB") == gid.startswith("arrow:")
    _assert_lines_end_on_edges(data)


def _assert_lines_end_on_edges(data: pd.DataFrame) -> None:
    placed = data.set_index("element_id")
    for row in data[data["kind"] == "line"].itertuples():
        for x, y, end in ((row.x0, row.y0, row.from_id), (row.x1, row.y1, row.to_id)):
            box = placed.loc[end]
            on_x_edge = min(abs(x - box.x), abs(x - box.x - box.width)) < 1e-9
            on_y_edge = min(abs(y - box.y), abs(y - box.y - box.height)) < 1e-9
            inside_x = box.x - 1e-9 <= x <= box.x + box.width + 1e-9
            inside_y = box.y - 1e-9 <= y <= box.y + box.height + 1e-9
            assert (on_x_edge and inside_y) or (on_y_edge and inside_x), (row.element_id, end)


@pytest.mark.parametrize("name", ALL)
def test_text_stays_inside_its_box_and_the_canvas(name, drawn):
    _, fig, renderer = drawn[name]
    patches = _by_gid(fig, FancyBboxPatch)
    canvas = fig.bbox
    for text in fig.axes[0].texts:
        extent = text.get_window_extent(renderer)
        assert canvas.x0 <= extent.x0 and extent.x1 <= canvas.x1, text.get_text()
        assert canvas.y0 <= extent.y0 and extent.y1 <= canvas.y1, text.get_text()
        kind, _, element = (text.get_gid() or "").partition(":")
        # A box's label and status or description, or a frame's label (Figure 7's headings);
        # a text element (Figure 7's flow) has no box around it.
        owner = patches.get(f"box:{element}") or patches.get(f"frame:{element}")
        if kind in ("label", "status", "description") and owner is not None:
            box = owner.get_window_extent(renderer)
            assert box.x0 < extent.x0 and extent.x1 < box.x1, text.get_text()
            assert box.y0 < extent.y0 and extent.y1 < box.y1, text.get_text()


@pytest.mark.parametrize("name", ALL)
def test_boxes_do_not_overlap(name, drawn):
    data, _, _ = drawn[name]
    boxes = data[data["kind"] == "box"]
    for i, a in enumerate(boxes.itertuples()):
        for b in list(boxes.itertuples())[i + 1 :]:
            apart = (
                a.x + a.width <= b.x
                or b.x + b.width <= a.x
                or a.y + a.height <= b.y
                or b.y + b.height <= a.y
            )
            assert apart, (a.element_id, b.element_id)


@pytest.mark.parametrize("name", NAMES)
def test_status_is_shown_in_words_and_by_colour_and_line_style(name, drawn):
    data, fig, _ = drawn[name]
    texts = {t.get_gid(): _flat(t.get_text()) for t in fig.axes[0].texts if t.get_gid()}
    patches = _by_gid(fig, FancyBboxPatch)
    with_status = data[data["status"].notna()]
    assert len(with_status) > 0
    for row in with_status.itertuples():
        assert row.status in texts[f"status:{row.element_id}"]
        style = diagrams.TONE_STYLES[diagrams.STATUS_TONES[row.status]]
        patch = patches[f"box:{row.element_id}"]
        assert to_hex(patch.get_edgecolor()) == to_hex(style["color"])
    tones = {diagrams.STATUS_TONES[s] for s in with_status["status"]}
    looks = {
        (diagrams.TONE_STYLES[t]["color"], diagrams.TONE_STYLES[t]["linestyle"]) for t in tones
    }
    colours = {c for c, _ in looks}
    styles = {s for _, s in looks}
    assert len(colours) == len(styles) == len(tones)  # each tone differs in colour AND style


def test_figure_1_prints_statuses_as_the_figure_does(drawn):
    _, fig, _ = drawn["figure-01"]
    texts = {_flat(t.get_text()) for t in fig.axes[0].texts}
    assert {"- ESTABLISHED -", "- EMERGING -", "- NON-EXISTENT -"} <= texts


def test_statuses_from_the_text_are_flagged_as_such(drawn):
    for name in ("figure-02", "figure-03"):
        data, fig, _ = drawn[name]
        texts = [t for t in fig.axes[0].texts if (t.get_gid() or "").startswith("status:")]
        assert texts and all(t.get_text().startswith("In the text: ") for t in texts)
        assert all(t.get_fontstyle() == "italic" for t in texts)
        assert (data.loc[data["status"].notna(), "status_source"] != name.title()).all()


def test_figure_3_footnote_and_key(drawn):
    _, fig, _ = drawn["figure-03"]
    texts = {t.get_gid(): _flat(t.get_text()) for t in fig.axes[0].texts if t.get_gid()}
    assert texts["footnote-heading"] == "Footnote 7 of the paper, to the caption:"
    assert "Pavitt\u2019s (1984) taxonomy" in texts["footnote:f3-footnote"]
    assert "are ours" in texts["key"]


def test_figure_3_demand_arrows_reach_the_ntbf_frame(drawn):
    data, _, _ = drawn["figure-03"]
    arrows = data[data["role"] == "arrow"]
    assert set(arrows["to_id"]) == {"f3-ntbf-frame"}
    assert set(arrows["from_id"]) == set(
        data.loc[(data["role"] == "sector") & (data["group"] != diagrams.NTBF_GROUP), "element_id"]
    )
    assert (arrows["y0"] == arrows["y1"]).all()  # straight across
    tones = arrows.set_index("from_id")["tone"]
    assert tones["f3-resource-based"] == "favourable"
    assert tones["f3-scale-intensive"] == "unfavourable"


def test_wrap_to_width_keeps_lines_within_the_width():
    text = load("figure-02").set_index("element_id").loc["f2-route-export", "label"]
    lines = diagrams.wrap_to_width(text, 2.0, 11)
    assert " ".join(lines) == text and len(lines) > 1
    assert all(diagrams.text_width(line, 11) <= 2.0 for line in lines)
    assert diagrams.text_width("", 11) == 0.0


def test_status_text_and_tone():
    assert diagrams.status_text("EMERGING", "Figure 1", "Figure 1") == "- EMERGING -"
    assert diagrams.status_text(pd.NA, pd.NA, "Figure 1") == ""
    assert diagrams.status_text("x", "Section 3", "Figure 3") == "In the text: x"
    assert diagrams.tone(pd.NA, diagrams.NTBF_GROUP) == "ntbf"
    assert diagrams.tone(pd.NA, pd.NA) == "neutral"
    with pytest.raises(KeyError):
        diagrams.tone("an unknown status")


def test_every_status_in_the_data_has_a_tone():
    for name in NAMES:
        statuses = set(load(name)["status"].dropna())
        assert statuses <= set(diagrams.STATUS_TONES), name


def test_unknown_diagram_is_refused():
    with pytest.raises(KeyError, match="no diagram named"):
        diagrams.diagram_data("figure-04")


@pytest.mark.parametrize("name", NAMES)
def test_describe_names_every_box_status_and_connection(name):
    data = diagrams.diagram_data(name)
    words = diagrams.describe(data)
    for row in data[data["kind"] == "box"].itertuples():
        assert f"'{row.label}'" in words
        if isinstance(row.status, str):
            assert f"status '{row.status}'" in words
    kind = "Arrows" if name != "figure-01" else "Lines"
    assert f"{kind} run " in words and f"The layout and the {kind.lower()} are ours." in words


def test_figure_1_description_reads_heading_to_legs():
    words = diagrams.describe(diagrams.diagram_data("figure-01"))
    assert "Lines run from the heading to Policy for public R&D and technology institutes;" in words
    assert "with status 'NON-EXISTENT' (as printed)" in words


@pytest.mark.parametrize("name", NAMES)
def test_reading_notes_list_the_descriptor_notes(name):
    html = diagrams.reading_notes(name).data
    assert html.startswith("<details>") and html.count("<li>") == len(resource(name)["notes"])
    assert f"How Figure {int(name[-2:])} was read from the paper's text" in html


# --- Figure 7: kinds, tones and arrows derived from the roles -------------------------------


def test_figure_7_draws_every_element_with_its_words(drawn):
    data, fig, _ = drawn["figure-07"]
    csv = load("figure-07")
    texts = {t.get_gid(): _flat(t.get_text()) for t in fig.axes[0].texts if t.get_gid()}
    for row in csv.itertuples():
        assert texts[f"label:{row.element_id}"] == row.label
    for rung in csv[csv["role"] == "rung"].itertuples():
        assert texts[f"description:{rung.element_id}"] == rung.description
    patches = set(_by_gid(fig, FancyBboxPatch))
    framed = csv["role"].isin(["heading", "gap"])
    assert {f"frame:{e}" for e in csv.loc[framed, "element_id"]} <= patches
    boxed = csv["role"].isin(["stage", "rung", "technopark", "marker"])
    assert {g for g in patches if g.startswith("box:")} == {
        f"box:{e}" for e in csv.loc[boxed, "element_id"]
    }
    assert "box:commercialisation" not in patches  # the flow is text between arrows
    assert "are ours" in texts["key"]


def test_figure_7_arrows_follow_the_linear_model(drawn):
    data, fig, _ = drawn["figure-07"]
    arrows = _by_gid(fig, FancyArrowPatch)
    chain = ["fundamental_science", "applied_rd", "development", "commercialisation", "technopark"]
    expected = {f"arrow:{a}->{b}" for a, b in zip(chain, chain[1:], strict=False)}
    expected |= {
        "arrow:technopark->competence_ladder",
        "arrow:policy_focus->rd_institutes",
        "arrow:policy_focus->technopark",
    }
    assert set(arrows) == expected
    _assert_lines_end_on_edges(data)
    tones = data[data["kind"] == "line"].set_index("to_id")["tone"]
    assert tones["competence_ladder"] == "gap"  # the bridge the text doubts: dashed
    assert diagrams.TONE_STYLES["gap"]["linestyle"] == "dashed"
    assert arrows["arrow:technopark->competence_ladder"].get_linestyle() == "dashed"
    assert tones["rd_institutes"] == "policy"
    # Flow and bridge run straight across at the technopark's height.
    across = data[data["from_id"].isin(["commercialisation", "technopark"])]
    assert len(across) == 2 and (across["y0"] == across["y1"]).all()


def test_figure_7_columns_hold_their_parts(drawn):
    data, _, _ = drawn["figure-07"]
    at = data.set_index("element_id")

    def inside(inner: str, outer: str) -> bool:
        a, b = at.loc[inner], at.loc[outer]
        return (
            b.x <= a.x
            and a.x + a.width <= b.x + b.width
            and b.y <= a.y
            and a.y + a.height <= b.y + b.height
        )

    institutes, gap, ladder = (
        at.loc["rd_institutes"],
        at.loc["implementation_gap"],
        at.loc["competence_ladder"],
    )
    assert institutes.x + institutes.width < gap.x < gap.x + gap.width < ladder.x
    assert inside("technopark", "implementation_gap")
    marker = at.loc["policy_focus"]
    assert marker.y > gap.y + gap.height  # the marker stands above the gap
    for role, column in (("stage", "rd_institutes"), ("rung", "competence_ladder")):
        ordered = data[data["role"] == role].sort_values("order")
        assert all(inside(e, column) for e in ordered["element_id"])
        assert ordered["y"].is_monotonic_increasing, role  # order 1 lowest
    rungs = data[data["role"] == "rung"].sort_values("order")
    assert rungs["tint"].is_monotonic_decreasing  # higher rungs darker
