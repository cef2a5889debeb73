"""Network file format v1: JSON, validated on load, written atomically and deterministically.

See docs/file-format.md. Every problem found while loading raises :class:`FileFormatError`
whose message says what is wrong and where (``neurons[3].activation.name: …``).

The public API is here (``fileformat.load``, ``fileformat.dumps`` …); the parts live in
:mod:`.reading` and :mod:`.entries` (reading), :mod:`.writing`, :mod:`.atomic` (saving
that a crash cannot spoil), :mod:`.strict_json`, :mod:`.saveable` (what can be saved again)
and :mod:`.schema` (the format's names, keys and limits).
"""

from neurosim.core.fileformat.atomic import remove_stale_temps, write_atomic
from neurosim.core.fileformat.reading import (
    digest,
    file_digest,
    from_dict,
    load,
    load_with_digest,
    loads,
)
from neurosim.core.fileformat.schema import FORMAT, VERSION
from neurosim.core.fileformat.strict_json import parse_json
from neurosim.core.fileformat.writing import dumps, dumps_dict, save, to_dict
from neurosim.core.validate import FileFormatError

__all__ = [
    "FORMAT",
    "VERSION",
    "FileFormatError",
    "digest",
    "dumps",
    "dumps_dict",
    "file_digest",
    "from_dict",
    "load",
    "load_with_digest",
    "loads",
    "parse_json",
    "remove_stale_temps",
    "save",
    "to_dict",
    "write_atomic",
]
