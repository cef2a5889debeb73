"""Run a GUI script in a child process on an offscreen screen of a given size.

Qt reads the screen's size once, when the first QApplication is made, so a test that needs
another screen than the session's runs the window in a child and reads back its last line
of output as JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_on_screen(
    tmp_path: Path,
    script: str,
    args: list[str],
    width: int,
    height: int,
    *,
    scale: float | None = None,
    timeout: int = 120,
) -> dict:
    """``script`` run with ``args`` on a ``width``×``height`` offscreen screen, its own
    settings folders under ``tmp_path``; the JSON object it printed last."""
    config = tmp_path / "screen.json"
    screen = {"name": "s", "x": 0, "y": 0, "width": width, "height": height}
    screen.update(logicalDpi=96, logicalBaseDpi=96, dpr=1)
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    child = tmp_path / "child.py"
    child.write_text(script, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    env.update(XDG_CONFIG_HOME=str(tmp_path / "config"), PYTHONPATH=str(ROOT))
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    if scale is not None:
        env["QT_SCALE_FACTOR"] = str(scale)
    done = subprocess.run(
        [sys.executable, str(child), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])
