"""The "what to notice" notes of the examples gallery (used by tools/make_examples.py).

Every number here is checked against the network it describes by tests/test_examples.py.
Tags allowed: b, i, ul, li, p, br, code (see neurosim/core/lesson.py).
"""

from __future__ import annotations

import numpy as np

SINGLE_NEURON = (
    "<p>The neuron adds its weighted inputs and its bias, then squashes the sum: "
    "z = 0.7·1 − 0.3·0.5 − 0.2 = 0.35, and y = σ(0.35) ≈ 0.59.</p><ul>"
    "<li>Drag x₁ up: y rises along an S-shaped curve, but never leaves the range 0…1.</li>"
    "<li>x₂ has a negative weight: raising x₂ pulls y down.</li>"
    "<li>The bias shifts the curve: whenever z = 0, y is exactly 0.5.</li></ul>"
)

THRESHOLD = (
    "<p>A step neuron <b>fires</b> (y = 1) when z = 0.8·x₁ + 0.4·x₂ reaches its threshold "
    "θ = 0.6; otherwise y = 0. The clock steps x₁ x₂ through the rows 00, 01, 10, 11.</p><ul>"
    "<li>It fires for <b>10</b> (z = 0.8) and <b>11</b> (z = 1.2), not for 00 (z = 0) or "
    "01 (z = 0.4): x₁ alone is enough, x₂ alone is not.</li>"
    "<li>Lower θ to 0.3 and 01 fires too; raise it to 1 and only 11 fires: that is AND.</li>"
    "<li>The bias does the same job: θ = 0 with bias −0.6 fires for the same rows.</li></ul>"
)

ACTIVATION_SHAPES = (
    "<p>All four neurons get the same z = x₁ + x₂ (x₁ sweeps from −3 to 3); only the "
    "activation differs.</p><ul>"
    "<li><b>sigmoid</b>: between 0 and 1; σ(0) = 0.5, σ(−2) ≈ 0.12, σ(2) ≈ 0.88.</li>"
    "<li><b>tanh</b>: the same S, but from −1 to 1 and centred on 0: tanh(±2) ≈ ±0.96.</li>"
    "<li><b>ReLU</b>: 0 for every negative z, then z itself, with no upper limit "
    "(ReLU(2) = 2).</li>"
    "<li><b>leaky ReLU</b> (α = 0.1): like ReLU, but 0.1·z instead of 0 below zero "
    "(−0.2 at z = −2).</li></ul>"
)

LOGIC_GATES = (
    "<p>One step neuron (it fires when z ≥ 0) computes AND, OR or NOT: only the weights and "
    "the bias differ. The clock steps x₁ x₂ through 00, 01, 10, 11.</p><ul>"
    "<li><b>AND</b>: weights 1 and 1, bias −1.5: both inputs are needed to reach 0.</li>"
    "<li><b>OR</b>: weights 1 and 1, bias −0.5: one input is enough.</li>"
    "<li><b>NOT</b>: weight −1 from x₁, bias 0.5: fires only while x₁ is 0.</li>"
    "<li>Question: how do you turn AND into NAND? (Flip the sign of every weight and of "
    "the bias.)</li></ul>"
)

XOR = (
    "<p>XOR fires when exactly one input is 1. A single neuron splits the input plane with "
    "one straight line, and no line puts 01 and 10 on one side and 00 and 11 on the "
    "other. The neuron <i>one neuron</i> (it is OR) gets 3 of the 4 rows right; 11 is "
    "wrong.</p><ul>"
    "<li>The hidden layer draws two lines: <b>OR</b> (x₁ + x₂ ≥ 0.5) and <b>NAND</b> "
    "(x₁ + x₂ ≤ 1.5).</li>"
    "<li>The output is the AND of the two: it fires in the band between the lines, "
    "exactly for 01 and 10.</li>"
    "<li>The decision plot shows that band.</li></ul>"
)


def _num(x: float) -> str:
    return f"{x:g}".replace("-", "−")


def linear_collapse(w: np.ndarray, b: float) -> str:
    return (
        "<p>Every neuron here is linear (y = z). Three layers with 18 weights and 7 biases, "
        "yet the whole network computes one plane: "
        f"y = {_num(w[0])}·x₁ + {_num(w[1])}·x₂ {'−' if b < 0 else '+'} {_num(abs(b))}, "
        "with <code>w = W₃·W₂·W₁</code> and <code>b = W₃·(W₂·b₁ + b₂) + b₃</code>. "
        "The neuron <i>one neuron</i> has exactly these weights and bias.</p><ul>"
        "<li>Change x₁ or x₂: both outputs always agree.</li>"
        "<li>Switch the decision plot to <i>one neuron</i>: the same picture, "
        "a straight boundary.</li>"
        "<li>Now make the hidden neurons tanh: the two outputs part ways. Only a non-linear "
        "activation makes depth worth having.</li></ul>"
    )


