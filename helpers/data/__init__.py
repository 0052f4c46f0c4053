"""The paper's data: loading and validating the data package, the park registry,
and recomputing printed summaries."""
