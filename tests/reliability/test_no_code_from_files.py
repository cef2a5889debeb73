"""Nothing in a network or exercise file is ever executed, unpickled or opened as a path.

Two checks. Statically, no module of the code base imports a deserialiser that can run code
(pickle, marshal, shelve, yaml, …) or calls eval/exec/compile/__import__/import_module (cli.py
imports its subcommands by name, like every other module).
Dynamically, files whose every string field holds shell, Python, pickle, YAML and template
payloads go through everything that reads a file (the loader, exercises, datasets, the
engine, explanations and the eval/check/train commands) under a Python audit hook: they
load as plain text, nothing is executed or compiled, no process is started, no file other
than the one named is opened, and the payloads' marker files never appear.
"""

from __future__ import annotations

import ast
import copy
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest

from neurosim.cli import SUBCOMMANDS, main
from neurosim.core import fileformat
from neurosim.core.datasets import DatasetError, dataset_from_dict
from neurosim.core.engine import Engine
from neurosim.core.exercise.checks import check_goals
from neurosim.core.exercise.reading import exercise_of
from neurosim.core.explain import equation
from neurosim.core.training_setup import embedded_dataset
from neurosim.core.validate import FileFormatError

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "neurosim"

# ---------------------------------------------------------------- static scan
FORBIDDEN_MODULES = {
    "pickle",
    "_pickle",
    "cPickle",
    "marshal",
    "shelve",
    "dill",
    "cloudpickle",
    "jsonpickle",
    "yaml",
    "ruamel",
    "runpy",
    "code",
    "codeop",
}
FORBIDDEN_CALLS = {
    "eval",
    "exec",
    "compile",
    "__import__",
    "execfile",
    "import_module",
    "read_pickle",
}
# methods that import or run a module from a file, whatever object they are called on
FORBIDDEN_METHODS = {
    "exec_module",
    "load_module",
    "spec_from_file_location",
    "run_path",
    "run_module",
}


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _called_name(node: ast.Call) -> str | None:
    """``eval`` for eval(...), and also for builtins.eval(...) / importlib.import_module(...);
    None for method calls on other objects (``dialog.exec()`` is Qt's, not Python's)."""
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
        if node.func.value.id in (
            "builtins",
            "importlib",
            "pickle",
            "marshal",
            "yaml",
            "pd",
            "pandas",
        ):
            return node.func.attr
    return None


def _problems(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
            )
            for name in names:
                # importlib.metadata / .util / .resources are fine; bare importlib is for
                # import_module
                bare = name == "importlib"
                if name.split(".")[0] in FORBIDDEN_MODULES or bare:
                    yield f"{where}:{node.lineno}: imports {name}"
            if isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    if alias.name in FORBIDDEN_CALLS:
                        yield f"{where}:{node.lineno}: imports {alias.name}"
        elif isinstance(node, ast.Call):
            name = _called_name(node)
            if name in FORBIDDEN_CALLS:
                yield f"{where}:{node.lineno}: calls {name}()"
            if isinstance(node.func, ast.Attribute) and node.func.attr in FORBIDDEN_METHODS:
                yield f"{where}:{node.lineno}: calls {node.func.attr}()"
            if name == "load" or (
                isinstance(node.func, ast.Attribute) and node.func.attr == "load"
            ):
                for kw in node.keywords:  # numpy.load(..., allow_pickle=True)
                    if kw.arg == "allow_pickle" and not (
                        isinstance(kw.value, ast.Constant) and kw.value.value is False
                    ):
                        yield f"{where}:{node.lineno}: load(allow_pickle=...)"


def test_scan_covers_the_code_base():
    files = _modules()
    assert len(files) > 30 and PACKAGE / "core" / "fileformat" / "reading.py" in files
    assert PACKAGE / "cli.py" in files


def test_no_module_can_run_code_from_data():
    problems = [p for path in _modules() for p in _problems(path)]
    assert problems == []


def test_the_scan_would_catch_each_kind_of_call(tmp_path):
    """The scanner itself: every forbidden form in a planted module is reported."""
    planted = tmp_path / "planted.py"
    source = (
        "import pickle\nfrom yaml import load\nimport numpy as np\n"
        "eval('1')\nexec('x = 1')\n__import__('os')\nbuiltins.compile('1', 'f', 'eval')\n"
        "importlib.import_module(name)\nnp.load('a.npy', allow_pickle=True)\n"
        "import importlib\nspec.loader.exec_module(module)\n"
        "dialog.exec()\nfrom importlib.metadata import version\n"
    )
    planted.write_text(source, encoding="utf-8")
    found = list(_problems(planted))
    kinds = sorted(p.split(": ", 1)[1] for p in found)
    assert kinds == [
        "calls __import__()",
        "calls compile()",
        "calls eval()",
        "calls exec()",
        "calls exec_module()",
        "calls import_module()",
        "imports importlib",
        "imports pickle",
        "imports yaml",
        "load(allow_pickle=...)",
    ]


