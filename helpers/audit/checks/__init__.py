"""The checks, one module per group of tables, then the systematic ones (citations,
cross-references, firm counts, pooled cells, claim wordings); :data:`FINDERS` runs them in
that order.

Each finder takes the :class:`~helpers.audit.model.Audit` that collects what it confirms and
what it finds; the order of :data:`FINDERS` is the order of the confirmed checks.
"""

from __future__ import annotations

from .activities import table_05, table_06
from .catalogue import table_14
from .citations import citations
from .crossrefs import crossrefs
from .firm_counts import firm_counts_check
from .firms import table_03, table_04
from .links import table_13
from .markets import figure_04, table_07
from .motives import table_08, table_09, table_10
from .paper import sample_sizes, structure, text_rent_outside
from .pooled import pooled
from .rd_and_parks import table_01, table_02
from .services import table_11, table_12
from .wordings import wordings

FINDERS = [
    table_01,
    table_02,
    table_03,
    table_04,
    table_05,
    table_06,
    table_07,
    table_08,
    table_09,
    table_10,
    table_11,
    table_12,
    table_13,
    table_14,
    figure_04,
    text_rent_outside,
    structure,
    sample_sizes,
    citations,
    crossrefs,
    firm_counts_check,
    pooled,
    wordings,
]
