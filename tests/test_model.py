"""The network model: DAG rules, undoable removal, one signal per real change, checked values."""

from __future__ import annotations

import math

import numpy as np
import pytest

from neurosim.core import fileformat
from neurosim.core.activations import ActivationError
from neurosim.core.model import SIGNAL_NAMES, ConnectionRefused, Network, NetworkError


class Recorder:
    """Connects to every signal of a network and lists what was emitted, in order."""

    NAMES = SIGNAL_NAMES

    def __init__(self, network: Network) -> None:
        self.events: list[tuple] = []
        for name in self.NAMES:
            getattr(network, name).connect(lambda *args, _n=name: self.events.append((_n, *args)))

    def take(self) -> list[tuple]:
        events, self.events = self.events, []
        return events


def chain() -> Network:
    """x1 → h1 → h2 → y1 plus a skip x1 → y1."""
    net = Network()
    net.add_neuron("input", "x1", value=0.5)
    net.add_neuron("hidden", "h1", bias=0.1)
    net.add_neuron("hidden", "h2", bias=-0.2, activation="tanh")
    net.add_neuron("output", "y1", activation="linear", params={"slope": 2.0})
    net.add_synapse("x1", "h1", 1.5)
    net.add_synapse("h1", "h2", -0.5)
    net.add_synapse("h2", "y1", 0.25)
    net.add_synapse("x1", "y1", 0.75)
    return net


# ------------------------------------------------------------------ DAG rules


def test_input_may_not_be_a_target() -> None:
    net = chain()
    with pytest.raises(ConnectionRefused, match="'x1' is an input neuron") as info:
        net.add_synapse("h1", "x1")
    assert info.value.reason == "input_target"


def test_self_loop_refused() -> None:
    net = chain()
    with pytest.raises(ConnectionRefused, match=r"may not connect to itself \(h1 → h1\)") as info:
        net.add_synapse("h1", "h1")
    assert info.value.reason == "self_loop"


def test_duplicate_refused() -> None:
    net = chain()
    with pytest.raises(ConnectionRefused, match="already a synapse x1 → h1") as info:
        net.add_synapse("x1", "h1", 3.0)
    assert info.value.reason == "duplicate"
    assert net.synapses[("x1", "h1")].weight == 1.5


def test_cycle_refused_with_the_cycle_spelled_out() -> None:
    net = Network()
    for nid in ("h1", "h2"):
        net.add_neuron("hidden", nid)
    net.add_synapse("h1", "h2")
    with pytest.raises(ConnectionRefused) as info:
        net.add_synapse("h2", "h1")
    assert str(info.value) == "connecting h2 → h1 would create a cycle h1 → h2 → h1"
    assert info.value.reason == "cycle"
    assert list(net.synapses) == [("h1", "h2")]


def test_long_cycle_names_the_shortest_path() -> None:
    net = chain()
    with pytest.raises(ConnectionRefused) as info:
        net.add_synapse("y1", "h1")
    assert str(info.value) == "connecting y1 → h1 would create a cycle h1 → h2 → y1 → h1"


def test_missing_end_refused() -> None:
    net = chain()
    with pytest.raises(ConnectionRefused, match="there is no neuron 'h9'") as info:
        net.add_synapse("h9", "y1")
    assert info.value.reason == "missing"
    assert net.connection_problem("x1", "h2") is None


def test_skip_connections_and_non_layered_graphs_allowed() -> None:
    net = chain()
    net.add_synapse("x1", "h2", 1.0)  # skips h1
    net.add_synapse("h1", "y1", 1.0)  # skips h2
    net.add_neuron("hidden", "h3")  # no inputs at all: driven by its bias
    net.add_synapse("h3", "h2", 1.0)
    net.add_neuron("output", "y2")
    net.add_synapse("h1", "y2", 1.0)  # an output one level after the first hidden neuron
    net.add_synapse("y1", "y2", 1.0)  # an output feeding another output
    assert len(net.synapses) == 9


