"""The shape of a version-1 network file: its format name, version, keys and limits.

See docs/file-format.md and resources/schema/network-v1.schema.json.
"""

from neurosim.core.custom_activations import SECTION  # noqa: F401 - "activations"

FORMAT = "neurosim-network"
#: version 2 added the "activations" section (formula activations) and text in several
#: languages (``{"en": …, "zh_CN": …}``, neurosim/core/localized_text.py); files with
#: neither are still written as version 1, which every NeuroSim reads
VERSION = 2
MAX_FILE_BYTES = 16 * 1024 * 1024
KNOWN_TOP = ("format", "version", "meta", "neurons", "synapses")
NEURON_KEYS = ("id", "kind", "label", "position", "value", "bias", "activation", "frozen", "source")
SYNAPSE_KEYS = ("source", "target", "weight", "frozen")
#: meta and unknown top-level keys are kept as they are, but no deeper than this: copying
#: and saving are recursive, and a network file needs a handful of levels
MAX_FREE_DEPTH = 64