def test_subcommands_are_a_fixed_mapping():
    tree = ast.parse((PACKAGE / "cli.py").read_text(encoding="utf-8"))
    mapping = next(
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.AnnAssign)
        and isinstance(n.target, ast.Name)
        and n.target.id == "SUBCOMMANDS"
    )
    assert isinstance(mapping, ast.Dict)
    assert all(isinstance(v, ast.Name) for v in mapping.values)  # imported modules
    for module in SUBCOMMANDS.values():
        assert module.__name__.startswith("neurosim.commands.")
        assert callable(module.add_arguments) and callable(module.run)


# ---------------------------------------------------------------- an audit hook
DANGEROUS_EVENTS = (
    "exec",
    "compile",
    "pickle.find_class",
    "marshal.load",
    "marshal.loads",
    "os.system",
    "os.exec",
    "os.posix_spawn",
    "os.spawn",
    "os.fork",
    "subprocess.Popen",
    "ctypes.dlopen",
    "socket.connect",
    "urllib.Request",
    "import",
    "webbrowser.open",
    "shutil.rmtree",
    "os.remove",
    "os.rmdir",
)
_recording: list[tuple[str, tuple]] | None = None


def _hook(event: str, args: tuple) -> None:
    if _recording is not None and (event in DANGEROUS_EVENTS or event == "open"):
        _recording.append((event, args))


sys.addaudithook(_hook)  # (hooks cannot be removed; this one records only inside watched())


@contextmanager
def watched() -> Iterator[list[tuple[str, tuple]]]:
    global _recording
    _recording = events = []
    try:
        yield events
    finally:
        _recording = None


# ---------------------------------------------------------------- hostile files
PAYLOADS = [
    "__import__('os').system('touch {marker}')",
    "eval(compile('open(\"{marker}\", \"w\")', 'x', 'exec'))",
    "exec(\"import os; os.system('touch {marker}')\")",
    "!!python/object/apply:os.system ['touch {marker}']",
    "cos\nsystem\n(S'touch {marker}'\ntR.",  # a protocol-0 pickle program
    "$(touch {marker}); `touch {marker}` | touch {marker}",
    "{{{{ ''.__class__.__mro__[1].__subclasses__() }}}} ${{7*7}} %(x)s {{0}}",
    "../../../../../../{marker}",
    "file://{marker}",
]


def _hostile(marker: Path) -> list[str]:
    return [p.format(marker=marker) for p in PAYLOADS]


def _name(text: str) -> str:
    return "".join(" " if ord(c) < 32 else c for c in text)


def _document(text: str) -> dict:
    """A network with an exercise and a dataset, ``text`` in every free string field (ids
    and labels hold it with its control characters as spaces: the loader refuses those)."""
    name = _name(text)
    short = name[:60]  # an id is at most 64 characters
    return {
        "format": "neurosim-network",
        "version": 1,
        "meta": {"title": text, "description": text, text: text, "notes": [text, {text: text}]},
        "neurons": [
            {"id": short, "kind": "input", "label": name, "value": 1.0},
            {
                "id": "y",
                "kind": "output",
                "label": name,
                "bias": -0.5,
                "activation": {"name": "sigmoid"},
            },
        ],
        "synapses": [{"source": short, "target": "y", "weight": 2.0}],
        "exercise": {
            "instructions": text.replace("<", "&lt;"),
            "goals": [
                {
                    "type": "table",
                    "title": text,
                    "rows": [{"inputs": {short: 1}, "expect": {"y": "fired"}}],
                },
                {
                    "type": "dataset",
                    "title": text,
                    "max_loss": 1.0,
                    "dataset": {
                        "name": text,
                        "inputs": [short],
                        "outputs": ["y"],
                        "rows": [[0, 0], [1, 1]],
                    },
                },
            ],
            "locked": {"neurons": [short]},
            "hints": [text],
        },
        "dataset": {"name": text, "inputs": [short], "outputs": ["y"], "rows": [[0, 0], [1, 1]]},
        text: {"plugin": text},
    }


