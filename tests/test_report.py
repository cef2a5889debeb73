"""The lab report without the window: one well-formed, self-contained HTML page with every
section, and ``neurosim report``."""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET
from datetime import datetime
from html.parser import HTMLParser

import pytest

import neurosim
from neurosim.cli import main
from neurosim.core import fileformat
from neurosim.core.report import ReportParts, report_html
from neurosim.core.report.chart import line_chart, nice_ticks
from neurosim.core.report.headless import headless_parts

VOID = {"meta", "br", "hr", "img", "input", "link"}


class Structure(HTMLParser):
    """Tags opened and closed in order, and every URL the page would fetch."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "href", "action", "data") and value:
                self.urls.append(value)
        if name := tag.lower():
            if name not in VOID:
                self.stack.append(name)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()


def check_page(page: str) -> Structure:
    parser = Structure()
    parser.feed(page)
    assert parser.problems == [] and parser.stack == []
    body = page.split("\n", 1)[1]  # after the doctype: the page parses as XML too
    ET.fromstring(body)
    assert all(u.startswith("data:") for u in parser.urls), parser.urls  # nothing fetched
    assert "<script" not in page and "url(" not in page
    return parser


def test_report_of_a_lesson_has_every_section_and_fetches_nothing():
    net = neurosim.load(neurosim.example("06a-sparse-relu"))
    page = report_html(headless_parts(net, "06a-sparse-relu.nsim.json"))
    parser = check_page(page)
    for heading in (
        "<h2>Network</h2>",
        "<h3>Neurons</h3>",
        "<h3>Weights</h3>",
        "<h2>Training</h2>",
        "<h2>Notes</h2>",
    ):
        assert heading in page
    assert "No training run in this session." in page
    # 06a's 2-16-16-1 weights as three matrices: a row per source, one number per synapse
    weights = page.split("<h3>Weights</h3>")[1].split("<h2>")[0]
    assert weights.count("<table>") == 3 and weights.count("<tr>") == 3 + 2 + 16 + 16
    cells = re.findall(r'<td class="n">([^<]+)</td>', weights)
    assert len(cells) == len(net.synapses)
    svg = base64.b64decode(parser.urls[0].split(",", 1)[1]).decode()
    assert ET.fromstring(svg).tag.endswith("svg")


def test_report_with_training_and_an_exercise(tmp_path):
    path = neurosim.exercise("xor-two-hidden")
    net = fileformat.load(path)
    parts = headless_parts(net, str(path), epochs=50)
    page = report_html(parts)
    check_page(page)
    assert parts.training is not None and len(parts.training.records) == 51
    assert "<h2>Exercise</h2>" in page and ("✓" in page or "✗" in page)
    assert "xor (4 rows)" in page and "mse loss" in page
    assert page.count("data:image/svg+xml") == 3  # the network, loss and accuracy


def test_odd_text_from_a_file_is_escaped():
    net = neurosim.new("<script>alert(1)</script> & co")
    net.add_neuron("input", "x1", label="<b>x</b>")
    page = report_html(ReportParts(net, "a<b>.json", datetime(2026, 1, 2, 3, 4)))
    check_page(page)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "2026-01-02 03:04" in page


def test_images_and_edits_from_the_window_are_embedded():
    net = neurosim.load(neurosim.example("01-threshold"))
    assert len(net.synapses) < 30  # listed one per row
    parts = ReportParts(net, "x", datetime.now(), images=[("Traces", b"\x89PNG fake")])
    parts.edits = [("10:00:01", "Set weight x1 → y1"), ("10:00:05", "Undo: Set weight x1 → y1")]
    page = report_html(parts)
    check_page(page)
    assert "<h3>Synapses</h3>" in page
    assert "<h2>Plots</h2>" in page and "data:image/png;base64," in page
    assert page.index("Set weight") < page.index("Undo: Set weight")


def test_chart_ticks_and_non_finite_points():
    assert nice_ticks(0, 1) == pytest.approx([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    assert nice_ticks(0, 0.9) == pytest.approx([0, 0.2, 0.4, 0.6, 0.8])
    assert nice_ticks(0, 300) == [0, 100, 200, 300]
    svg = line_chart("Loss", "epoch", [("mse", [0, 1, 2], [1.0, float("inf"), 0.5])])
    points = re.search(r'points="([^"]*)"', svg).group(1).split()
    assert len(points) == 2
    ET.fromstring(svg)


def test_cli_writes_the_report_and_says_what_is_wrong(tmp_path, capsys):
    out = tmp_path / "r.html"
    example = str(neurosim.example("03b-xor-hidden-layer"))
    assert main(["report", example, "-o", str(out)]) == 0
    check_page(out.read_text(encoding="utf-8"))
    assert main(["report", example, "-o", str(out), "--epochs", "5"]) == 2
    assert "step" in capsys.readouterr().err  # a step network cannot be trained
    assert main(["report", example, "-o", str(tmp_path / "none" / "r.html")]) == 2
    assert main(["report", example, "-o", str(out), "--epochs", "-1"]) == 2