def test_topological_order_and_depths() -> None:
    net = chain()
    net.add_neuron("hidden", "h3")
    net.add_synapse("h3", "y1", 1.0)
    order = net.topological_order()
    assert sorted(order) == sorted(net.neurons)
    for s in net.synapses.values():
        assert order.index(s.source) < order.index(s.target)
    # inputs 0; others 1 + deepest source; a neuron without sources sits at depth 1
    assert net.depths() == {"x1": 0, "h1": 1, "h2": 2, "y1": 3, "h3": 1}


def test_neuron_kinds_ids_and_lookups() -> None:
    net = chain()
    assert net.new_id("hidden") == "h3" and net.new_id("input") == "x2"
    assert net.add_neuron("output").id == "y2"
    assert [n.id for n in net.of_kind("hidden")] == ["h1", "h2"]
    assert {s.source for s in net.incoming("y1")} == {"h2", "x1"}
    assert {s.target for s in net.outgoing("x1")} == {"h1", "y1"}
    with pytest.raises(NetworkError, match="unknown neuron kind 'bias'"):
        net.add_neuron("bias")
    with pytest.raises(NetworkError, match="already a neuron 'h1'"):
        net.add_neuron("hidden", "h1")
    with pytest.raises(NetworkError, match="there is no neuron 'zz'"):
        net.neuron("zz")
    with pytest.raises(NetworkError, match="there is no synapse h1 → x1"):
        net.synapse(("h1", "x1"))


# ------------------------------------------------------------ removal and undo


def test_remove_neuron_returns_what_reinsertion_needs() -> None:
    net = chain()
    before = fileformat.dumps(net)
    neuron, index, synapses = net.remove_neuron("h1")
    assert neuron.id == "h1" and index == 1
    assert [(s.key, i) for s, i in synapses] == [(("x1", "h1"), 0), (("h1", "h2"), 1)]
    assert "h1" not in net.neurons
    assert all("h1" not in key for key in net.synapses)
    net.insert_neuron(neuron, index)
    for synapse, i in synapses:
        net.add_synapse(
            synapse.source, synapse.target, synapse.weight, frozen=synapse.frozen, index=i
        )
    assert fileformat.dumps(net) == before


@pytest.mark.parametrize("victim", ["x1", "h1", "h2", "y1"])
def test_undoing_any_removal_restores_identical_bytes(victim: str) -> None:
    net = chain()
    net.add_synapse("x1", "h2", -1.25, frozen=True)
    net.set_neuron_frozen("h2", True)
    net.set_source("x1", {"kind": "sine", "period": 2.0})
    before = fileformat.dumps(net)
    neuron, index, synapses = net.remove_neuron(victim)
    assert fileformat.dumps(net) != before
    net.insert_neuron(neuron, index)
    for synapse, i in synapses:
        net.add_synapse(
            synapse.source, synapse.target, synapse.weight, frozen=synapse.frozen, index=i
        )
    assert fileformat.dumps(net) == before


def test_remove_synapse_and_reinsert_at_index() -> None:
    net = chain()
    before = fileformat.dumps(net)
    synapse, index = net.remove_synapse(("h1", "h2"))
    assert index == 1 and synapse.weight == -0.5
    net.add_synapse(synapse.source, synapse.target, synapse.weight, index=index)
    assert fileformat.dumps(net) == before


def test_removal_signals_synapses_before_the_neuron() -> None:
    net = chain()
    rec = Recorder(net)
    net.remove_neuron("h1")
    assert rec.take() == [
        ("synapse_removed", ("h1", "h2")),
        ("synapse_removed", ("x1", "h1")),
        ("neuron_removed", "h1"),
    ]


# --------------------------------------------------------------------- signals