def _use_everything(path: Path, out: Path, capsys) -> dict:
    """Everything that reads a network file, on ``path``; returns what came back."""
    net = fileformat.load(path)
    exercise = exercise_of(net)
    with np.errstate(all="ignore"):
        ev = Engine(net).evaluate()
        lines = [equation(net, ev, nid) for nid in net.neurons]
        results = check_goals(exercise, net)
    data = embedded_dataset(net)
    fileformat.save(net, out)
    again = fileformat.load(out)
    codes = [
        main(["eval", str(path)]),
        main(["check", str(path), str(out)]),
        main(["train", str(path), "--epochs", "2", "--out", str(out)]),
    ]
    printed = capsys.readouterr()
    return {
        "net": net,
        "again": again,
        "exercise": exercise,
        "data": data,
        "lines": lines,
        "results": results,
        "codes": codes,
        "printed": printed,
    }


def _write(path: Path, doc: dict) -> None:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def test_payloads_load_as_plain_text_and_run_nothing(tmp_path, capsys):
    marker = tmp_path / "pwned"
    benign = tmp_path / "benign.nsim.json"
    _write(benign, _document("plain words"))
    _use_everything(benign, tmp_path / "warm.nsim.json", capsys)  # first imports happen here
    for i, text in enumerate(_hostile(marker)):
        path, out = tmp_path / f"hostile{i}.nsim.json", tmp_path / f"saved{i}.nsim.json"
        _write(path, _document(text))
        with watched() as events:
            got = _use_everything(path, out, capsys)
        dangerous = [e for e in events if e[0] != "open"]
        assert dangerous == [], text
        opened = {
            Path(str(e[1][0])).resolve()
            for e in events
            if e[0] == "open" and isinstance(e[1][0], (str, Path))
        }
        # the two files named, and save()'s temporary file beside the output
        assert path.resolve() in opened  # (the hook does see the loader's open)
        assert all(
            p in (path.resolve(), out.resolve()) or p.parent == tmp_path.resolve() for p in opened
        ), opened
        assert not marker.exists() and not list(tmp_path.glob("pwned*"))
        net, exercise = got["net"], got["exercise"]
        assert [n.label for n in net] == [_name(text), _name(text)]
        assert net.meta["title"] == net.meta["description"] == net.meta[text] == text
        assert net.extra[text] == {"plugin": text}
        assert exercise.hints == (text,) and exercise.goals[0].title == text
        assert exercise.goals[1].dataset.name == text and got["data"].name == text
        assert fileformat.to_dict(got["again"])["meta"] == net.meta
        assert got["codes"][0] == 0 and got["codes"][2] == 0


def test_markup_in_instructions_is_refused_not_rendered(tmp_path):
    doc = _document("x")
    doc["exercise"]["instructions"] = '<img src=x onerror="alert(1)"><script>alert(1)</script>'
    net = fileformat.loads(json.dumps(doc))
    with pytest.raises(FileFormatError, match="the tag <img> is not supported"):
        exercise_of(net)


@pytest.mark.parametrize(
    "spec",
    [
        {"csv": "../../etc/passwd", "inputs": ["x"], "outputs": ["y"]},
        {"path": "/etc/passwd", "inputs": ["x"], "outputs": ["y"], "rows": [[0, 0]]},
        {"file": "~/.ssh/id_rsa", "builtin": "xor"},
        {"url": "http://example.com/data.csv", "builtin": "xor"},
    ],
)
def test_datasets_in_files_cannot_name_a_path(spec):
    """A dataset in a file is rows or a built-in recipe; nothing in it is ever opened."""
    with watched() as events, pytest.raises(DatasetError, match="unknown key"):
        dataset_from_dict(copy.deepcopy(spec))
    assert [e for e in events if e[0] == "open"] == []


def test_loading_opens_only_the_file_itself(tmp_path):
    """Every string that looks like a path stays a string: the loader opens nothing else."""
    doc = _document("/etc/passwd")
    doc["meta"]["include"] = "../../../../etc/shadow"
    doc["meta"]["icon"] = str(tmp_path / "icon.png")
    path = tmp_path / "paths.nsim.json"
    _write(path, doc)
    fileformat.load(path)  # warm
    with watched() as events:
        net = fileformat.load(path)
        exercise_of(net)
        embedded_dataset(net)
    opened = [e[1][0] for e in events if e[0] == "open"]
    assert [Path(str(p)).resolve() for p in opened] == [path.resolve()]
    assert [e for e in events if e[0] != "open"] == []
