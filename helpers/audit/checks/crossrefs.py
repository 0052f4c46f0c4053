"""Cross-references: every 'Table N', 'Figure N' and 'Section N' the paper's prose mentions.

:func:`mentions_in` enumerates them in the paper's text (whitespace folded): 'Table 4',
'table 4', 'Figures 2 and 3', 'Section 3'; a caption ('Table 4:', 'Figure 1.' followed by
its title) is not a mention, and a table of a cited work ('Kembaev et al. 2001, Table 14')
is marked external.  :data:`MENTIONS` stores them, each with the words of its sentence
that precede it (the claim it supports), so the audit runs without the paper's text;
``tests/test_audit_citations.py`` checks the two agree.

Each mention is checked twice: the target exists (Tables 1-14; the figures as numbered in
the captions, 1-4 and 7; the sections as numbered in the headings, 1-4), and the claim
shares at least one word stem with the target's vocabulary (its title and description in
data/datapackage.json, its fields' titles and the labels in its rows), leaving out words
every part of the paper uses (technopark, firm, Kazakhstan...).  A mention whose target is
missing or whose claim shares nothing with it is a finding, unless an existing finding
already reports it (:data:`REPORTED`): then the existing finding is the one counted.  Legend
lines point to a table that defines the park codes, so their check is that the target
has a park column.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ...data.datapackage import package, paper_number
from ..model import Audit
from .paper import PRINTED_FIGURE_NUMBERS

# Section numbers the headings print ('1. INTRODUCTION' ... '4. POLICY ISSUES ...').
HEADINGS = {
    1: ["Introduction"],
    2: ["Technoparks in international perspective: a realist's overview"],
    3: [
        "Technoparks as mechanisms to promote innovation and diversify the Kazakhstan economy:"
        " a conceptual assessment"
    ],
    4: [
        "Analysis of currently operating technoparks in Kazakhstan based on questionnaires",
        "Policy issues and conclusions",
    ],
}
TABLES = range(1, 15)

_MENTION = re.compile(
    r"\b(Table|Figure|Section)s?\s+(\d+)\b(?:\s+and\s+(\d+)\b)?(?!\s*[:.]\s*[A-Z])", re.I
)
# Words too common in the paper to tie a sentence to one table.
_COMMON = {
    "techn",
    "kazak",
    "firms",
    "firm",
    "their",
    "which",
    "there",
    "these",
    "those",
    "other",
    "insid",
    "outsi",
    "shows",
    "table",
    "figur",
    "secti",
    "about",
    "being",
    "based",
    "paper",
    "avera",
    "numbe",
    "share",
    "total",
    "value",
    "scale",
    "where",
    "with",
    "from",
    "that",
    "this",
    "than",
    "have",
    "were",
    "only",
    "some",
    "more",
    "most",
    "also",
    "into",
    "respo",
    "quest",
    "sourc",
    "data",
    "printed",
    "print",
    "resou",
    "measu",
    "stand",
}


_HEADING = re.compile(r"(?<![\d.,])\b([1-9])\. [A-Z]{4,}\b")
_LEGEND = re.compile(r"Legend: see [Tt]able \d+ ")
_BOUNDS = (". ", "Questionnaire ", "36 replies ", "Questionnaire, ")


class Mention(NamedTuple):
    kind: str  # 'table', 'figure' or 'section'
    number: int
    printed: str  # the mention as printed: 'see Table 1', '(table 3)'
    claim: str  # the sentence it stands in
    section: int  # the numbered section it stands in
    external: bool = False


# Every cross-reference of the text, in reading order (from :func:`mentions_in`).
MENTIONS = (
    Mention(
        "section",
        2,
        "Section 2",
        "Section 2 reviews the literature on technoparks",
        1,
    ),
    Mention(
        "section",
        3,
        "Section 3",
        "Section 3 analyses technoparks in conceptual terms, as instruments to promote "
        "innovation and diversification in the Kazakhstan economy",
        1,
    ),
    Mention(
        "section",
        3,
        "Section 3",
        "Section 3 analyses Kazakh technoparks based on survey and interviews and",
        1,
    ),
    Mention(
        "section",
        4,
        "Section 4",
        "Section 3 analyses Kazakh technoparks based on survey and interviews and "
        "Section 4 discusses policy options for innovation promotion and summarises the "
        "key points",
        1,
    ),
    Mention(
        "table",
        1,
        "Table 1",
        "Table 1 shows the institutional structure of Kazakhstan compared to the EU and "
        "North America in this regard",
        3,
    ),
    Mention(
        "figure",
        1,
        "figure 1",
        "In conceptual terms we should see a shift from a one to a three-leg innovation "
        "policy (see figure 1)",
        3,
    ),
    Mention(
        "figure",
        2,
        "Figure 2",
        "Figure 2 shows that NTBFs could operate as an independent export-led source of "
        "growth and diversification of the industrial structure (similar to the Indian "
        "software industry), or as a complement to large firm growth in resource- and "
        "scale-intensive sectors",
        3,
    ),
    Mention(
        "figure",
        2,
        "Figures 2 and 3",
        "An alternative route is development of the NTBF sector as an indispensable "
        "complement to the growth of large firms in resource- and scale-intensive "
        "sectors (see Figures 2 and 3)",
        3,
    ),
    Mention(
        "figure",
        3,
        "Figures 2 and 3",
        "An alternative route is development of the NTBF sector as an indispensable "
        "complement to the growth of large firms in resource- and scale-intensive "
        "sectors (see Figures 2 and 3)",
        3,
    ),
    Mention(
        "figure",
        3,
        "Figure 3",
        "Figure 3 illustrates why the generation of new sources of growth through NTBFs, "
        "and technoparks as mechanisms of support for NTBFs, faces such difficulties",
        3,
    ),
    Mention(
        "table",
        2,
        "Table 2",
        "Our sample consists of data from five major technoparks (see Table 2)",
        4,
    ),
    Mention(
        "table",
        2,
        "Table 2",
        "$66K (2003) Estimated value added of TP (scale 1-5) 2.5 2 3.5 3 2 Kazakh "
        "technoparks are relatively young and small endeavours, housing between 16 and "
        "46 enterprises not all of which are commercially active (Table 2)",
        4,
    ),
    Mention(
        "table",
        3,
        "Table 3",
        "They employ some 200 to over 300 people (Table 3)",
        4,
    ),
    Mention(
        "table",
        3,
        "table 3",
        "There is no significant difference in the age and working experience in the "
        "area of venture between entrepreneurs inside technoparks and the sample of "
        "other firms (table 3)",
        4,
    ),
    Mention(
        "table",
        1,
        "Table 1",
        "Legend: see Table 1 Firms inside parks are on average much smaller and younger "
        "than firms outside parks (Table 4)",
        4,
    ),
    Mention(
        "table",
        4,
        "Table 4",
        "Firms inside parks are on average much smaller and younger than firms outside "
        "parks (Table 4)",
        4,
    ),
    Mention(
        "table",
        4,
        "table 4",
        "The average employment in firms inside technoparks is 12 and outside it is 61 (table 4)",
        4,
    ),
    Mention(
        "table",
        1,
        "Table 1",
        "Legend: see Table 1 Almost half of firms inside technoparks (45%) are service "
        "oriented while our sample of firms outside technoparks mainly includes "
        "manufacturing or product oriented firms (Table 5)",
        4,
    ),
    Mention(
        "table",
        5,
        "Table 5",
        "Almost half of firms inside technoparks (45%) are service oriented while our "
        "sample of firms outside technoparks mainly includes manufacturing or product "
        "oriented firms (Table 5)",
        4,
    ),
    Mention(
        "table",
        4,
        "Table 4",
        "This partly explains the big differences in the average sizes of the two groups "
        "of enterprises (Table 4)",
        4,
    ),
    Mention(
        "table",
        6,
        "Table 6",
        "A specific feature of Kazakh parks is that they are also inhabited by low-tech "
        "firms active in traditional areas (Table 6)",
        4,
    ),
    Mention(
        "table",
        7,
        "table 7",
        "On average, 90% of their sales are destined for the local market and only 9% "
        "for the national market (table 7)",
        4,
    ),
    Mention(
        "table",
        3,
        "table 3",
        "Legend: see table 3 We collected data on product novelty from firms inside and "
        "outside technoparks in different markets (local, national and international)",
        4,
    ),
    Mention(
        "figure",
        4,
        "Figure 4",
        "Figure 4 shows that 39.4% technopark firms are local innovators, and 15.2% are "
        "national innovators",
        4,
    ),
    Mention(
        "figure",
        4,
        "figure 4",
        "A comparison of innovativeness between firms inside and outside technoparks "
        "(ignoring the above mentioned marginal number of souvenir and musical "
        "instrument producers) shows that they are very similar (figure 4)",
        4,
    ),
    Mention(
        "table",
        8,
        "Table 8",
        "Rent is relevant for only 50% of firms (Table 8), but for these 50% it is a "
        "very important factor",
        4,
    ),
    Mention(
        "table",
        9,
        "Table 9",
        "Access to finance and access to technology were indicated by 87% and 79% of "
        "firms respectively as the key barriers to growth (Table 9)",
        4,
    ),
    Mention(
        "table",
        10,
        "Table 10",
        "For firms outside technoparks finance and access to foreign markets are the "
        "most important factors affecting growth (Table 10)",
        4,
    ),
    Mention(
        "table",
        11,
        "Table 11",
        "Responses from technopark firms point to a favourable perception of the value "
        "added from location in a technopark (average rating 3.5) (see Table 11)",
        4,
    ),
    Mention(
        "table",
        1,
        "Table 1",
        "However, the perception of technopark directors is somewhat lower ranging "
        "between 2 and 3 (see Table 1)",
        4,
    ),
    Mention(
        "table",
        12,
        "table 12",
        "Almost all of the 16 Karaganda technopark firms have used the various services "
        "available, while only 20% of Almaty technopark firms have done so (table 12)",
        4,
    ),
    Mention(
        "table",
        3,
        "table 3",
        "Legend: see table 3 Linkages among firms within technoparks are part of the "
        "value added offered to tenants is",
        4,
    ),
    Mention(
        "table",
        13,
        "Table 13",
        "Table 13 ranks the frequency and perception of intensity of linkages with firms "
        "inside the technopark, as well as linkages with firms outside the technopark",
        4,
    ),
    Mention(
        "table",
        13,
        "Table 13",
        "In addition, the intensity of linkages of firms outside technoparks with higher "
        "education institutions is surprisingly strong when compared to technopark firms "
        "(Table 13)",
        4,
    ),
    Mention(
        "figure",
        7,
        "Figure 7",
        "Figure 7 depicts the nature of the problem by highlighting the implementation "
        "gap between the capabilities of Kazakhstan enterprises and the nature of "
        "‘supply' from R&D institutes",
        4,
    ),
    Mention(
        "table",
        14,
        "Table 14",
        "2001, Table 14, p",
        4,
        True,
    ),
    Mention(
        "figure",
        7,
        "Figure 7",
        "Figure 7: The linear innovation model logic that underpins the innovation "
        "policy of Kazakhstan and its problems8 R&D Institutes Fundamental science "
        "Applied R&D Development Policy focus R&D - R&D department or equivalent active "
        "- they have a long term view on enterprises development of their capabilities "
        "Competence ladder of Kazakh enterprises Technologically - engineering "
        "department competent - limited freedom in funding enterprises innovation "
        "Absorptive - capable to participate capacity in technological networks "
        "Enterprises with minimal capabilities - capable to adopt 'packaged solutions - "
        "need assistance in implementation Small and medium sized enterprises in "
        "traditional technologies - not significant technological capabilities - do not "
        "perceive strong need for technology - possibly do not need technology Co mer "
        "ciaIi R&D lts ?? Implementation Gap ??Technopark In practice, the size and "
        "nature of the implementation gap remains a huge problem within this policy "
        "framework (Figure 7)",
        4,
    ),
    Mention(
        "table",
        14,
        "Table 14",
        "This catalogue collects the most promising commercial developments from the "
        "Kazakhstan R&D system (Table 14)",
        4,
    ),
)


def mentions_in(text: str) -> list[Mention]:
    """Every cross-reference in ``text``, in reading order."""
    text = " ".join(text.split()).replace("\u2019", "'")
    out = []
    for m in _MENTION.finditer(text):
        start = max(text.rfind(b, 0, m.start()) + len(b) for b in _BOUNDS)
        legends = [e.end() for e in _LEGEND.finditer(text, 0, m.start())]
        start = max([start, *legends])
        ends = [". ", " Table ", " Section "] if m.group(1) == "Section" else [". ", " Table "]
        stop = min([i for i in (text.find(e, m.end()) for e in ends) if i > 0] or [len(text)])
        claim = text[start:stop].strip()
        external = bool(re.search(r"(?:19|20)\d\d[ab]?,\s*$", text[: m.start()]))
        numbers = [int(m.group(2))] + ([int(m.group(3))] if m.group(3) else [])
        for n in numbers:
            section = [int(h.group(1)) for h in _HEADING.finditer(text, 0, m.start())]
            out.append(
                Mention(m.group(1).lower(), n, m.group(0), claim, (section or [0])[-1], external)
            )
    return out


def _stems(text: str) -> set[str]:
    words = re.findall(r"[a-z]{4,}", text.lower())
    return {w[:5] for w in words} - _COMMON


def vocabulary(name: str, data_dir=None) -> set[str]:
    """Word stems of a resource: title, description, field titles, row labels."""
    from ...data.datapackage import load

    spec = next(r for r in package(data_dir)["resources"] if r["name"] == name)
    words = [spec.get("title", ""), spec.get("description", "")]
    words += [f.get("title", "") for f in spec["schema"]["fields"]]
    frame = load(name, data_dir)
    for column in frame.columns:
        if frame[column].dtype == object:
            words += [str(v) for v in frame[column].dropna().unique()]
    return _stems(" ".join(words))


# Mentions an existing finding already reports: (kind, number, words of the claim) -> id.
REPORTED = {
    ("table", 3, "They employ some 200"): "text-employment-wrong-table",
    ("table", 1, "perception of technopark directors"): "text-directors-wrong-table",
    ("table", 1, "Legend: see Table 1"): "structure-legend-see-table-1",
    ("table", 3, "Legend: see table 3"): "structure-legend-see-table-3",
    ("section", 3, "Section 3 analyses Kazakh technoparks"): "structure-section-numbering",
    ("table", 14, "2001,"): "text-kembaev-table-14",
}


def _reported(m: Mention) -> str | None:
    return next(
        (
            id
            for (kind, n, words), id in REPORTED.items()
            if (kind, n) == (m.kind, m.number) and words in m.claim
        ),
        None,
    )


def _target(m: Mention, data_dir) -> tuple[bool, str, set[str]]:
    """Whether the target exists, its name, and its vocabulary."""
    if m.kind == "section":
        titles = HEADINGS.get(m.number, [])
        names = _section_resources(m.number, data_dir)
        titles = titles + [r["title"] for r in package(data_dir)["resources"] if r["name"] in names]
        return bool(HEADINGS.get(m.number)), (names or ["literature"])[0], _stems(" ".join(titles))
    numbers = TABLES if m.kind == "table" else PRINTED_FIGURE_NUMBERS
    name = f"{m.kind}-{m.number:02d}"
    if m.number not in numbers:
        return False, name, set()
    return True, name, vocabulary(name, data_dir)


def _section_resources(number: int, data_dir) -> list[str]:
    """The paper's resources in a section (the tables, figures and literature it holds)."""
    return [
        r["name"]
        for r in package(data_dir)["resources"]
        if r.get("section", "").startswith(f"{number}. ")
        and (paper_number(r["name"]) or r["name"] == "literature")
    ]