def test_each_real_change_emits_exactly_once() -> None:
    net = chain()
    rec = Recorder(net)
    net.set_weight(("x1", "h1"), 2.0)
    net.set_bias("h1", 0.3)
    net.set_value("x1", -1.0)
    net.set_label("h1", "first")
    net.set_position("h1", (10, 20))
    net.set_param("y1", "slope", 3.0)
    net.set_activation("h1", "relu")
    net.set_neuron_frozen("h1", True)
    net.set_synapse_frozen(("x1", "h1"), True)
    net.set_source("x1", {"kind": "constant"})
    net.set_meta("title", "T")
    net.set_parameters({("h1", "h2"): 9.0}, {"h2": 1.0})
    assert rec.take() == [
        ("synapse_changed", ("x1", "h1"), "weight"),
        ("neuron_changed", "h1", "bias"),
        ("neuron_changed", "x1", "value"),
        ("neuron_changed", "h1", "label"),
        ("neuron_changed", "h1", "position"),
        ("neuron_changed", "y1", "params"),
        ("neuron_changed", "h1", "activation"),
        ("neuron_changed", "h1", "frozen"),
        ("synapse_changed", ("x1", "h1"), "frozen"),
        ("neuron_changed", "x1", "source"),
        ("meta_changed",),
        ("parameters_changed",),
    ]
    assert net.neurons["h1"].position == (10.0, 20.0)
    assert net.synapses[("h1", "h2")].weight == 9.0 and net.neurons["h2"].bias == 1.0


def test_unchanged_values_emit_nothing() -> None:
    net = chain()
    rec = Recorder(net)
    net.set_weight(("x1", "h1"), 1.5)
    net.set_bias("h1", 0.1)
    net.set_value("x1", 0.5)
    net.set_label("h1", "h1")
    net.set_position("h1", net.neurons["h1"].position)
    net.set_param("y1", "slope", 2.0)
    net.set_activation("y1", "linear")  # same name, params kept
    net.set_activation("h2", "tanh", {})
    net.set_neuron_frozen("h1", False)
    net.set_synapse_frozen(("x1", "h1"), False)
    net.set_source("x1", None)
    net.set_parameters({("x1", "h1"): 1.5}, {"h1": 0.1})
    net.set_meta("title", "T")
    assert rec.take() == [("meta_changed",)]  # only the first set_meta changed anything
    net.set_meta("title", "T")
    assert rec.take() == []


def test_add_emits_once_with_the_id_or_key() -> None:
    net = Network()
    rec = Recorder(net)
    net.add_neuron("input", "x1")
    net.add_neuron("output", "y1")
    net.add_synapse("x1", "y1", 0.5)
    assert rec.take() == [
        ("neuron_added", "x1"),
        ("neuron_added", "y1"),
        ("synapse_added", ("x1", "y1")),
    ]


# ------------------------------------------------------------------ activations


def test_set_activation_keeps_matching_params_and_validates() -> None:
    net = Network()
    net.add_neuron("hidden", "h1", activation="leaky_relu", params={"alpha": 0.2})
    net.set_activation("h1", "elu")  # elu also has alpha: the value carries over
    assert net.neurons["h1"].params == {"alpha": 0.2}
    net.set_activation("h1", "step")  # no alpha in step: its defaults
    assert net.neurons["h1"].params == {"threshold": 0.0}
    net.set_activation("h1", "step", {"threshold": 1.5})
    assert net.neurons["h1"].params == {"threshold": 1.5}
    with pytest.raises(ActivationError, match=r"out of range \[-10, 10\]"):
        net.set_activation("h1", "step", {"threshold": 11.0})
    with pytest.raises(ActivationError, match="unknown parameter for sigmoid"):
        net.set_activation("h1", "sigmoid", {"alpha": 1.0})
    with pytest.raises(ActivationError, match="unknown activation 'swish'"):
        net.set_activation("h1", "swish")
    assert (net.neurons["h1"].activation, net.neurons["h1"].params) == ("step", {"threshold": 1.5})


def test_set_activation_name_change_with_new_params_is_one_activation_signal() -> None:
    net = Network()
    net.add_neuron("hidden", "h1")
    rec = Recorder(net)
    net.set_activation("h1", "leaky_relu", {"alpha": 0.5})
    assert rec.take() == [("neuron_changed", "h1", "activation")]
    net.set_activation("h1", "leaky_relu", {"alpha": 0.25})
    assert rec.take() == [("neuron_changed", "h1", "params")]


