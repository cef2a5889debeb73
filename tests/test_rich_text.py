"""The one sanitiser for instructions and notes: an allow-list of tags and attributes."""

from __future__ import annotations

import pytest

from neurosim.core.exercise.section import ALLOWED_TAGS
from neurosim.core.rich_text import markup_problem, sanitise


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('<img src="/etc/passwd">', "the tag <img> is not supported"),
        ("<IMG SRC=x>", "the tag <img> is not supported"),
        ("<img/src=x>", "the tag <img> is not supported"),
        ('<div style="background-image:url(file:///etc/hosts)">x</div>', "the attribute style"),
        ('<span style="color:red">x</span>', "the attribute style on <span> is not allowed"),
        ('<p onclick="x()">x</p>', "the attribute onclick on <p>"),
        ('<ol start="2; color:red">', "the attribute start on <ol>"),
        ('<a href="file:///etc/passwd">x</a>', "the tag <a> is not supported"),
    ],
)
def test_markup_problem_names_the_first_refused_tag_or_attribute(text, problem) -> None:
    assert str(markup_problem(text, ALLOWED_TAGS)).startswith(problem)


def test_allowed_markup_passes() -> None:
    text = '<h3>Task</h3><p>Make <b>y</b> fire: 1 &lt; 2</p><ol start="3"><li>one</li></ol>'
    assert markup_problem(text, ALLOWED_TAGS) is None
    assert sanitise(text, ALLOWED_TAGS) == text


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ('<img src="/etc/passwd">', '&lt;img src="/etc/passwd"&gt;'),
        ('<div style="background-image:url(/x.png)">hi</div>', "<div>hi</div>"),
        ('<p style="x" class="y">a</p>', "<p>a</p>"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("<!-- note --><?xml x?><p>a &amp; b</p>", "<p>a &amp; b</p>"),
        ("&lt;img src=x&gt;", "&lt;img src=x&gt;"),  # text that spells a tag stays text
        ('<ol start="9" type="i">', '<ol start="9">'),
    ],
)
def test_sanitise_keeps_only_allowed_markup(text, shown) -> None:
    assert sanitise(text, ALLOWED_TAGS) == shown
