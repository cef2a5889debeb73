"""The English catalog: plurals only. The code's strings are English already; what they
cannot say alone is a count ("%n epoch(s)" must read "1 epoch", "3 epochs"). This catalog
holds every counted string with its two English forms, made from the ``(s)`` in the
source or kept as a translator wrote them in ``neurosim_en.ts``.

(pyside6-lupdate does not mark ``translate(…, n)`` calls in Python as counted, so its
``-pluralonly`` finds nothing: the counted strings are picked here by their ``%n``.)
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

Key = tuple[str, str, str]  # context, source, comment
HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'


def forms_from_source(source: str) -> list[str] | None:
    """One and many, from "(s)" in the source; None when the source has none to go by."""
    if "(s)" not in source:
        return None
    return [source.replace("(s)", ""), source.replace("(s)", "s")]


def _written_forms(ts: Path) -> dict[Key, list[str]]:
    if not ts.is_file():
        return {}
    found = {}
    for key, message in _messages(ET.parse(ts).getroot()):
        forms = [f.text or "" for f in message.iter("numerusform")]
        translation = message.find("translation")
        if translation is not None and translation.get("type") != "unfinished" and all(forms):
            found[key] = forms
    return found


def _messages(root: ET.Element):
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            yield (name, source, message.findtext("comment") or ""), message


def write_catalog(extracted: Path, catalog: Path) -> list[Key]:
    """Write ``catalog`` (neurosim_en.ts) with the counted strings of ``extracted`` (a full
    lupdate extraction); returns those that still need their English forms written."""
    written = _written_forms(catalog)
    root = ET.Element("TS", version="2.1", language="en")
    contexts: dict[str, ET.Element] = {}
    missing = []
    for key, _message in _messages(ET.parse(extracted).getroot()):
        if "%n" not in key[1]:
            continue
        context = contexts.get(key[0])
        if context is None:
            context = contexts[key[0]] = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = key[0]
        message = ET.SubElement(context, "message", numerus="yes")
        ET.SubElement(message, "source").text = key[1]
        if key[2]:
            ET.SubElement(message, "comment").text = key[2]
        forms = written.get(key) or forms_from_source(key[1])
        translation = ET.SubElement(message, "translation")
        if forms is None:
            translation.set("type", "unfinished")
            forms = ["", ""]
            missing.append(key)
        for form in forms:
            ET.SubElement(translation, "numerusform").text = form
    ET.indent(root)
    catalog.write_text(HEADER + ET.tostring(root, encoding="unicode") + "\n", encoding="utf-8")
    return missing
