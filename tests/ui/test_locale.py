"""One rule for numbers: the C locale everywhere, whatever LANG says (issue 14)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QLocale, QSettings, Qt
    from PySide6.QtTest import QTest
    from neurosim.ui import app as ns_app

    qapp = ns_app.application()
    from neurosim.ui.mainwindow import MainWindow

    window = MainWindow(settings=QSettings(sys.argv[1], QSettings.Format.IniFormat))
    window.open_network(ns_app.default_network())
    window.show()
    window.canvas.select(neuron_ids=["y1"])
    qapp.processEvents()
    page = window.inspector.neuron_page
    edit = page.bias.spin.lineEdit()
    edit.selectAll()
    QTest.keyClicks(edit, "0.25")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    window.document.evaluate_now()
    qapp.processEvents()
    print(json.dumps({
        "system": QLocale.system().name(),
        "decimal_point": QLocale().decimalPoint(),
        "grouping": QLocale().toString(1234567),
        "bias": window.document.network.neurons["y1"].bias,
        "box": edit.text(),
        "equation": page.equation.text(),
    }))
    window.document.undo_stack.setClean()
    window.close()
""")


def test_a_german_desktop_reads_0_25_as_a_quarter(tmp_path):
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update(
        LANG="de_DE.UTF-8",
        LANGUAGE="de",
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        PYTHONPATH=str(ROOT),
    )
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "settings.ini")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["system"] == "de_DE"  # the child really ran German
    assert report["bias"] == 0.25  # not 25.00: the dot is no thousands separator
    assert report["decimal_point"] == "." and report["grouping"] == "1234567"
    assert report["box"] == "0.25" and "0.25" in report["equation"]
