"""The Train panel's advice (why a network cannot learn well) follows an edit at once, and a
slider drag's many steps at a slower pace, ending on the drag's last state."""

from __future__ import annotations

from shell_helpers import dialogs, make_window, settings  # noqa: F401 - fixtures

from neurosim.core.builders import layered_network
from neurosim.ui.commands import SetNeuronField
from neurosim.ui.training import session as session_module


def test_advice_follows_a_drag_at_its_pace_and_ends_right(qtbot, settings, dialogs, monkeypatch):  # noqa: F811
    net = layered_network([2, 3, 1], "tanh", seed=0)
    window = make_window(qtbot, settings, net)
    session = window.training.session
    qtbot.wait(50)
    reads: list[int] = []
    real = session_module.start_problems

    def counted(network):
        reads.append(1)
        return real(network)

    monkeypatch.setattr(session_module, "start_problems", counted)
    hidden = [n.id for n in net if n.kind == "hidden"]
    token = object()
    # a drag: 20 steps 5 ms apart, ending with every weight 0.5 (the hidden neurons copies)
    for i in range(20):
        weights = {k: 0.5 if i == 19 else 0.1 * i + 0.01 * j for j, k in enumerate(net.synapses)}
        net.set_parameters(weights, {h: 0.0 for h in hidden})
        window.document.push(SetNeuronField(net, hidden[0], "bias", 0.0, merge_token=token))
        qtbot.wait(5)
    assert 1 <= len(reads) < 10  # not once a step
    qtbot.waitUntil(lambda: any(p.kind == "symmetry" for p in session.problems), timeout=2000)