def test_set_param_validates() -> None:
    net = Network()
    net.add_neuron("hidden", "h1", activation="elu")
    with pytest.raises(ActivationError, match=r"h1\.params\.alpha: 20 is out of range"):
        net.set_param("h1", "alpha", 20.0)
    with pytest.raises(ActivationError, match="unknown parameter"):
        net.set_param("h1", "slope", 1.0)
    assert net.neurons["h1"].params == {"alpha": 1.0}


def test_input_neurons_have_no_bias_or_activation_and_others_no_value() -> None:
    net = chain()
    with pytest.raises(NetworkError, match="inputs have no bias"):
        net.set_bias("x1", 1.0)
    with pytest.raises(NetworkError, match="inputs have no activation"):
        net.set_activation("x1", "relu")
    with pytest.raises(NetworkError, match="not an input neuron, so it has no value"):
        net.set_value("h1", 1.0)
    with pytest.raises(NetworkError, match="no signal source"):
        net.set_source("h1", {"kind": "sine"})
    with pytest.raises(NetworkError, match="inputs have no bias"):
        net.set_parameters({}, {"x1": 1.0})


# ----------------------------------------------------------------- bad numbers


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, 10**400, "1.0", None, True])
def test_non_finite_or_non_numbers_refused(bad: object) -> None:
    net = chain()
    before = fileformat.dumps(net)
    rec = Recorder(net)
    for edit in (
        lambda: net.set_weight(("x1", "h1"), bad),
        lambda: net.set_bias("h1", bad),
        lambda: net.set_value("x1", bad),
        lambda: net.set_position("h1", (bad, 0.0)),
        lambda: net.add_synapse("x1", "h2", bad),
        lambda: net.add_neuron("hidden", bias=bad),
        lambda: net.set_parameters({("x1", "h1"): 2.0}, {"h1": bad}),
    ):
        with pytest.raises(NetworkError):
            edit()
    assert rec.take() == []
    assert fileformat.dumps(net) == before  # set_parameters stored nothing either


def test_numpy_scalars_are_accepted() -> None:
    net = chain()
    net.set_weight(("x1", "h1"), np.float32(0.5))
    net.set_bias("h1", np.int64(2))
    assert net.synapses[("x1", "h1")].weight == 0.5
    assert type(net.neurons["h1"].bias) is float and net.neurons["h1"].bias == 2.0


def test_position_must_be_two_numbers() -> None:
    net = chain()
    with pytest.raises(NetworkError, match="two numbers"):
        net.set_position("h1", (1.0, 2.0, 3.0))


def test_copy_is_deep_and_unconnected() -> None:
    net = chain()
    net.extra["future"] = {"a": [1]}
    rec = Recorder(net)
    other = net.copy()
    other.set_weight(("x1", "h1"), -3.0)
    other.extra["future"]["a"].append(2)
    assert net.synapses[("x1", "h1")].weight == 1.5
    assert net.extra == {"future": {"a": [1]}}
    assert rec.take() == []
    assert fileformat.dumps(net.copy()) == fileformat.dumps(net)


def test_signal_names_list_every_signal_the_network_has() -> None:
    from neurosim.core.events import Signal

    network = Network()
    assert {n for n, v in vars(network).items() if isinstance(v, Signal)} == set(SIGNAL_NAMES)


def test_ids_and_labels_are_plain_text() -> None:
    # what the loader refuses, the model refuses too: every network can be saved and loaded
    net = Network()
    net.add_neuron("input", "x1", label="x₁ <b>")  # unusual but plain text
    for bad in ("a\x00", "two\nlines", "\u202eevil", "x\u2067"):
        with pytest.raises(NetworkError, match="the label holds a"):
            net.add_neuron("hidden", label=bad)
        with pytest.raises(NetworkError, match="the label holds a"):
            net.set_label("x1", bad)
        with pytest.raises(NetworkError, match="the id holds a"):
            net.add_neuron("hidden", bad, label="fine")
    assert net.neurons["x1"].label == "x₁ <b>" and list(net.neurons) == ["x1"]
