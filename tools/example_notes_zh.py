"""The examples gallery in Simplified Chinese (used by tools/make_examples.py).

:data:`ZH` maps each English title, description and note of tools/example_notes.py and
tools/make_examples.py to its translation; tests/test_examples.py checks that every number
the English quotes is quoted in the Chinese too. Neuron labels (``one neuron``), formulas
and activation names stay as they are on the canvas.
"""

from __future__ import annotations

import example_notes as en
import numpy as np

ZH = {
    # single_neuron
    "One neuron, two inputs": "一个神经元，两个输入",
    "A single output neuron adds up its weighted inputs and a bias, z = w1·x1 + w2·x2 + b, "
    "and squashes z with a sigmoid. Drag the input values, weights and bias and watch y change.": (
        "一个输出神经元把加权输入与偏置相加，z = w1·x1 + w2·x2 + b，再用 sigmoid 压缩 z。"
        "拖动输入值、权重和偏置，观察 y 如何变化。"
    ),
    en.SINGLE_NEURON: (
        "<p>神经元先把加权输入与偏置相加，再把总和压缩：z = 0.7·1 − 0.3·0.5 − 0.2 = 0.35，"
        "y = σ(0.35) ≈ 0.59。</p><ul>"
        "<li>向上拖动 x₁：y 沿一条 S 形曲线上升，但始终不会超出 0…1 的范围。</li>"
        "<li>x₂ 的权重为负：增大 x₂ 会把 y 拉低。</li>"
        "<li>偏置让曲线左右平移：只要 z = 0，y 就恰好是 0.5。</li></ul>"
    ),
    # 01
    "The threshold decides: a step neuron": "阈值说了算：阶跃神经元",
    "One step neuron with two inputs fires only when z reaches its threshold.": (
        "一个有两个输入的阶跃神经元，只有当 z 达到阈值时才激发。"
    ),
    en.THRESHOLD: (
        "<p>阶跃神经元在 z = 0.8·x₁ + 0.4·x₂ 达到阈值 θ = 0.6 时<b>激发</b>（y = 1），"
        "否则 y = 0。时钟让 x₁ x₂ 依次取 00、01、10、11 这几行。</p><ul>"
        "<li>它在 <b>10</b>（z = 0.8）和 <b>11</b>（z = 1.2）时激发，在 00（z = 0）和 "
        "01（z = 0.4）时不激发：单靠 x₁ 就够了，单靠 x₂ 不够。</li>"
        "<li>把 θ 降到 0.3，01 也会激发；把它升到 1，就只有 11 激发：这就是 AND。</li>"
        "<li>偏置也能起同样的作用：θ = 0、偏置 −0.6 时，激发的行完全相同。</li></ul>"
    ),
    # 02
    "Four activations side by side": "四种激活函数并排比较",
    "The same z through sigmoid, tanh, ReLU and leaky ReLU: shapes and ranges.": (
        "同一个 z 分别经过 sigmoid、tanh、ReLU 和 leaky ReLU：比较形状与取值范围。"
    ),
    en.ACTIVATION_SHAPES: (
        "<p>四个神经元得到相同的 z = x₁ + x₂（x₁ 在 −3 到 3 之间来回扫动），"
        "只有激活函数不同。</p><ul>"
        "<li><b>sigmoid</b>：取值在 0 与 1 之间；σ(0) = 0.5，σ(−2) ≈ 0.12，σ(2) ≈ 0.88。</li>"
        "<li><b>tanh</b>：同样是 S 形，但范围是 −1 到 1，并以 0 为中心：tanh(±2) ≈ ±0.96。</li>"
        "<li><b>ReLU</b>：z 为负时恒为 0，之后就等于 z 本身，没有上限（ReLU(2) = 2）。</li>"
        "<li><b>leaky ReLU</b>（α = 0.1）：与 ReLU 类似，但在零以下输出 0.1·z 而不是 0"
        "（z = −2 时为 −0.2）。</li></ul>"
    ),
    # 03a
    "Logic gates: AND, OR, NOT": "逻辑门：AND、OR、NOT",
    "One step neuron each computes AND, OR and NOT; only weights and bias differ.": (
        "每个阶跃神经元分别计算 AND、OR 和 NOT，区别只在权重和偏置。"
    ),
    en.LOGIC_GATES: (
        "<p>一个阶跃神经元（z ≥ 0 时激发）就能计算 AND、OR 或 NOT：不同的只是权重和偏置。"
        "时钟让 x₁ x₂ 依次取 00、01、10、11。</p><ul>"
        "<li><b>AND</b>：权重 1 和 1，偏置 −1.5：两个输入都为 1 才能达到 0。</li>"
        "<li><b>OR</b>：权重 1 和 1，偏置 −0.5：一个输入就够了。</li>"
        "<li><b>NOT</b>：来自 x₁ 的权重为 −1，偏置 0.5：只在 x₁ 为 0 时激发。</li>"
        "<li>想一想：怎样把 AND 变成 NAND？（把每个权重和偏置的符号都取反。）</li></ul>"
    ),
    # 03b
    "Why XOR needs a hidden layer": "为什么 XOR 需要隐藏层",
    "No single neuron computes XOR; a 2-2-1 network of step neurons does.": (
        "单个神经元算不出 XOR；由阶跃神经元组成的 2-2-1 网络可以。"
    ),
    en.XOR: (
        "<p>XOR 在恰好一个输入为 1 时激发。单个神经元只能用一条直线划分输入平面，"
        "而没有哪条直线能把 01 和 10 放在一侧、把 00 和 11 放在另一侧。"
        "神经元 <i>one neuron</i>（它就是 OR）在 4 行中答对 3 行；11 是错的。</p><ul>"
        "<li>隐藏层画出两条直线：<b>OR</b>（x₁ + x₂ ≥ 0.5）和 <b>NAND</b>（x₁ + x₂ ≤ 1.5）。</li>"
        "<li>输出是两者的 AND：它在两条直线之间的带状区域内激发，恰好对应 01 和 10。</li>"
        "<li>决策图显示的就是这条带。</li></ul>"
    ),
    # 04
    "Linear layers collapse into one": "多个线性层会塌缩成一层",
    "A 2-3-3-1 network of linear neurons computes exactly what one neuron does.": (
        "由线性神经元组成的 2-3-3-1 网络，算出的结果和一个神经元完全相同。"
    ),
    # 05a
    "Vanishing gradients: a sigmoid chain": "梯度消失：sigmoid 链",
    "Six sigmoids in a row: the gradient reaching the first is 10,000 times too small to learn.": (
        "六个 sigmoid 串成一排：传到第一个神经元的梯度小了 10,000 倍，根本学不动。"
    ),
    en.VANISHING_SIGMOID: (
        "<p>六个 sigmoid 神经元串成一排。反向传播在每个神经元处都把误差信号乘以 σ′(z)，"
        "而 σ′ 最大只有 0.25：六次相乘至少把它缩小 4⁶ = 4096 倍。</p><ul>"
        "<li>梯度流图从输出到 h1 急剧下降：开始时 h1 得到的梯度是 0.00017，输出是 1.4。</li>"
        "<li>饱和：每个 sigmoid 都会压缩它的输入范围，所以 x 从 −1 变到 1 时，"
        "h6 只变化 0.0002。</li>"
        "<li>训练 300 轮（SGD，学习率 0.03）：损失从 0.77 降到 0.44，只是因为输出神经元"
        "学会了平均值；h1 的权重变化不到 0.001。</li>"
        "<li>然后打开下一个示例：ReLU 链。</li></ul>"
    ),
    # 05b
    "The same chain with ReLU": "同一条链换成 ReLU",
    "Six ReLUs in a row pass the gradient back undiminished, so every level learns.": (
        "六个 ReLU 串成一排，梯度毫无衰减地传回，每一层都能学习。"
    ),
    en.VANISHING_RELU: (
        "<p>同一条链，换成 ReLU。在 z &gt; 0 处 ReLU 的斜率恰好是 1，所以误差信号毫无衰减地"
        "传到 h1：开始时 h1 得到的梯度是 2.1，是 sigmoid 链的 10,000 多倍。</p><ul>"
        "<li>梯度流图从输出到 h1 一路平坦。</li>"
        "<li>训练 300 轮（SGD，学习率 0.03）：损失从 1.24 降到 0.18，每一层都在学习。</li>"
        "<li>试试学习率 0.1：第一步就把 h6 对所有 x 都推到零以下。它死亡了，"
        "损失停在 0.44（见 <i>死亡 ReLU</i>）。</li></ul>"
    ),
    # 06a
    "Sparse activity: ReLU": "稀疏活动：ReLU",
    "With ReLU only about a quarter of the hidden neurons are active at a time.": (
        "使用 ReLU 时，同一时刻只有大约四分之一的隐藏神经元处于激活状态。"
    ),
    en.SPARSE_RELU: (
        "<p>一个 2-16-16-1 网络，它的输入每一步都取新的随机值（在 −1…1 上均匀分布）。"
        "稀疏性图显示处于<b>激活</b>状态（输出不为 0）的隐藏神经元所占的比例。</p><ul>"
        "<li>只要 z ≤ 0，ReLU 就恰好为 0：平均而言，32 个隐藏神经元中同一时刻只有约 26 % "
        "处于激活状态。</li>"
        "<li>同样的权重和偏置换成 tanh（下一个示例），则 100 % 处于激活状态："
        "tanh 只在 z 恰好为 0 时才等于 0。</li>"
        "<li>大脑中同时激发的神经元只有 1–4 %（图中的阴影带）：活动要消耗能量。</li>"
        "<li>每个隐藏偏置都已降低了 0.2。再降低一些，看看这个比例如何下降。</li></ul>"
    ),
    # 06b
    "Dense activity: tanh": "稠密活动：tanh",
    "The same network with tanh: every hidden neuron is active.": (
        "同一个网络换成 tanh：每个隐藏神经元都处于激活状态。"
    ),
    en.SPARSE_TANH: (
        "<p>还是那个稀疏的 ReLU 网络，权重和偏置都相同，但隐藏层换成了 tanh。</p><ul>"
        "<li>现在每一步都有 100 % 的隐藏神经元处于激活状态：tanh(z) 在 z = 0 附近很小，"
        "但从不恰好等于 0。</li>"
        "<li>用 ReLU 时约为 26 %，大脑中则是 1–4 %。</li>"
        "<li>稠密编码让一切与一切混在一起；稀疏编码让每个输入只用到少数几个神经元。</li></ul>"
    ),
    # 07a
    "Dying ReLU: a learning rate too large": "死亡 ReLU：学习率太大",
    "At learning rate 0.6 every ReLU neuron dies within five epochs.": (
        "学习率为 0.6 时，每个 ReLU 神经元都在五轮之内死亡。"
    ),
    en.DYING_RELU: (
        "<p>一个 1-8-1 的 ReLU 网络，要学习 y = sin(πx)。用普通 SGD、学习率 <b>0.6</b>"
        "（每一步使用整个数据集）训练 100 轮。</p><ul>"
        "<li>最初几步的步子太大：损失从 0.9 跳到 4 以上。</li>"
        "<li>到第 5 轮，全部 8 个隐藏神经元都已<b>死亡</b>：对每个 x 都有 z &lt; 0，"
        "所以它们输出 0、斜率为 0，再也没有梯度能把它们救回来。</li>"
        "<li>损失冻结在 0.44：输出是一条水平直线（决策面板在数据点上画出 y(x)）。</li>"
        "<li>重新加载，用学习率 0.1 训练：没有神经元死亡，100 轮后损失降到 0.05。"
        "也可以打开 leaky ReLU 版本。</li></ul>"
    ),
    # 07b
    "Leaky ReLU does not die": "Leaky ReLU 不会死亡",
    "The same start and learning rate with leaky ReLU: no neuron dies.": (
        "同样的起点和学习率，换成 leaky ReLU：没有神经元死亡。"
    ),
    en.LEAKY_RELU: (
        "<p>同一个网络、同样的初始权重、同样的学习率 0.6，但换成 leaky ReLU（α = 0.1）："
        "零以下的斜率是 0.1 而不是 0。</p><ul>"
        "<li>最初几步同样冲过了头，但没有神经元死亡：负的 z 处仍有一个小梯度传回来。</li>"
        "<li>100 轮后损失约为 0.21，而 ReLU 是 0.44。</li>"
        "<li>这仍然拟合得不好：0.6 对两者都太大了。学习率为 0.1 时，100 轮后损失降到 "
        "0.06。</li></ul>"
    ),
    # 08
    "Choosing an activation": "选择激活函数",
    "The same 2-8-8-1 network trained on the circle data with each activation.": (
        "同一个 2-8-8-1 网络，在圆形数据上分别用每种激活函数训练。"
    ),
    en.CHOOSING: (
        "<p>一个 2-8-8-1 网络，输出为 sigmoid，使用圆形数据（圆盘内为类别 1）。"
        "哪种隐藏层激活函数学得最好？</p><ul>"
        "<li><b>讲师：</b>使用<b>训练 ▸ 比较激活函数</b>：它用列表中的每种激活函数"
        "（sigmoid、tanh、ReLU、leaky ReLU、ELU、GELU）各训练一次网络，每次都从同一种子"
        "生成的新权重开始，并把损失曲线画在一起。</li>"
        "<li>用普通 SGD、学习率 0.5、bce 损失：ReLU 及其变体在大约 30 轮内达到 95 % 的"
        "准确率，tanh 需要大约 140 轮，而 sigmoid 在 300 轮后仍接近 60 %：它的梯度消失了。</li>"
        "<li>把优化器换成 Adam（学习率 0.03），它们都能达到。</li>"
        "<li>在决策图中，ReLU 用直边画出这个圆，tanh 和 sigmoid 画出的是平滑的曲线。</li></ul>"
    ),
}


def linear_collapse(w: np.ndarray, b: float) -> str:
    """The Chinese of :func:`example_notes.linear_collapse`, with the same numbers."""
    num = en._num  # noqa: SLF001  (one way of writing the numbers in both languages)
    return (
        "<p>这里每个神经元都是线性的（y = z）。三层共有 18 个权重和 7 个偏置，"
        "整个网络算出的却只是一个平面："
        f"y = {num(w[0])}·x₁ + {num(w[1])}·x₂ {'−' if b < 0 else '+'} {num(abs(b))}，"
        "其中 <code>w = W₃·W₂·W₁</code>，<code>b = W₃·(W₂·b₁ + b₂) + b₃</code>。"
        "神经元 <i>one neuron</i> 的权重和偏置恰好就是这些值。</p><ul>"
        "<li>改变 x₁ 或 x₂：两个输出始终一致。</li>"
        "<li>把决策图切换到 <i>one neuron</i>：图像相同，边界是一条直线。</li>"
        "<li>现在把隐藏神经元改成 tanh：两个输出就分道扬镳了。只有非线性激活函数"
        "才让深度变得有意义。</li></ul>"
    )
