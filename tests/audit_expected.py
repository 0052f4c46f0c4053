"""Every finding of the audit, pinned: severity, category, printed and recomputed values.

Shared by the audit's tests (``tests/test_audit_*.py``): a transcription change in data/ that
makes a finding appear, vanish or change fails them on purpose.
"""

EXPECTED = {
    "text-table-01-year": ("inconsistency", "text", {"text": 2000, "Table 1 heading": 2002}, None),
    "table-01-sectors-not-100": (
        "note",
        "arithmetic",
        {
            "Kazakhstan": [18.6, 22.2, 57.2],
            "North America": [59.3, 15.6, 10.2],
            "European Union": [52.5, 20.8, 16.2],
        },
        {"Kazakhstan": 98.0, "North America": 85.1, "European Union": 89.5},
    ),
    "text-table-01-three-times-lower": (
        "note",
        "text",
        "three times lower",
        {"North America": 3.19, "European Union": 2.82},
    ),
    "table-02-survival-rate-row": ("ambiguity", "structure", ["100", "85%", "100%"], None),
    "text-turnover-per-enterprise": (
        "note",
        "text",
        "around $5000",
        {
            "all 2004 tenants": {"KGP": 5.5, "KST": 2.54, "pooled": 3.67},
            "commercially active tenants": {"KGP": 5.5, "KST": 5.08, "pooled": 5.31},
        },
    ),
    "table-03-significance-untestable": (
        "note",
        "text",
        "no significant difference",
        {"age gap (years)": 3.0, "experience gap": 2.0},
    ),
    "text-employment-wrong-table": ("error", "text", "Table 3", "Table 4"),
    "structure-legend-see-table-1": ("error", "structure", "Legend: see Table 1", "Table 2"),
    "table-04-pooled-median-above-park-medians": (
        "inconsistency",
        "arithmetic",
        {"pooled median": 9.0, "ABI": 7.0, "ATP": 8.0, "KGP": 7.0, "PPV": 3.0},
        {"largest possible pooled median": 8.0},
    ),
    "table-04-pooled-average-vs-parks": (
        "inconsistency",
        "arithmetic",
        {"pooled average": 12.0, "employment": 1117.0},
        {
            "firms implied by the parks": [121, 136],
            "pooled average from them": [8.21, 9.23],
            "firms the printed average needs": [90, 97],
            "pooled average over Table 5's firms": 8.66,
        },
    ),
    "table-04-kgp-implied-firms-exceed-tenants": (
        "inconsistency",
        "cross-table",
        {
            "employment": 337.0,
            "average employment": 11.0,
            "Table 2 tenants 2004": 16.0,
            "Table 5 firms": 15.0,
            "Table 12 firms": 16.0,
        },
        {"implied firms": [30, 32]},
    ),
    "text-firm-age-14-vs-3": (
        "inconsistency",
        "text",
        {"text": [14.0, 3.0], "Table 4": [14.0, 5.0]},
        None,
    ),
    "firm-counts-surveyed-firms-out-tp": (
        "inconsistency",
        "cross-table",
        {
            "Section 4 (Analysis), Methodology (24)": "Table 4 (implies 29)",
            "Section 4 (Analysis), paragraph after Table 8 (24)": "Table 4 (implies 29)",
            "Table 5 (33)": "Table 4 (implies 29)",
        },
        None,
    ),
    "table-04-average-employment-weightings": (
        "inconsistency",
        "arithmetic",
        {"employment": "12"},
        {
            "unweighted": [9.75],
            "Table 2 tenants as of 2004": [8.75],
            "Table 2 tenants at establishment": [9.95],
            "Table 5 surveyed firms": [6.3],
            "Table 4 surveyed firms (implied)": [8.75],
        },
    ),
    "text-employment-range": (
        "note",
        "text",
        "some 200 to over 300 people",
        {"smallest": 191.0, "largest": 337.0},
    ),
    "table-05-ppv-firms-exceed-tenants": (
        "inconsistency",
        "cross-table",
        {
            "Table 5 firms": {"ABI": 12.0, "ATP": 12.0, "KGP": 15.0, "PPV": 90.0},
            "Table 2 tenants 2004": {"ABI": 30.0, "ATP": 27.0, "KGP": 16.0, "PPV": 46.0},
        },
        None,
    ),
    "table-05-outside-firms-exceed-surveyed": (
        "inconsistency",
        "cross-table",
        {"Table 5 firms outside": 33.0, "methodology": 24.0},
        None,
    ),
    "firm-counts-surveyed-firms-in-tp-by-park": (
        "ambiguity",
        "cross-table",
        {
            "ABI: Table 5 (12)": "Table 4 (implies 23-24)",
            "ATP: Table 5 (12)": "Table 4 (implies 25-26)",
            "KGP: Table 5 (15)": "Table 4 (implies 30-32)",
            "PPV: Table 5 (90)": "Table 4 (implies 43-54)",
        },
        None,
    ),
    "text-table-05-balance-driven-by-ppv": (
        "note",
        "text",
        {"manufacturing": 71.0, "services": 58.0},
        {
            "without PPV": {"manufacturing": 26.0, "services": 13.0},
            "manufacturing share without PPV (%)": 66.7,
        },
    ),
    "table-06-total-vs-table-05": (
        "inconsistency",
        "cross-table",
        {"Table 6 total": 110.0, "Table 5 total": 129.0},
        {"Table 2 tenants of any four parks": [99, 115, 118, 119, 129]},
    ),
    "table-06-which-four-parks": (
        "ambiguity",
        "structure",
        "Activities of tenant-firms in four technoparks",
        None,
    ),
    "structure-legend-see-table-3": ("error", "structure", "Legend: see table 3", "Table 2"),
    "table-07-average-vs-park-means": (
        "note",
        "arithmetic",
        {"local": 90.0, "national": 9.0, "foreign": 1.0},
        {
            "unweighted mean of parks": {"local": 88.33, "national": 10.33, "foreign": 1.33},
            "splits of 36 replies reproducing": 28,
            "example split": [10, 12, 14],
            "Table 5 firms": {"local": 89.08, "national": 9.69, "foreign": 1.23},
            "Table 2 tenants": {"local": 86.0, "national": 12.36, "foreign": 1.64},
        },
    ),
    "text-table-07-fairly-similar": (
        "note",
        "text",
        "fairly similar",
        {"local share gap (points)": 33.0},
    ),
    "structure-figures-5-6-missing": ("error", "structure", [1, 2, 3, 4, 7], {"missing": [5, 6]}),
    "figure-04-bar-order-vs-text": (
        "ambiguity",
        "text",
        {
            "text (technopark firms)": ["39.4%", "15.2%"],
            "axis order": (
                "Local - Out, Local - In, Nat - Out, Nat - In, Internat - Out, Internat - In"
            ),
        },
        {
            "smallest sample for 39.4% and 15.2%": 33,
            "smallest sample for 37.5% and 15.6%": 32,
            "smallest sample for 12.5%": 8,
            "Table 5 firms outside technoparks": 33.0,
        },
    ),
    "text-rent-7-of-24": (
        "error",
        "percentage",
        {"firms": 7.0, "of": 24.0, "share": "36%"},
        {"7/24 (%)": 29.2, "samples in which 7 firms are 36%": []},
    ),
    "table-08-share-denominator": (
        "inconsistency",
        "percentage",
        {
            "sample": 34.0,
            "shares": {
                "rent": "50.0%",
                "finance": "68.4%",
                "location": "55.3%",
                "infrastructure": "55.3%",
                "services": "78.9%",
                "image": "68.4%",
            },
        },
        {
            "shares of 34": {
                "rent": 55.9,
                "finance": 76.5,
                "location": 61.8,
                "infrastructure": 61.8,
                "services": 88.2,
                "image": 76.5,
            },
            "denominator reproducing every share": 38,
        },
    ),
    "text-table-08-finance-2-9": (
        "inconsistency",
        "text",
        {"text": 2.9, "Table 8": "3.0"},
        {"unweighted mean of parks": 2.93},
    ),
    "text-abstract-finance-motive": (
        "ambiguity",
        "text",
        "key motivations: lower rents and the possibility of accessing finance",
        {
            "finance rank by average importance": "6 of 6",
            "finance rank by firms citing it": "2 of 6",
            "finance share of respondents": "68.4%",
        },
    ),
    "table-08-average-vs-park-means": (
        "note",
        "arithmetic",
        {"finance": "3.0", "location": "3.7", "image": "4.0"},
        {
            "unweighted mean of parks": {"finance": 2.93, "location": 3.77, "image": 4.1},
            "splits of 34 firms reproducing every average": 0,
            "example split": None,
            "splits allowing rounding of the park means": 38,
            "example split allowing rounding": [13, 7, 14],
        },
    ),
    "table-09-share-denominator": (
        "inconsistency",
        "percentage",
        {
            "sample": 34.0,
            "shares": {
                "finance": "87%",
                "technology": "79%",
                "infrastructure": "38%",
                "foreign_market_access": "36%",
            },
        },
        {
            "shares of 34": {
                "finance": 100.0,
                "technology": 91.2,
                "infrastructure": 44.1,
                "foreign_market_access": 41.2,
            },
            "denominator reproducing every share": 39,
        },
    ),
    "table-09-finance-all-firms-share": (
        "inconsistency",
        "percentage",
        {"No of firms": 34.0, "sample": 34.0, "share": "87%"},
        {"34 of 34 (%)": 100.0, "34 of 39 (%)": 87.2},
    ),
    "table-09-kgp-row-reading": (
        "ambiguity",
        "structure",
        "3.5 3.6",
        {
            "splits of the sample reproducing every average, by reading": {
                "finance + technology": 11,
                "finance + infrastructure": 0,
                "finance + foreign market access": 0,
                "technology + infrastructure": 0,
                "technology + foreign market access": 0,
                "infrastructure + foreign market access": 0,
            }
        },
    ),
    "table-09-average-vs-park-means": (
        "note",
        "arithmetic",
        {"finance": "3.8", "technology": "3.3"},
        {
            "unweighted mean of parks": {"finance": 3.73, "technology": 3.2},
            "splits of 34 firms reproducing every average": 11,
            "example split": [12, 7, 15],
        },
    ),
    "table-10-outside-counts": (
        "ambiguity",
        "arithmetic",
        {"finance": 14.0, "technology": 5.0, "infrastructure": 1.0, "foreign_market_access": 5.0},
        {"largest": 14.0, "smallest": 1.0},
    ),
    "text-directors-wrong-table": ("error", "text", "see Table 1", "Table 2"),
    "text-directors-range": (
        "inconsistency",
        "text",
        [2.0, 3.0],
        {"range": [2.0, 3.5], "mean": 2.6},
    ),
    "text-table-12-almaty-naming": (
        "ambiguity",
        "text",
        "only 20% of Almaty technopark firms",
        {
            "ABI consultation (%)": 20.0,
            "ABI business plan (%)": 10.0,
            "ABI office services (%)": 20.0,
            "ABI finance (%)": 3.3,
            "ABI other (%)": 3.3,
        },
    ),
    "table-13-link-counts-exceed-sample": (
        "inconsistency",
        "arithmetic",
        {
            "n": {"in_tp": 25.0, "out_tp": 25.0},
            "totals above n": {
                "other technopark firms (inside)": 31.0,
                "external firms (inside)": 46.0,
                "external firms (outside)": 38.0,
            },
        },
        {"external firms, inside: sum of link types": [19.0, 23.0, 4.0]},
    ),
    "table-13-outside-sample-vs-methodology": (
        "inconsistency",
        "cross-table",
        {"Table 13 outside n": 25.0, "methodology": 24.0},
        None,
    ),
    "text-table-13-purchase": (
        "ambiguity",
        "text",
        "most often materials purchase",
        {
            "inside": {"joint_production": 19.0, "joint_development": 23.0, "other": 4.0},
            "outside": {"joint_production": 23.0, "joint_development": 4.0, "other": 11.0},
        },
    ),
    "text-hei-links-stronger": (
        "note",
        "text",
        "stronger links with higher education institutions",
        {
            "intensity outside": {"joint_development": 4.6, "other": 4.3},
            "intensity inside": {"joint_production": 2.7, "joint_development": 2.5, "other": 1.3},
            "links outside": 13.0,
            "links inside": 23.0,
        },
    ),
    "text-kembaev-table-14": ("note", "structure", "Kembaev et al. 2001, Table 14, p. 30", None),
    "text-citation-suffix-lofsten-2001": (
        "error",
        "structure",
        ["2001", "2001b"],
        ["2001a", "2001b"],
    ),
    "text-no-evaluation-transition": (
        "note",
        "text",
        "No evaluation of technoparks in transition economies has yet been developed.",
        {"eu2003": "Poland", "kihlgren2003": "Russia (St. Petersburg)", "shelton2002": "Ukraine"},
    ),
    "text-citation-spelling-phillimore1999": ("note", "structure", "Philimore", "Phillimore"),
    "text-wording-relocation-motives": (
        "inconsistency",
        "text",
        {
            "the abstract": (
                "The key motivations for relocating to a technopark seem to be lower rents and "
                "the possibility of accessing finance."
            ),
            "the survey's summary": (
                "Many are hampered by cash flow problems and see lower rents as an important "
                "benefit. Those firms that are better of in terms of cash flow see image as the "
                "key benefit possibly indirectly facilitating their access to external finance."
            ),
        },
        {
            "the abstract": "lower rent and access to finance are the key motives",
            "the survey's summary": (
                "lower rent and image are the key benefits; finance at most indirectly"
            ),
        },
    ),
    "text-wording-business-incubators-summary": (
        "ambiguity",
        "text",
        {
            "the survey's summary": (
                "Overall, Kazakh technoparks operate as business incubators for locally oriented "
                "firms in traditional sectors, rather than centres of innovation promotion and "
                "diversification of the economy."
            ),
            "the conclusions (paragraph 8)": (
                "In fact, Kazakh technoparks are generally operating as business parks with large "
                "scope for improvements in terms of business incubation services."
            ),
        },
        {
            "the survey's summary": "technoparks operate as business incubators",
            "the conclusions (paragraph 8)": (
                "technoparks operate as business parks, with incubation services still to improve"
            ),
        },
    ),
    "text-wording-commercialisation-ready": (
        "note",
        "text",
        {
            "the abstract": (
                "technoparks do not house firms dealing with the commercialisation of innovations "
                "that are ready for introduction to the market"
            ),
            "the survey's summary": (
                "except for a few pharmaceutical SMEs, do not match the image of technoparks as "
                "places for the commercialisation of new technologies."
            ),
            "the conclusions (paragraph 7)": (
                "Technoparks are not places that facilitate commercialisation of innovations "
                "ready for the market."
            ),
        },
        {
            "the abstract": [],
            "the survey's summary": ["except", "few"],
            "the conclusions (paragraph 7)": [],
        },
    ),
    "text-wording-local-market": (
        "note",
        "text",
        {
            "the abstract": "They are oriented largely towards the local market",
            "the survey's summary": (
                "Overall, Kazakh technoparks operate as business incubators for locally oriented "
                "firms in traditional sectors"
            ),
        },
        {"the abstract": ["largely"], "the survey's summary": []},
    ),
    "text-wording-traditional-sectors": (
        "note",
        "text",
        {
            "the abstract": "and operate in traditional sectors",
            "the survey's summary": "They operate mainly in traditional activities",
            "the conclusions (paragraph 2)": (
                "The majority of Kazakhstan's enterprises are either SMEs in traditional "
                "technologies, many of which are located in Kazakhstan's technoparks"
            ),
        },
        {
            "the abstract": [],
            "the survey's summary": ["mainly"],
            "the conclusions (paragraph 2)": ["majority", "many"],
        },
    ),
    "structure-section-numbering": (
        "error",
        "structure",
        {
            "introduction": "Section 3 (conceptual); Section 3 (survey); Section 4 (policy)",
            "headings": "1, 2, 3, 4 (survey), 4 (policy and conclusions)",
        },
        {
            "Table 1": (
                "3. Technoparks as mechanisms to promote innovation and diversify the Kazakhstan "
                "economy: a conceptual assessment"
            ),
            "Table 2": (
                "4. Analysis of currently operating technoparks in Kazakhstan based on "
                "questionnaires"
            ),
            "Table 14": "4. Policy issues and conclusions (the paper's second section numbered 4)",
        },
    ),
    "sample-sizes-across-tables": (
        "inconsistency",
        "cross-table",
        {
            "inside technoparks": {
                "Tables 8 and 9 heading": 34.0,
                "Table 7 replies": 36.0,
                "Table 11": 24.0,
                "Table 13": 25.0,
                "Table 6": 110.0,
                "Table 5": 129.0,
            },
            "outside technoparks": {
                "methodology": 24.0,
                "Table 5": 33.0,
                "Table 11": 23.0,
                "Table 13": 25.0,
            },
        },
        {
            "Table 8 shares": 38,
            "Table 9 shares": 39,
            "Table 4 employment, inside": [121, 136],
            "Table 4 employment, outside": [29],
        },
    ),
}

# Findings that re-report another finding's defect: shown, not counted (``repeats``).
REPEATS = {
    "table-04-average-employment-weightings": ["table-04-pooled-average-vs-parks"],
    "table-09-finance-all-firms-share": ["table-09-share-denominator"],
    "text-wording-relocation-motives": ["text-abstract-finance-motive"],
    "sample-sizes-across-tables": [
        "table-05-outside-firms-exceed-surveyed",
        "table-13-outside-sample-vs-methodology",
        "table-08-share-denominator",
        "table-09-share-denominator",
        "firm-counts-surveyed-firms-out-tp",
    ],
}

# Findings resting on a transcription reading or an assumption, and which kind.
RESTS_ON = {
    "table-02-survival-rate-row": "transcription reading",
    "text-turnover-per-enterprise": "assumption",
    "firm-counts-surveyed-firms-in-tp-by-park": "assumption",
    "figure-04-bar-order-vs-text": "transcription reading",
    "table-09-kgp-row-reading": "transcription reading",
    "table-10-outside-counts": "assumption",
    "text-wording-business-incubators-summary": "assumption",
}

# The headline counts: independent findings only.
COUNTS = {"error": 8, "inconsistency": 15, "ambiguity": 10, "note": 17}
