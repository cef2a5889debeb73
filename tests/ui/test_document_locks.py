"""Document.push consults the lock policy: a locked part refuses every command that touches it."""

from neurosim.core import fileformat
from neurosim.core.builders import layered_network
from neurosim.ui import commands as C
from neurosim.ui.document import Document


def _document(qtbot, locked):
    doc = Document(layered_network([2, 2, 1], activation="relu", seed=1))
    doc.lock_policy = lambda kind, key: f"locked: {kind} {key}" if (kind, key) in locked else None
    return doc


def test_locked_weight_refuses_edit_and_delete(qtbot):
    net_key = None
    doc = _document(qtbot, set())
    net_key = next(iter(doc.network.synapses))
    doc.lock_policy = lambda kind, key: "locked" if tuple(key) == net_key else None
    before = fileformat.dumps(doc.network)
    reasons = []
    doc.refused.connect(reasons.append)
    assert not doc.push(C.SetWeight(doc.network, net_key, 9.0))
    assert not doc.push(C.DeleteItems(doc.network, [], [net_key]))
    assert reasons == ["locked", "locked"]
    assert fileformat.dumps(doc.network) == before
    assert doc.undo_stack.count() == 0


def test_lock_kinds_of_each_command(qtbot):
    doc = _document(qtbot, set())
    net = doc.network
    hidden = next(n.id for n in net if n.kind == "hidden")
    x = next(n.id for n in net if n.kind == "input")
    assert C.SetNeuronField(net, hidden, "bias", 1.0).touches() == [("bias", hidden)]
    assert C.SetNeuronField(net, x, "value", 1.0).touches() == [("value", x)]
    assert C.SetActivation(net, [hidden], "tanh").touches() == [("activation", hidden)]
    assert C.SetActivation(net, [hidden], "relu").touches() == []
    assert C.DeleteItems(net, [hidden], []).touches() == [("delete", hidden)]
    old = C.snapshot_parameters(net)
    new = ({k: w + 1 for k, w in old[0].items()}, old[1])
    assert {k for _, k in C.SetParameters(net, "t", old, new).touches()} == set(old[0])


def test_unlocked_edits_still_apply(qtbot):
    doc = _document(qtbot, {("bias", "nobody")})
    hidden = next(n.id for n in doc.network if n.kind == "hidden")
    assert doc.push(C.SetNeuronField(doc.network, hidden, "bias", 0.5))
    assert doc.network.neurons[hidden].bias == 0.5
