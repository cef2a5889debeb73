"""The activation functions an exported script defines: the built-ins' fixed snippets, and
formula activations written out from their trees (with the helpers those need)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from neurosim.core.custom_activations import INSTALLED
from neurosim.core.formula.pysource import HELPERS, function_source, helpers_used, script_name


def activation_sources(names: Sequence[str], built_in: Mapping[str, str], lib: str) -> list[str]:
    """Source text for each activation in ``names`` (built-ins from ``built_in``)."""
    helpers: list[str] = []
    functions = []
    for name in names:
        if name in built_in:
            functions.append(built_in[name])
            continue
        fa = INSTALLED[name]
        tree, params = fa.formula.tree, dict(fa.formula.params)
        helpers += [h for h in helpers_used(tree, lib) if h not in helpers]
        if lib == "torch" and "_c" not in helpers:
            helpers.append("_c")
        source = function_source(script_name(name), tree, params, lib)
        functions.append(f"# {fa.title}: y = {' '.join(fa.formula.text.split())}\n{source}")
    return [HELPERS[lib][h] for h in helpers] + functions