VANISHING_SIGMOID = (
    "<p>Six sigmoid neurons in a row. Backpropagation multiplies the error signal by σ′(z) "
    "at every neuron, and σ′ is at most 0.25: six of them shrink it at least "
    "4⁶ = 4096-fold.</p><ul>"
    "<li>The gradient-flow plot falls steeply from the output back to h1: at the start h1 "
    "gets a gradient of 0.00017, the output 1.4.</li>"
    "<li>Saturation: every sigmoid squeezes its input range, so h6 changes by only 0.0002 "
    "while x goes from −1 to 1.</li>"
    "<li>Train 300 epochs (SGD, learning rate 0.03): the loss drops from 0.77 to 0.44 only "
    "because the output neuron learns the average; h1's weight moves by less than "
    "0.001.</li>"
    "<li>Then open the ReLU chain, the next example.</li></ul>"
)

VANISHING_RELU = (
    "<p>The same chain with ReLU. Where z &gt; 0 the slope of ReLU is exactly 1, so the "
    "error signal reaches h1 undiminished: at the start h1 gets a gradient of 2.1, over "
    "10,000 times the sigmoid chain's.</p><ul>"
    "<li>The gradient-flow plot is flat from the output back to h1.</li>"
    "<li>Train 300 epochs (SGD, learning rate 0.03): the loss falls from 1.24 to 0.18 and "
    "every level learns.</li>"
    "<li>Try learning rate 0.1: the very first step pushes h6 below zero for every x. It "
    "dies and the loss sticks at 0.44 (see <i>Dying ReLU</i>).</li></ul>"
)

SPARSE_RELU = (
    "<p>A 2-16-16-1 network whose inputs take new random values every step (uniform in "
    "−1…1). The sparsity plot shows the share of hidden neurons that are <b>active</b> "
    "(output not 0).</p><ul>"
    "<li>ReLU is exactly 0 wherever z ≤ 0: on average only about 26 % of the 32 hidden "
    "neurons are active at a time.</li>"
    "<li>The same weights and biases with tanh (next example) keep 100 % active: tanh is "
    "0 only at z = 0 exactly.</li>"
    "<li>A brain keeps just 1–4 % of its neurons firing (the shaded band): activity costs "
    "energy.</li>"
    "<li>Every hidden bias was lowered by 0.2. Lower some more and watch the share "
    "fall.</li></ul>"
)

SPARSE_TANH = (
    "<p>The sparse ReLU network again, with the same weights and biases, but tanh in the "
    "hidden layers.</p><ul>"
    "<li>Now 100 % of the hidden neurons are active at every step: tanh(z) is small near "
    "z = 0, but never exactly 0.</li>"
    "<li>With ReLU it was about 26 %, with the brain it is 1–4 %.</li>"
    "<li>Dense codes mix everything with everything; sparse codes make each input use "
    "a few neurons.</li></ul>"
)

DYING_RELU = (
    "<p>A 1-8-1 ReLU network that should learn y = sin(πx). Train it 100 epochs with plain "
    "SGD at learning rate <b>0.6</b> (the whole dataset per step).</p><ul>"
    "<li>The first steps are far too big: the loss jumps from 0.9 to above 4.</li>"
    "<li>By epoch 5 all 8 hidden neurons are <b>dead</b>: z &lt; 0 for every x, so they "
    "output 0, their slope is 0, and no gradient can bring them back.</li>"
    "<li>The loss freezes at 0.44: the output is a flat line (the Decision surface panel "
    "draws y(x) over the data points).</li>"
    "<li>Reload and train at learning rate 0.1: no neuron dies, and after 100 epochs the "
    "loss is down to 0.05. Or open the leaky ReLU version.</li></ul>"
)

LEAKY_RELU = (
    "<p>The same network, the same starting weights, the same learning rate 0.6, but "
    "leaky ReLU (α = 0.1): below zero its slope is 0.1 instead of 0.</p><ul>"
    "<li>The first steps overshoot just as badly, but no neuron dies: a small gradient "
    "still flows back through negative z.</li>"
    "<li>After 100 epochs the loss is about 0.21, against 0.44 for ReLU.</li>"
    "<li>That is still a poor fit: 0.6 is too large for either. At 0.1 the loss is down "
    "to 0.06 after 100 epochs.</li></ul>"
)

CHOOSING = (
    "<p>A 2-8-8-1 network with a sigmoid output and the circle data (class 1 inside the "
    "disc). Which hidden activation learns best?</p><ul>"
    "<li><b>Lecturer:</b> use <b>Training ▸ Compare activations</b>: it trains the network "
    "once with each activation in the list (sigmoid, tanh, ReLU, leaky ReLU, ELU, GELU) "
    "from fresh weights of the same seed, and plots the loss curves together.</li>"
    "<li>With plain SGD, learning rate 0.5, bce loss: ReLU and its relatives reach 95 % "
    "accuracy within about 30 epochs, tanh needs about 140, and sigmoid is still near "
    "60 % after 300: its gradients vanish.</li>"
    "<li>Switch the optimiser to Adam (learning rate 0.03) and all of them get there.</li>"
    "<li>In the decision plot, ReLU draws the circle with straight edges; tanh and sigmoid "
    "draw smooth curves.</li></ul>"
)
