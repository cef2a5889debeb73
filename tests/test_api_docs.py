"""docs/api.md's code blocks run, in order, in a fresh folder: the worked example is true."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_code_block_of_the_api_page_runs(tmp_path, monkeypatch, capsys):
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert len(blocks) >= 5
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    for i, block in enumerate(blocks):
        exec(compile(block, f"docs/api.md block {i + 1}", "exec"), namespace)
    printed = capsys.readouterr().out
    assert "accuracy 100%" in printed and "use sigmoid" in printed
    assert (tmp_path / "and-by-hand.nsim.json").exists() and (tmp_path / "and_by_hand.py").exists()
