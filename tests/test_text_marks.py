"""Core text marked for translation without Qt (neurosim/core/text_marks.py): it reads as
plain English everywhere (the command line, logs, tests) and remembers how it was made."""

from __future__ import annotations

import copy
import json
import pickle

from neurosim.core.activations import REGISTRY
from neurosim.core.text_marks import (
    QT_TRANSLATE_NOOP,
    Marked,
    Message,
    fill,
    joined,
    message_of,
)
from neurosim.core.training_diagnosis import divergence_message


def test_a_marked_text_is_its_english_and_knows_its_context() -> None:
    text = QT_TRANSLATE_NOOP("Checks", "every one does")
    assert text == "every one does" and isinstance(text, Marked) and text.context == "Checks"
    assert json.dumps({"t": text}) == '{"t": "every one does"}'
    assert REGISTRY["relu"].title == "ReLU" and REGISTRY["relu"].title.context == "Activations"


def test_a_message_is_its_english_and_keeps_template_and_values() -> None:
    template = QT_TRANSLATE_NOOP("Checks", "got {nid} = {value}")
    message = fill(template, nid="y", value="0.5")
    assert message == "got y = 0.5" and isinstance(message, Message)
    assert message.template is template and dict(message.values) == {"nid": "y", "value": "0.5"}
    both = joined("; ", [message, "plain"])
    assert both == "got y = 0.5; plain" and list(both.values.values()) == [message, "plain"]
    assert joined("{x}", ["a", "b"]) == "a{x}b"  # a separator is never a placeholder


def test_messages_survive_copies_pickles_and_exceptions() -> None:
    message = divergence_message(3, float("nan"), 0.5, 0.1)
    for again in (copy.deepcopy(message), pickle.loads(pickle.dumps(message))):
        assert again == message and again.template == message.template
        assert again.values["epoch"] == 3
    error = ValueError(message)
    assert message_of(error) is message and str(error) == message
    assert message_of(ValueError(3)) == "3"