def crossrefs(audit: Audit) -> None:
    """Every cross-reference: its target exists and the claim is about the target."""
    seen: dict[str, int] = {}
    for m in MENTIONS:
        label = f"{m.kind.title()} {m.number}"
        where = f"Section {m.section}, mention of {label}"
        base = f"xref-{m.kind}-{m.number}"
        seen[base] = seen.get(base, 0) + 1
        id = base + (f"-{seen[base]}" if seen[base] > 1 else "")
        exists, name, vocab = _target(m, audit.data_dir)
        legend = m.claim.startswith("Legend")
        if legend:
            shared = ["park"] if exists and "park" in audit.table(name).columns else []
        else:
            shared = sorted(_stems(m.claim.replace(m.printed, " ")) & vocab)
        resources = [name]
        if exists and shared:
            audit.confirm(
                id,
                resources,
                where,
                f"'{m.printed}' points to an existing {m.kind}"
                + (
                    " that defines the park codes"
                    if legend
                    else " whose subject the sentence shares"
                ),
                m.claim[:160],
                shared,
            )
            continue
        if _reported(m) or m.external:
            continue  # an existing finding reports it and is the one counted
        if exists and not legend and m.kind != "section" and not vocab & _stems(m.claim):
            # Nothing in common is not proof of a wrong target: the words may differ.
            audit.confirm(
                id,
                resources,
                where,
                f"'{m.printed}' points to an existing {m.kind} (subject not testable: the "
                "sentence shares no word with its title or rows)",
                m.claim[:160],
                [],
            )
            continue
        audit.find(
            f"text-xref-{m.kind}-{m.number}",
            resources,
            "error",
            "structure",
            printed=m.printed,
            recomputed={"exists": exists, "shared words": shared},
            where=where,
            message=f"The text refers to {label}, "
            + (
                "which the paper does not have."
                if not exists
                else "but the sentence is not about it."
            ),
            quote=(m.claim,),
        )
