"""Keep the translations current: ``python packaging/translations.py`` extracts every
translatable string of ``neurosim/`` into ``resources/i18n/neurosim_LANG.ts`` (strings
gone from the code are dropped, translations kept) and compiles each ``.ts`` to the
``.qm`` the app loads. ``--check`` changes nothing and fails when either is stale.

Translators open the ``.ts`` in Qt Linguist (``pyside6-linguist``), then run this again.
English has a catalog too, for its plurals only (``english_plurals.py``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import english_plurals  # noqa: E402 - beside this script, not a package

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN", "en")  # en: the plural forms of the counted strings only
_NOT_DONE = ("unfinished", "vanished", "obsolete")


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease beside this Python (a venv), else on PATH."""
    here = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(here) if here.exists() else shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install PySide6 (pip install -e .)")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "neurosim").rglob("*.py"))


def extract(ts: Path) -> None:
    """Update ``ts`` from the code (lupdate keeps the translations of strings still there)."""
    command = [tool("lupdate"), "-locations", "none", "-no-obsolete", *sources(), "-ts", str(ts)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)


def update(ts: Path, scratch: Path) -> None:
    """Bring ``ts`` (one language's catalog) up to date with the code."""
    if ts.name != "neurosim_en.ts":
        extract(ts)
        return
    everything = scratch / "everything.ts"
    everything.unlink(missing_ok=True)
    extract(everything)
    english_plurals.write_catalog(everything, ts)


def compile_catalog(ts: Path, qm: Path) -> None:
    command = [tool("lrelease"), "-silent", str(ts), "-qm", str(qm)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)


def messages(ts: Path) -> dict[tuple[str, str, str], str | None]:
    """(context, source, comment) → the translation, None when unfinished or empty."""
    found: dict[tuple[str, str, str], str | None] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            translation = message.find("translation")
            text = None
            if translation is not None and translation.get("type") not in _NOT_DONE:
                forms = [f.text or "" for f in translation.iter("numerusform")]
                text = (forms[0] if forms else translation.text) or None
            found[key] = text
    return found


def check() -> list[str]:
    """What is stale or missing, in words (empty: all current)."""
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        for language in LANGUAGES:
            ts = FOLDER / f"neurosim_{language}.ts"
            qm = FOLDER / f"neurosim_{language}.qm"
            if not ts.is_file():
                problems.append(f"{ts.name} is missing")
                continue
            fresh = Path(scratch) / ts.name
            shutil.copy(ts, fresh)
            update(fresh, Path(scratch))
            have, want = set(messages(ts)), set(messages(fresh))
            for key in sorted(want - have):
                problems.append(f"{ts.name}: new string {key[1]!r} ({key[0]})")
            for key in sorted(have - want):
                problems.append(f"{ts.name}: {key[1]!r} ({key[0]}) is no longer in the code")
            for key, text in sorted(messages(ts).items()):
                if text is None:
                    problems.append(f"{ts.name}: {key[1]!r} ({key[0]}) is not translated")
            built = Path(scratch) / qm.name
            compile_catalog(ts, built)
            if not qm.is_file() or qm.read_bytes() != built.read_bytes():
                problems.append(f"{qm.name} is not compiled from the current {ts.name}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail if stale")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        for problem in problems:
            print(problem)
        return 1 if problems else 0
    FOLDER.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = FOLDER / f"neurosim_{language}.ts"
        with tempfile.TemporaryDirectory() as scratch:
            update(ts, Path(scratch))
        compile_catalog(ts, FOLDER / f"neurosim_{language}.qm")
        left = [k for k, v in messages(ts).items() if v is None]
        print(f"{ts.name}: {len(messages(ts))} strings, {len(left)} not translated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
