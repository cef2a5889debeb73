<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <source>Select</source>
        <extracomment>palette tools: (canvas tool, text, key that adds one at the mouse pointer, colour); the text is translated where it is shown (context &quot;Actions&quot;)</extracomment>
        <translation>选择</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Input neuron tool: click empty canvas to add an input neuron. Shortcut: {key} adds one at the mouse pointer</source>
        <extracomment>each neuron tool&apos;s tooltip and its menu entry (kind -&gt; texts): whole sentences</extracomment>
        <translation>输入神经元工具：单击画布空白处添加一个输入神经元。快捷键：{key} 在鼠标指针处添加一个</translation>
    </message>
    <message>
        <source>Hidden neuron tool: click empty canvas to add a hidden neuron. Shortcut: {key} adds one at the mouse pointer</source>
        <translation>隐藏神经元工具：单击画布空白处添加一个隐藏神经元。快捷键：{key} 在鼠标指针处添加一个</translation>
    </message>
    <message>
        <source>Output neuron tool: click empty canvas to add an output neuron. Shortcut: {key} adds one at the mouse pointer</source>
        <translation>输出神经元工具：单击画布空白处添加一个输出神经元。快捷键：{key} 在鼠标指针处添加一个</translation>
    </message>
    <message>
        <source>Add Input Neuron at Pointer</source>
        <translation>在指针处添加输入神经元</translation>
    </message>
    <message>
        <source>Add Hidden Neuron at Pointer</source>
        <translation>在指针处添加隐藏神经元</translation>
    </message>
    <message>
        <source>Add Output Neuron at Pointer</source>
        <translation>在指针处添加输出神经元</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>Start an empty network</source>
        <translation>新建一个空网络</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a network file (*.json)</source>
        <translation>打开网络文件（*.json）</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the network to its file</source>
        <translation>将网络保存到其文件</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the network to a new file</source>
        <translation>将网络保存到新文件</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close NeuroSim (asks to save unsaved changes)</source>
        <translation>关闭 NeuroSim（会询问是否保存未保存的更改）</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>Copy the selection to the clipboard and delete it</source>
        <translation>将所选内容复制到剪贴板并删除</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected neurons and the synapses between them</source>
        <translation>复制所选神经元及其之间的突触</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Paste neurons copied from NeuroSim</source>
        <translation>粘贴从 NeuroSim 复制的神经元</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected neurons and synapses</source>
        <translation>删除所选的神经元和突触</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Select every neuron</source>
        <translation>选择所有神经元</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>历史记录(&amp;H)…</translation>
    </message>
    <message>
        <source>List the steps you can undo and jump back to any of them</source>
        <translation>列出可撤销的步骤，并可跳回其中任意一步</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>首选项(&amp;F)…</translation>
    </message>
    <message>
        <source>Choose NeuroSim&apos;s language</source>
        <translation>选择 NeuroSim 的界面语言</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Make the network bigger</source>
        <translation>把网络显示得更大</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Make the network smaller</source>
        <translation>把网络显示得更小</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>适合窗口(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom so the whole network fills the canvas</source>
        <translation>缩放到整个网络填满画布</translation>
    </message>
    <message>
        <source>&amp;Auto-layout</source>
        <translation>自动布局(&amp;A)</translation>
    </message>
    <message>
        <source>Arrange the neurons in columns: inputs left, outputs right</source>
        <translation>将神经元按列排列：输入在左，输出在右</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适合</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>布局</translation>
    </message>
    <message>
        <source>Show &amp;Weights</source>
        <translation>显示权重(&amp;W)</translation>
    </message>
    <message>
        <source>Write each synapse&apos;s weight on it</source>
        <translation>在每个突触上标出其权重</translation>
    </message>
    <message>
        <source>Show &amp;Values</source>
        <translation>显示数值(&amp;V)</translation>
    </message>
    <message>
        <source>Write each neuron&apos;s output value inside it</source>
        <translation>在每个神经元内标出其输出值</translation>
    </message>
    <message>
        <source>&amp;Snap to Grid</source>
        <translation>对齐网格(&amp;S)</translation>
    </message>
    <message>
        <source>Moved neurons land on a grid</source>
        <translation>移动的神经元落在网格点上</translation>
    </message>
    <message>
        <source>&amp;About NeuroSim</source>
        <translation>关于 NeuroSim(&amp;A)</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation>版本与许可证</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Every shortcut in one list</source>
        <translation>所有快捷键一览</translation>
    </message>
    <message>
        <source>{tip} ({keys})</source>
        <translation>{tip}（{keys}）</translation>
    </message>
    <message>
        <source>Select tool: click to select, drag to move; drag from a neuron to connect</source>
        <translation>选择工具：单击选择，拖动以移动；从神经元拖出以连接</translation>
    </message>
</context>
<context>
    <name>ActivationLibrary</name>
    <message>
        <source>Bent identity</source>
        <translation>弯曲恒等函数</translation>
    </message>
    <message>
        <source>identity with a gentle bend: never saturates, slope between 0.5 and 1.5</source>
        <translation>带轻微弯曲的恒等函数：从不饱和，斜率在 0.5 到 1.5 之间</translation>
    </message>
    <message>
        <source>Gaussian</source>
        <translation>高斯函数</translation>
    </message>
    <message>
        <source>a bump at 0: the neuron responds only to z near 0 (radial basis)</source>
        <translation>在 0 处的一个峰：神经元只对接近 0 的 z 有响应（径向基）</translation>
    </message>
    <message>
        <source>Hard sigmoid</source>
        <translation>硬 sigmoid</translation>
    </message>
    <message>
        <source>a piecewise-linear sigmoid: cheap, and exactly flat beyond |z| = 2.5</source>
        <translation>分段线性的 sigmoid：计算便宜，|z| &gt; 2.5 时完全平坦</translation>
    </message>
    <message>
        <source>Hard tanh</source>
        <translation>硬 tanh</translation>
    </message>
    <message>
        <source>z clipped to [−1, 1]: the gradient is 1 inside and 0 outside</source>
        <translation>把 z 截断到 [−1, 1]：区间内梯度为 1，区间外为 0</translation>
    </message>
    <message>
        <source>Mish</source>
        <translation>Mish</translation>
    </message>
    <message>
        <source>z times tanh of softplus: smooth, non-monotone, a small dip below 0</source>
        <translation>z 乘以 softplus 的 tanh：平滑、非单调，在 0 以下略有下凹</translation>
    </message>
    <message>
        <source>SELU</source>
        <translation>SELU</translation>
    </message>
    <message>
        <source>scaled ELU whose constants keep activations near mean 0, variance 1 (self-normalising)</source>
        <translation>缩放的 ELU，其常数使激活值保持在均值 0、方差 1 附近（自归一化）</translation>
    </message>
    <message>
        <source>Sine</source>
        <translation>正弦函数</translation>
    </message>
    <message>
        <source>periodic: used in SIREN networks to represent signals</source>
        <translation>周期函数：SIREN 网络用它来表示信号</translation>
    </message>
    <message>
        <source>Swish (SiLU-β)</source>
        <translation>Swish (SiLU-β)</translation>
    </message>
    <message>
        <source>z times its own sigmoid; β = 1 is SiLU, large β approaches ReLU</source>
        <translation>z 乘以它自己的 sigmoid；β = 1 时即 SiLU，β 很大时接近 ReLU</translation>
    </message>
</context>
<context>
    <name>ActivationList</name>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <source>Write a new activation function as a formula in z</source>
        <translation>用关于 z 的公式编写一个新的激活函数</translation>
    </message>
</context>
<context>
    <name>ActivationPanel</name>
    <message>
        <source>Keep this plot on the neurons it shows, whatever is selected on the canvas (it already stays put while you select or drag an input)</source>
        <translation>无论画布上选中什么，此图都保持显示当前的神经元（选择或拖动输入时它本来就保持不变）</translation>
    </message>
    <message>
        <source>net input z</source>
        <translation>净输入 z</translation>
    </message>
    <message>
        <source>output y = f(z)</source>
        <translation>输出 y = f(z)</translation>
    </message>
    <message>
        <source>slope f′(z), dashed</source>
        <translation>斜率 f′(z)（虚线）</translation>
    </message>
    <message>
        <source>Draw the derivative f′(z): how much y moves when z moves</source>
        <translation>绘制导数 f′(z)：z 变化时 y 变化多少</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Overlay other activation functions (default parameters)</source>
        <translation>叠加显示其他激活函数（默认参数）</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>vanishing
gradient</source>
        <translation>梯度
消失</translation>
    </message>
    <message>
        <source>Pinned: {names}</source>
        <translation>已固定：{names}</translation>
    </message>
    <message>
        <source>slope f′(z) of {name}</source>
        <translation>{name} 的斜率 f′(z)</translation>
    </message>
    <message>
        <source>fires: {rule}</source>
        <translation>激发：{rule}</translation>
    </message>
    <message>
        <source>{names}: activation functions</source>
        <translation>{names}：激活函数</translation>
    </message>
    <message>
        <source>compare: {name}</source>
        <translation>对比：{name}</translation>
    </message>
    <message>
        <source>Add a hidden or output neuron
to see its activation function</source>
        <translation>添加一个隐藏或输出神经元
即可查看其激活函数</translation>
    </message>
    <message>
        <source>Activation function</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>gradient 0 everywhere</source>
        <translation>处处梯度为 0</translation>
    </message>
    <message>
        <source>zero
gradient</source>
        <translation>梯度
为零</translation>
    </message>
</context>
<context>
    <name>Activations</name>
    <message>
        <source>Step (Heaviside)</source>
        <extracomment>the rule of every activation without a threshold: it fires for positive net input</extracomment>
        <translation>阶跃 (Heaviside)</translation>
    </message>
    <message>
        <source>y = 1 if z ≥ θ, else 0</source>
        <translation>z ≥ θ 时 y = 1，否则 0</translation>
    </message>
    <message>
        <source>Outputs 1 once z reaches the threshold θ, else 0: the classic perceptron; its slope is 0 everywhere, so gradient descent cannot train it</source>
        <translation>z 达到阈值 θ 时输出 1，否则输出 0：经典的感知机；它的斜率处处为 0，所以梯度下降无法训练它</translation>
    </message>
    <message>
        <source>θ: the net input where firing starts</source>
        <translation>θ: 开始激发时的净输入</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>Passes z through scaled by a; a network of linear neurons is still linear, so it cannot bend a decision boundary</source>
        <translation>把 z 乘以 a 后输出；由线性神经元组成的网络仍然是线性的，所以无法让决策边界弯曲</translation>
    </message>
    <message>
        <source>a: how steeply y follows z</source>
        <translation>a: y 随 z 变化的陡峭程度</translation>
    </message>
    <message>
        <source>Sigmoid (logistic)</source>
        <translation>Sigmoid（逻辑斯谛）</translation>
    </message>
    <message>
        <source>Squashes z into (0, 1); saturates at both tails so gradients vanish</source>
        <translation>把 z 压缩到 (0, 1)；两端都会饱和，因此梯度会消失</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <source>Squashes z into (−1, 1) centred on 0, which helps the next layer learn; still saturates at both tails</source>
        <translation>把 z 压缩到以 0 为中心的 (−1, 1)，有助于下一层学习；两端仍会饱和</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Passes positive z and blocks negative z; cheap and never saturates for z &gt; 0, but a neuron stuck below 0 stops learning (dying ReLU)</source>
        <translation>让正的 z 通过、挡住负的 z；计算便宜，z &gt; 0 时从不饱和，但一直停在 0 以下的神经元会停止学习（死亡 ReLU）</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>y = z if z &gt; 0, else α·z</source>
        <translation>z &gt; 0 时 y = z，否则 α·z</translation>
    </message>
    <message>
        <source>Like ReLU, but lets a small slope α through for z &lt; 0, so its gradient never dies completely</source>
        <translation>与 ReLU 类似，但在 z &lt; 0 时保留一个小斜率 α，因此它的梯度永远不会完全消失</translation>
    </message>
    <message>
        <source>α: slope for negative z</source>
        <translation>α: z 为负时的斜率</translation>
    </message>
    <message>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <source>y = z if z &gt; 0, else α·(eᶻ − 1)</source>
        <translation>z &gt; 0 时 y = z，否则 α·(eᶻ − 1)</translation>
    </message>
    <message>
        <source>Identity for z &gt; 0, a smooth curve down to −α for z &lt; 0; keeps mean outputs nearer 0 than ReLU</source>
        <translation>z &gt; 0 时为恒等函数，z &lt; 0 时是一条平滑下降到 −α 的曲线；平均输出比 ReLU 更接近 0</translation>
    </message>
    <message>
        <source>α: the value −α that y approaches as z → −∞</source>
        <translation>α: z → −∞ 时 y 趋近于 −α</translation>
    </message>
    <message>
        <source>Softplus</source>
        <translation>Softplus</translation>
    </message>
    <message>
        <source>A smooth ReLU: always positive, and its slope is exactly the sigmoid</source>
        <translation>平滑的 ReLU：始终为正，它的斜率恰好就是 sigmoid</translation>
    </message>
    <message>
        <source>GELU</source>
        <translation>GELU</translation>
    </message>
    <message>
        <source>Weights z by Φ(z), the chance a standard normal falls below z; a smooth ReLU that dips slightly below 0, used in transformers</source>
        <translation>用 Φ(z)（标准正态变量小于 z 的概率）给 z 加权；一种略微下探到 0 以下的平滑 ReLU，用于 Transformer</translation>
    </message>
    <message>
        <source>SiLU (swish)</source>
        <translation>SiLU (swish)</translation>
    </message>
    <message>
        <source>z times its own sigmoid: a smooth ReLU that dips below 0 and is not monotone</source>
        <translation>z 乘以它自己的 sigmoid：一种会下探到 0 以下、且不单调的平滑 ReLU</translation>
    </message>
    <message>
        <source>A formula activation: y = {y}; y′ = {slope}</source>
        <extracomment>a network file&apos;s section of formula activations (version 2) the built-in names, which a formula may not take the formula activations installed in this process, by name</extracomment>
        <translation>公式激活函数：y = {y}；y′ = {slope}</translation>
    </message>
</context>
<context>
    <name>ActiveShareView</name>
    <message>
        <source>No hidden neurons</source>
        <translation>没有隐藏神经元</translation>
    </message>
    <message>
        <source>{active} of {total} active (output ≠ 0)</source>
        <translation>{total} 个中 {active} 个活跃（输出 ≠ 0）</translation>
    </message>
    <message>
        <source>{active} of {total} active (output ≠ 0) · {fired} fired</source>
        <translation>{total} 个中 {active} 个活跃（输出 ≠ 0）· {fired} 个激发</translation>
    </message>
    <message>
        <source>The share of hidden neurons whose output is not 0, now (large) and over the last steps (trace); the yellow band is the 1–4 % a brain keeps to</source>
        <translation>输出不为 0 的隐藏神经元所占比例：大字为当前值，曲线为最近若干步；黄色带是大脑保持的 1–4 %</translation>
    </message>
    <message>
        <source>Hidden neurons active</source>
        <translation>活跃隐藏神经元比例</translation>
    </message>
    <message>
        <source>recent steps</source>
        <translation>最近若干步</translation>
    </message>
</context>
<context>
    <name>ActivityKey</name>
    <message>
        <source>fired ({rule})</source>
        <translation>激发（{rule}）</translation>
    </message>
    <message>
        <source>fired (its firing rule)</source>
        <translation>激发（按其激发规则）</translation>
    </message>
</context>
<context>
    <name>AddActivation</name>
    <message>
        <source>New activation {name}</source>
        <translation>新建激活函数 {name}</translation>
    </message>
    <message>
        <source>“{name}” is a built-in activation: choose another name</source>
        <translation>“{name}”是内置激活函数：请换一个名称</translation>
    </message>
    <message>
        <source>This session already has an activation “{name}”: choose another name</source>
        <translation>本次会话中已有名为“{name}”的激活函数：请换一个名称</translation>
    </message>
</context>
<context>
    <name>AddItems</name>
    <message>
        <source>Paste %n neuron(s)</source>
        <translation>粘贴 %n 个神经元</translation>
    </message>
    <message>
        <source>{what}: %n neuron(s)</source>
        <translation>{what}：%n 个神经元</translation>
    </message>
    <message>
        <source>there is nothing to paste</source>
        <translation>没有可粘贴的内容</translation>
    </message>
    <message>
        <source>ids already in use: {ids}</source>
        <translation>这些 id 已被占用：{ids}</translation>
    </message>
</context>
<context>
    <name>AddNeuron</name>
    <message>
        <source>Add input neuron</source>
        <translation>添加输入神经元</translation>
    </message>
    <message>
        <source>Add input neuron {id}</source>
        <translation>添加输入神经元 {id}</translation>
    </message>
    <message>
        <source>Add hidden neuron</source>
        <translation>添加隐藏神经元</translation>
    </message>
    <message>
        <source>Add hidden neuron {id}</source>
        <translation>添加隐藏神经元 {id}</translation>
    </message>
    <message>
        <source>Add output neuron</source>
        <translation>添加输出神经元</translation>
    </message>
    <message>
        <source>Add output neuron {id}</source>
        <translation>添加输出神经元 {id}</translation>
    </message>
</context>
<context>
    <name>AddNeuronTool</name>
    <message>
        <source>Click on empty space to add an input neuron · Esc returns to select</source>
        <translation>在空白处单击添加输入神经元 · Esc 返回选择</translation>
    </message>
    <message>
        <source>Click on empty space to add a hidden neuron · Esc returns to select</source>
        <translation>在空白处单击添加隐藏神经元 · Esc 返回选择</translation>
    </message>
    <message>
        <source>Click on empty space to add an output neuron · Esc returns to select</source>
        <translation>在空白处单击添加输出神经元 · Esc 返回选择</translation>
    </message>
    <message>
        <source>Drag a neuron to move it · drag its rim (or Shift+drag) to connect · double-click to edit · I/H/O add neurons</source>
        <translation>拖动神经元可移动 · 拖动其边缘（或 Shift+拖动）可连接 · 双击可编辑 · I/H/O 添加神经元</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Restored your unsaved work; {name} was not opened</source>
        <translation>已恢复您未保存的工作；未打开 {name}</translation>
    </message>
</context>
<context>
    <name>AuthoringDialog</name>
    <message>
        <source>Exercise Authoring</source>
        <translation>练习编写</translation>
    </message>
    <message>
        <source>&lt;b&gt;Students get the network exactly as it is now.&lt;/b&gt; Set up the starting network first (not your solution), then fill in the tabs and save. The exercise&apos;s locks are off while this window is open.</source>
        <translation>&lt;b&gt;学生拿到的网络与现在完全相同。&lt;/b&gt;请先搭好起始网络（不是你的答案），再填写各个标签页并保存。此窗口打开期间，练习的锁定暂时解除。</translation>
    </message>
    <message>
        <source>The exercise&apos;s title, shown above the instructions</source>
        <translation>练习的标题，显示在说明上方</translation>
    </message>
    <message>
        <source>One hint per line, in the order students reveal them. 1–3 hints; the last may give the answer away.</source>
        <translation>每行一条提示，按学生查看的顺序排列。1–3 条提示；最后一条可以直接给出答案。</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Hints</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Save as exercise…</source>
        <translation>另存为练习…</translation>
    </message>
    <message>
        <source>Save the network as it is now with this exercise</source>
        <translation>把当前的网络连同此练习一起保存</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>至多</translation>
    </message>
    <message>
        <source>Passes when the network has at most this many hidden neurons (0: none)</source>
        <translation>网络的隐藏神经元不超过此数量时通过（0：不允许有隐藏神经元）</translation>
    </message>
    <message>
        <source>hidden neurons</source>
        <translation>个隐藏神经元</translation>
    </message>
    <message>
        <source>Only these activations (every hidden and output neuron):</source>
        <translation>只允许这些激活函数（所有隐藏和输出神经元）：</translation>
    </message>
    <message>
        <source>Constraints</source>
        <translation>约束</translation>
    </message>
    <message>
        <source>Also kept from the file (edit them in a text editor): {goals}</source>
        <translation>文件中另外保留的目标（请在文本编辑器中修改）：{goals}</translation>
    </message>
    <message>
        <source>Constraints: tick at least one allowed activation</source>
        <translation>约束：请至少勾选一个允许的激活函数</translation>
    </message>
    <message>
        <source>Goals: add a row to the truth table or a constraint, so the exercise can be checked</source>
        <translation>目标：请在真值表中添加一行或添加一条约束，这样练习才能被检查</translation>
    </message>
    <message>
        <source>Instructions: write what the student should do</source>
        <translation>说明：请写明学生应该做什么</translation>
    </message>
    <message>
        <source>Already solved</source>
        <translation>已经完成</translation>
    </message>
    <message>
        <source>The network as it is now already meets every goal, so students would have nothing to do. Save it anyway?</source>
        <translation>当前的网络已经达成所有目标，学生将无事可做。仍然保存吗？</translation>
    </message>
    <message>
        <source>Not saved: set up the starting network so that some goal fails, then save</source>
        <translation>未保存：请把起始网络设置成至少有一个目标未达成，然后再保存</translation>
    </message>
    <message>
        <source>Save exercise as</source>
        <translation>练习另存为</translation>
    </message>
    <message>
        <source>NeuroSim exercises (*.nsim.json);;JSON files (*.json)</source>
        <translation>NeuroSim 练习 (*.nsim.json);;JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Not saved: that is NeuroSim&apos;s own lessons folder, which stays as installed; choose another folder</source>
        <translation>未保存：那是 NeuroSim 自带的课程文件夹，需保持安装时的原样；请选择其他文件夹</translation>
    </message>
    <message>
        <source>Cannot save {path}: {reason}</source>
        <translation>无法保存 {path}：{reason}</translation>
    </message>
    <message>
        <source>Saved {name}. Open it to try it as a student.</source>
        <translation>已保存 {name}。打开它即可以学生身份试做。</translation>
    </message>
</context>
<context>
    <name>BiasShift</name>
    <message>
        <source>Adds one number to the bias of every hidden neuron, live while you drag (one undo step per drag). Lower the biases and watch the share of active neurons fall towards the brain&apos;s 1–4 %.</source>
        <translation>给每个隐藏神经元的偏置加上同一个数，拖动时实时生效（每次拖动算一个撤销步骤）。降低偏置，观察活跃神经元比例向大脑的 1–4 % 下降。</translation>
    </message>
    <message>
        <source>Shift hidden biases</source>
        <translation>平移隐藏偏置</translation>
    </message>
    <message>
        <source>Shift hidden biases by {offset}</source>
        <translation>隐藏偏置平移 {offset}</translation>
    </message>
</context>
<context>
    <name>CanvasMenu</name>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete %n items</source>
        <translation>删除 %n 项</translation>
    </message>
    <message>
        <source>Edit weight…</source>
        <translation>编辑权重…</translation>
    </message>
    <message>
        <source>Edit value of %n inputs…</source>
        <translation>编辑 %n 个输入的数值…</translation>
    </message>
    <message>
        <source>Edit bias of %n neurons…</source>
        <translation>编辑 %n 个神经元的偏置…</translation>
    </message>
    <message>
        <source>Edit value…</source>
        <translation>编辑数值…</translation>
    </message>
    <message>
        <source>Edit bias…</source>
        <translation>编辑偏置…</translation>
    </message>
    <message>
        <source>To connect {id}: drag from its rim (crosshair cursor), or Shift+drag it, onto a hidden or output neuron</source>
        <translation>连接 {id}：从它的边缘（十字光标）拖动，或按住 Shift 拖动它，放到隐藏或输出神经元上</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>连接…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Add input neuron here</source>
        <translation>在此添加输入神经元</translation>
    </message>
    <message>
        <source>Add hidden neuron here</source>
        <translation>在此添加隐藏神经元</translation>
    </message>
    <message>
        <source>Add output neuron here</source>
        <translation>在此添加输出神经元</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Auto-layout</source>
        <translation>自动布局</translation>
    </message>
    <message>
        <source>Fit to view</source>
        <translation>适应视图</translation>
    </message>
    <message>
        <source>Set activation</source>
        <translation>设置激活函数</translation>
    </message>
</context>
<context>
    <name>CanvasView</name>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>The network is already laid out</source>
        <translation>网络已经排好布局</translation>
    </message>
    <message>
        <source>Auto-layout</source>
        <translation>自动布局</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>the network overflowed; use smaller weights</source>
        <translation>网络溢出了；请使用更小的权重</translation>
    </message>
    <message>
        <source>stored inputs</source>
        <translation>已存的输入</translation>
    </message>
    <message>
        <source>{nid} fires</source>
        <translation>{nid} 激发</translation>
    </message>
    <message>
        <source>{nid} stays silent</source>
        <translation>{nid} 保持沉默</translation>
    </message>
    <message>
        <source>{nid} does not fire</source>
        <translation>{nid} 不激发</translation>
    </message>
    <message>
        <source>the network has no neuron &apos;{nid}&apos;</source>
        <translation>网络中没有神经元“{nid}”</translation>
    </message>
    <message>
        <source>&apos;{nid}&apos; is not an input neuron any more</source>
        <translation>“{nid}”已不再是输入神经元</translation>
    </message>
    <message>
        <source>&apos;{nid}&apos; is an input neuron, not a hidden or output neuron</source>
        <translation>“{nid}”是输入神经元，不是隐藏神经元或输出神经元</translation>
    </message>
    <message>
        <source>{nid} fired (z = {z})</source>
        <translation>{nid} 激发了（z = {z}）</translation>
    </message>
    <message>
        <source>{nid} did not fire (z = {z})</source>
        <translation>{nid} 没有激发（z = {z}）</translation>
    </message>
    <message>
        <source>{nid} gave {y} (the network overflowed; use smaller weights)</source>
        <translation>{nid} 给出 {y}（网络溢出了；请使用更小的权重）</translation>
    </message>
    <message>
        <source>got {nid} = {value}</source>
        <translation>得到 {nid} = {value}</translation>
    </message>
    <message>
        <source>{name} ({rows} rows)</source>
        <translation>{name}（{rows} 行）</translation>
    </message>
    <message>
        <source>accuracy ≥ {percent:g}% on {name}</source>
        <translation>在 {name} 上准确率 ≥ {percent:g}%</translation>
    </message>
    <message>
        <source>{loss} loss ≤ {limit:g} on {name}</source>
        <translation>在 {name} 上 {loss} 损失 ≤ {limit:g}</translation>
    </message>
    <message>
        <source>got {percent:.1f}% ({right} of {rows} rows right)</source>
        <translation>得到 {percent:.1f}%（{rows} 行中对了 {right} 行）</translation>
    </message>
    <message>
        <source>got {value}</source>
        <translation>得到 {value}</translation>
    </message>
    <message>
        <source>no hidden neurons</source>
        <translation>没有隐藏神经元</translation>
    </message>
    <message>
        <source>at most {count} hidden neuron</source>
        <translation>最多 {count} 个隐藏神经元</translation>
    </message>
    <message>
        <source>at most {count} hidden neurons</source>
        <translation>最多 {count} 个隐藏神经元</translation>
    </message>
    <message>
        <source>the network has {count} hidden neuron</source>
        <translation>网络有 {count} 个隐藏神经元</translation>
    </message>
    <message>
        <source>the network has {count} hidden neurons</source>
        <translation>网络有 {count} 个隐藏神经元</translation>
    </message>
    <message>
        <source>only {allowed}</source>
        <translation>只用 {allowed}</translation>
    </message>
    <message>
        <source>only {allowed} on {neurons}</source>
        <translation>{neurons} 只用 {allowed}</translation>
    </message>
    <message>
        <source>{nid} uses {activation}</source>
        <translation>{nid} 使用 {activation}</translation>
    </message>
    <message>
        <source>every one does</source>
        <translation>全部符合</translation>
    </message>
    <message>
        <source>{loss} loss ≤ {limit:g} within {epochs} epochs of training from the starting weights</source>
        <translation>从初始权重开始训练 {epochs} 轮以内达到 {loss} 损失 ≤ {limit:g}</translation>
    </message>
    <message>
        <source>training it fails: {problem}</source>
        <translation>训练失败：{problem}</translation>
    </message>
    <message>
        <source>training reaches {loss:.4g} in {epochs} epoch</source>
        <translation>训练 {epochs} 轮即达到 {loss:.4g}</translation>
    </message>
    <message>
        <source>training reaches {loss:.4g} in {epochs} epochs</source>
        <translation>训练 {epochs} 轮即达到 {loss:.4g}</translation>
    </message>
    <message>
        <source>after {epochs} epochs of training the loss is still {loss:.4g}: too slow (training longer does not count)</source>
        <translation>训练 {epochs} 轮后损失仍为 {loss:.4g}：太慢了（训练更久不算数）</translation>
    </message>
</context>
<context>
    <name>CodeExportUI</name>
    <message>
        <source>Python (&amp;NumPy)…</source>
        <extracomment>target -&gt; (menu text, status tip, file-name ending, the save dialog&apos;s title); the texts are translated where they are shown (context &quot;CodeExportUI&quot;)</extracomment>
        <translation>Python（NumPy）(&amp;N)…</translation>
    </message>
    <message>
        <source>Save the network as a Python script using NumPy: forward(x) for a batch of inputs</source>
        <translation>将网络保存为使用 NumPy 的 Python 脚本：forward(x) 可计算一批输入</translation>
    </message>
    <message>
        <source>Export as Python (NumPy)</source>
        <translation>导出为 Python（NumPy）</translation>
    </message>
    <message>
        <source>&amp;PyTorch Module…</source>
        <translation>PyTorch 模块(&amp;P)…</translation>
    </message>
    <message>
        <source>Save the network as a PyTorch nn.Module whose weights train with loss.backward()</source>
        <translation>将网络保存为 PyTorch nn.Module，其权重可用 loss.backward() 训练</translation>
    </message>
    <message>
        <source>Export as PyTorch Module</source>
        <translation>导出为 PyTorch 模块</translation>
    </message>
    <message>
        <source>Export as &amp;Code</source>
        <translation>导出为代码(&amp;C)</translation>
    </message>
    <message>
        <source>Python scripts (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>it is in NeuroSim&apos;s own lessons folder; choose another folder</source>
        <translation>它位于 NeuroSim 自带的课程文件夹中；请选择其他文件夹</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Exported {path}: run it with python to print every neuron&apos;s figures</source>
        <translation>已导出 {path}：用 python 运行它即可打印每个神经元的数值</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>the network has no hidden neurons, so there is no activation to compare; add a hidden layer first</source>
        <extracomment>what Compare tries when the lesson lists no activations of its own</extracomment>
        <translation>这个网络没有隐藏神经元，所以没有可比较的激活函数；请先添加一个隐藏层</translation>
    </message>
    <message>
        <source>choose at least one activation to compare</source>
        <translation>请至少选择一种要比较的激活函数</translation>
    </message>
</context>
<context>
    <name>CompareChooser</name>
    <message>
        <source>NeuroSim networks (*.nsim.json *.json);;All files (*)</source>
        <translation>NeuroSim 网络 (*.nsim.json *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Compare With</source>
        <translation>并排比较</translation>
    </message>
    <message>
        <source>&amp;File…</source>
        <translation>文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Compare with a network file instead</source>
        <translation>改为与一个网络文件比较</translation>
    </message>
    <message>
        <source>Show beside the open network:</source>
        <translation>显示在当前网络旁边：</translation>
    </message>
    <message>
        <source>Compare With File</source>
        <translation>与文件比较</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare activations</source>
        <translation>比较激活函数</translation>
    </message>
    <message>
        <source>Hidden neurons get each ticked activation in turn; outputs keep theirs</source>
        <translation>隐藏神经元依次使用每个勾选的激活函数；输出神经元保持原有激活函数</translation>
    </message>
    <message>
        <source>Epochs each run trains</source>
        <translation>每次运行训练的轮数</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no target loss</comment>
        <translation>无</translation>
    </message>
    <message>
        <source>The table counts the epochs each run needs to reach this loss</source>
        <translation>表格统计每次运行达到此损失所需的轮数</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Train one copy per ticked activation from the same seed</source>
        <translation>每个勾选的激活函数各训练一个副本，使用相同的种子</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop; the finished runs stay in the table</source>
        <translation>停止；已完成的运行保留在表格中</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Target loss</source>
        <translation>目标损失</translation>
    </message>
    <message>
        <source>Choose data in the Train panel first.</source>
        <translation>请先在训练面板中选择数据。</translation>
    </message>
    <message>
        <source>batch {size}</source>
        <translation>批大小 {size}</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <source>Data and settings from the Train panel: {data}, %n training row(s), {loss}, {optimizer}, lr {lr}, {batch}, seed {seed}. Each run starts from fresh weights drawn with that seed.</source>
        <translation>数据和设置取自训练面板：{data}，%n 个训练行，{loss}，{optimizer}，学习率 {lr}，{batch}，种子 {seed}。每次运行都从用该种子生成的新权重开始。</translation>
    </message>
    <message>
        <source>Tick at least one activation.</source>
        <translation>请至少勾选一个激活函数。</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>正在训练…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Training with {name}… (epochs: {done} of {total})</source>
        <translation>正在用 {name} 训练…（轮数：{done} / {total}）</translation>
    </message>
    <message>
        <source>The network or its data changed while training: run again.</source>
        <translation>训练期间网络或其数据已改变：请重新运行。</translation>
    </message>
    <message>
        <source>Cancelled after %n run(s).</source>
        <translation>已在 %n 次运行后取消。</translation>
    </message>
    <message>
        <source>Done: %n run(s).</source>
        <translation>完成：共 %n 次运行。</translation>
    </message>
    <message>
        <source>The network or its data changed: run again to compare.</source>
        <translation>网络或其数据已改变：请重新运行以比较。</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>{title} — {activation} run</source>
        <translation>{title} — {activation} 运行结果</translation>
    </message>
</context>
<context>
    <name>CompareResults</name>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Hidden neurons&apos; activation in this run</source>
        <translation>本次运行中隐藏神经元的激活函数</translation>
    </message>
    <message>
        <source>Epochs to
{accuracy} acc.</source>
        <translation>达到 {accuracy}
准确率轮数</translation>
    </message>
    <message>
        <source>First epoch whose accuracy on the training rows is {accuracy} or more (— : never; regression data has no accuracy)</source>
        <translation>训练行上准确率首次达到 {accuracy} 或以上的轮次（—：从未达到；回归数据没有准确率）</translation>
    </message>
    <message>
        <source>Epochs to
loss target</source>
        <translation>达到目标
损失轮数</translation>
    </message>
    <message>
        <source>First epoch whose loss is at or below the target loss (— : never)</source>
        <translation>损失首次达到或低于目标损失的轮次（—：从未达到）</translation>
    </message>
    <message>
        <source>Final
loss</source>
        <translation>最终
损失</translation>
    </message>
    <message>
        <source>Loss after the last epoch</source>
        <translation>最后一轮后的损失</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Share of training rows classified right after the last epoch</source>
        <translation>最后一轮后分类正确的训练行比例</translation>
    </message>
    <message>
        <source>Mean
sparsity</source>
        <translation>平均
稀疏性</translation>
    </message>
    <message>
        <source>Hidden outputs silent (y = 0), averaged over neurons and rows</source>
        <translation>静默（y = 0）的隐藏输出比例，对神经元和行取平均</translation>
    </message>
    <message>
        <source>Dead
neurons</source>
        <translation>死亡
神经元</translation>
    </message>
    <message>
        <source>ReLU neurons silent for every row at the end: they no longer learn (hover for ids)</source>
        <translation>结束时对每一行都静默的 ReLU 神经元：它们不再学习（悬停查看 id）</translation>
    </message>
    <message>
        <source>ns per
value</source>
        <translation>每个值
耗时 ns</translation>
    </message>
    <message>
        <source>Time to apply the activation to one value: measured on this machine with numpy over {values} values, the median of {repeats} repeats</source>
        <translation>对一个值应用激活函数所需的时间：在本机上用 numpy 对 {values} 个值测得，取 {repeats} 次重复的中位数</translation>
    </message>
    <message>
        <source>Wall
time</source>
        <translation>实际
用时</translation>
    </message>
    <message>
        <source>How long the run took</source>
        <translation>本次运行所用的时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Why a run stopped early or learns little (the whole reason is below the table)</source>
        <translation>运行提前停止或学得很少的原因（完整原因见表格下方）</translation>
    </message>
    <message>
        <source>ns per value: what one evaluation of the activation costs, measured just now on this machine with numpy (median of several repeats). A guide to relative cost, not a benchmark: other hardware and libraries give other figures.</source>
        <translation>每个值耗时 ns：激活函数计算一次的开销，刚刚在本机上用 numpy 测得（多次重复的中位数）。仅供比较相对开销，并非基准测试：其他硬件和库会得到不同的数字。</translation>
    </message>
    <message>
        <source>log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>Open this run</source>
        <translation>打开此运行结果</translation>
    </message>
    <message>
        <source>Replace the open network by the selected run&apos;s trained network (asks to save changes first)</source>
        <translation>用所选运行训练后的网络替换当前打开的网络（会先询问是否保存更改）</translation>
    </message>
    <message>
        <source>Loss per epoch</source>
        <translation>每轮损失</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>{name} — diverged</source>
        <translation>{name} — 发散</translation>
    </message>
    <message>
        <source>Diverged: lr too big</source>
        <translation>发散：学习率过大</translation>
    </message>
    <message>
        <source>Step: gradient 0</source>
        <translation>阶跃：梯度为 0</translation>
    </message>
</context>
<context>
    <name>CompareUI</name>
    <message>
        <source>Compare &amp;With…</source>
        <translation>并排比较(&amp;W)…</translation>
    </message>
    <message>
        <source>Show a second example or file beside this one, both live</source>
        <translation>在当前网络旁显示另一个示例或文件，两边同时运行</translation>
    </message>
    <message>
        <source>&amp;Link Inputs</source>
        <translation>联动输入(&amp;L)</translation>
    </message>
    <message>
        <source>Driving the inputs of one side drives the other&apos;s (paired by name, else order)</source>
        <translation>改变一边的输入，另一边随之改变（按名称配对，否则按顺序）</translation>
    </message>
    <message>
        <source>Close Comparison</source>
        <translation>关闭比较</translation>
    </message>
    <message>
        <source>Cannot compare with the file</source>
        <translation>无法与该文件比较</translation>
    </message>
    <message>
        <source>Comparing with {title}</source>
        <translation>正在与「{title}」比较</translation>
    </message>
    <message>
        <source>Inputs not linked</source>
        <translation>输入未联动</translation>
    </message>
    <message>
        <source>✕ Close comparison</source>
        <translation>✕ 关闭比较</translation>
    </message>
    <message>
        <source>Back to the one network (Esc)</source>
        <translation>回到单个网络 (Esc)</translation>
    </message>
    <message>
        <source>Cannot link the inputs: {reason}</source>
        <translation>无法联动输入：{reason}</translation>
    </message>
    <message>
        <source>Inputs linked by name (%n): driving one side drives the other</source>
        <translation>输入已按名称联动（%n 个）：改变一边，另一边随之改变</translation>
    </message>
    <message>
        <source>Inputs linked by order (%n): driving one side drives the other</source>
        <translation>输入已按顺序联动（%n 个）：改变一边，另一边随之改变</translation>
    </message>
    <message>
        <source>The compared network was changed. Close it without keeping the changes?
(It is a comparison copy: it is never saved.)</source>
        <translation>用于比较的网络已被修改。关闭并放弃这些修改吗？
（它只是比较用的副本，永远不会保存。）</translation>
    </message>
</context>
<context>
    <name>CompareWorker</name>
    <message>
        <source>the comparison stopped on an internal error: {error}</source>
        <translation>比较因内部错误而停止：{error}</translation>
    </message>
</context>
<context>
    <name>Connect</name>
    <message>
        <source>Connect {source} → {target}</source>
        <translation>连接 {source} → {target}</translation>
    </message>
</context>
<context>
    <name>ConnectGesture</name>
    <message>
        <source>Connecting from {id}: drop on a hidden or output neuron · Esc cancels</source>
        <translation>正在从 {id} 连接：放到隐藏或输出神经元上 · Esc 取消</translation>
    </message>
    <message>
        <source>Cannot connect: {reason}</source>
        <translation>无法连接：{reason}</translation>
    </message>
    <message>
        <source>Release to connect {source} → {target}</source>
        <translation>松开以连接 {source} → {target}</translation>
    </message>
    <message>
        <source>To connect, drag from the rim onto another neuron</source>
        <translation>要连接，请从边缘拖到另一个神经元上</translation>
    </message>
    <message>
        <source>No synapse made: drop the line on a hidden or output neuron</source>
        <translation>未建立突触：请把连线放到隐藏或输出神经元上</translation>
    </message>
    <message>
        <source>No synapse made: {reason}</source>
        <translation>未建立突触：{reason}</translation>
    </message>
    <message>
        <source>Connected {source} → {target} (weight {weight}); double-click the synapse to change it</source>
        <translation>已连接 {source} → {target}（权重 {weight}）；双击突触可修改</translation>
    </message>
</context>
<context>
    <name>DatasetBox</name>
    <message>
        <source>AND truth table</source>
        <extracomment>the built-in sets as the list names them (translated where shown)</extracomment>
        <translation>AND 真值表</translation>
    </message>
    <message>
        <source>OR truth table</source>
        <translation>OR 真值表</translation>
    </message>
    <message>
        <source>NAND truth table</source>
        <translation>NAND 真值表</translation>
    </message>
    <message>
        <source>XOR truth table</source>
        <translation>XOR 真值表</translation>
    </message>
    <message>
        <source>circle: a disc inside a ring</source>
        <translation>圆形：环内的圆盘</translation>
    </message>
    <message>
        <source>XOR quadrants (points)</source>
        <translation>XOR 象限（点）</translation>
    </message>
    <message>
        <source>two Gaussian blobs</source>
        <translation>两个高斯团</translation>
    </message>
    <message>
        <source>two spirals</source>
        <translation>双螺旋</translation>
    </message>
    <message>
        <source>sine wave (regression)</source>
        <translation>正弦波（回归）</translation>
    </message>
    <message>
        <source>classification</source>
        <extracomment>a data set&apos;s task as its summary line says it</extracomment>
        <translation>分类</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>What to train on: a built-in teaching set, your own CSV file (its header names the input and output neurons), or the data stored in the network file</source>
        <translation>训练所用的数据：内置教学数据集、你自己的 CSV 文件（其表头为输入和输出神经元命名），或保存在网络文件中的数据</translation>
    </message>
    <message>
        <source>CSV file…</source>
        <translation>CSV 文件…</translation>
    </message>
    <message>
        <source>Number of points</source>
        <translation>点的数量</translation>
    </message>
    <message>
        <source>Noise: jitter added to the points (standard deviation)</source>
        <translation>噪声：加在点上的抖动（标准差）</translation>
    </message>
    <message>
        <source>Data seed: the same seed draws the same points</source>
        <translation>数据种子：相同的种子生成相同的点</translation>
    </message>
    <message>
        <source>Choose CSV…</source>
        <translation>选择 CSV…</translation>
    </message>
    <message>
        <source>Open a CSV file whose first line names the network&apos;s input and output neurons</source>
        <translation>打开一个 CSV 文件，其第一行为网络的输入和输出神经元命名</translation>
    </message>
    <message>
        <source>The first {rows} rows: inputs, then the targets</source>
        <translation>前 {rows} 行：先是输入，然后是目标</translation>
    </message>
    <message>
        <source>points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>data seed</source>
        <translation>数据种子</translation>
    </message>
    <message>
        <source>Stored in the network file</source>
        <translation>保存在网络文件中的数据</translation>
    </message>
    <message>
        <source>Does not fit: its inputs are not the network&apos;s</source>
        <translation>不匹配：它的输入与网络的输入不同</translation>
    </message>
    <message>
        <source>Open training data</source>
        <translation>打开训练数据</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>choose a CSV file to train on</source>
        <translation>请选择用于训练的 CSV 文件</translation>
    </message>
    <message>
        <source>%n row(s) · {task} · {inputs} → {targets}</source>
        <translation>%n 行 · {task} · {inputs} → {targets}</translation>
    </message>
    <message>
        <source>{name} (target)</source>
        <translation>{name}（目标）</translation>
    </message>
    <message>
        <source>For this lesson: {name}</source>
        <translation>本课数据：{name}</translation>
    </message>
</context>
<context>
    <name>Datasets</name>
    <message>
        <source>{gates} truth table</source>
        <translation>{gates} 真值表</translation>
    </message>
    <message>
        <source>Exercise: {title}</source>
        <translation>练习：{title}</translation>
    </message>
    <message>
        <source>Truth table</source>
        <translation>真值表</translation>
    </message>
    <message>
        <source>this network has no output neuron, so there is nothing to train: add one</source>
        <translation>这个网络没有输出神经元，所以没有什么可训练的：请添加一个</translation>
    </message>
    <message>
        <source>this network has no input neuron, so there is nothing to learn from: add one</source>
        <translation>这个网络没有输入神经元，所以没有可以学习的数据来源：请添加一个</translation>
    </message>
    <message>
        <source>this network has {inputs} and {outputs}, so it needs data with {input_columns} and {target_columns}; the built-in sets have 1 or 2 inputs — choose a CSV file whose first line names these neurons</source>
        <translation>这个网络有 {inputs}和 {outputs}，所以需要包含 {input_columns}和 {target_columns}的数据；内置数据集只有 1 或 2 个输入——请选择一个首行写明这些神经元名称的 CSV 文件</translation>
    </message>
    <message>
        <source>{count} input</source>
        <translation>{count} 个输入</translation>
    </message>
    <message>
        <source>{count} inputs</source>
        <translation>{count} 个输入</translation>
    </message>
    <message>
        <source>{count} output</source>
        <translation>{count} 个输出</translation>
    </message>
    <message>
        <source>{count} outputs</source>
        <translation>{count} 个输出</translation>
    </message>
    <message>
        <source>{count} input column ({ids})</source>
        <translation>{count} 个输入列（{ids}）</translation>
    </message>
    <message>
        <source>{count} input columns ({ids})</source>
        <translation>{count} 个输入列（{ids}）</translation>
    </message>
    <message>
        <source>{count} target column ({ids})</source>
        <translation>{count} 个目标列（{ids}）</translation>
    </message>
    <message>
        <source>{count} target columns ({ids})</source>
        <translation>{count} 个目标列（{ids}）</translation>
    </message>
</context>
<context>
    <name>DecisionSurfacePanel</name>
    <message>
        <source>Show or hide the choice of inputs, neuron and ranges</source>
        <translation>显示或隐藏输入、神经元和范围的选择</translation>
    </message>
    <message>
        <source>The decision surface needs an input neuron.</source>
        <translation>决策面需要一个输入神经元。</translation>
    </message>
    <message>
        <source>The decision surface needs a hidden or output neuron.</source>
        <translation>决策面需要一个隐藏或输出神经元。</translation>
    </message>
    <message>
        <source>{neuron} over {inputs}</source>
        <translation>{neuron} 随 {inputs} 变化</translation>
    </message>
    <message>
        <source>Output of {name}</source>
        <translation>{name} 的输出</translation>
    </message>
    <message>
        <source>y of {name}</source>
        <translation>{name} 的 y</translation>
    </message>
</context>
<context>
    <name>DeleteItems</name>
    <message>
        <source>Delete %n item(s)</source>
        <translation>删除 %n 项</translation>
    </message>
    <message>
        <source>nothing is selected to delete</source>
        <translation>没有选择要删除的内容</translation>
    </message>
</context>
<context>
    <name>Diagnosis</name>
    <message>
        <source>{first}; {second}</source>
        <extracomment>a loss this many times the starting loss (or not a number) counts as diverged</extracomment>
        <translation>{first}；{second}</translation>
    </message>
    <message>
        <source>{names} start with the same weights and bias, so each gets the same gradient at every step and learns the same thing: they stay copies of each other (symmetry). Press Initialise weights to give each neuron its own random start</source>
        <translation>{names} 的初始权重和偏置完全相同，因此每一步得到的梯度都相同、学到的东西也相同：它们始终是彼此的副本（对称性）。点击“初始化权重”，让每个神经元都有自己的随机起点</translation>
    </message>
    <message>
        <source>{names} uses the step activation: its slope step′(z) is 0 everywhere, so the gradient cannot reach the weights into it (or anything before) and only the weights after can learn — use sigmoid or another smooth activation to train them</source>
        <translation>{names} 使用阶跃激活函数：它的斜率 step′(z) 处处为 0，所以梯度到不了连向它的权重（以及它之前的任何部分），只有它之后的权重能学习——要训练这些权重，请改用 sigmoid 或其他平滑的激活函数</translation>
    </message>
    <message>
        <source>{names} use the step activation: its slope step′(z) is 0 everywhere, so the gradient cannot reach the weights into them (or anything before) and only the weights after can learn — use sigmoid or another smooth activation to train them</source>
        <translation>{names} 使用阶跃激活函数：它的斜率 step′(z) 处处为 0，所以梯度到不了连向它们的权重（以及它们之前的任何部分），只有它们之后的权重能学习——要训练这些权重，请改用 sigmoid 或其他平滑的激活函数</translation>
    </message>
    <message>
        <source>the loss is no longer a number</source>
        <translation>损失已经不再是一个数</translation>
    </message>
    <message>
        <source>the loss grew from {initial:.3g} to {loss:.3g}</source>
        <translation>损失从 {initial:.3g} 增长到 {loss:.3g}</translation>
    </message>
    <message>
        <source>training diverged at epoch {epoch} — try a smaller learning rate (e.g. {lr:g}): {grown}, each step overshooting the minimum further than the last</source>
        <translation>训练在第 {epoch} 轮发散——请尝试更小的学习率（例如 {lr:g}）：{grown}，每一步都比上一步更远地冲过最小值</translation>
    </message>
    <message>
        <source>{names} and {count} more</source>
        <translation>{names} 以及另外 {count} 个</translation>
    </message>
    <message>
        <source>{names} and {last}</source>
        <translation>{names} 和 {last}</translation>
    </message>
    <message>
        <source>training cannot change a step neuron: its output jumps from 0 to 1, so nudging a weight changes nothing (its slope is 0: step′(z) = 0 everywhere), and every path from the trainable weights to the outputs passes through a step neuron — use sigmoid (a smooth step) or another smooth activation to train</source>
        <extracomment>activations whose weights start with He (Kaiming) scaling; every other uses Xavier/Glorot</extracomment>
        <translation>训练无法改变阶跃神经元：它的输出从 0 直接跳到 1，稍微调整权重不会带来任何变化（它的斜率为 0：step′(z) 处处为 0），而从可训练的权重到输出的每条路径都经过阶跃神经元——请改用 sigmoid（平滑的阶跃）或其他平滑的激活函数来训练</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>dataset {name} has no column for the input neuron(s) {ids}; its input columns are {have}, the network&apos;s input neurons {want}</source>
        <extracomment>(role, a column is missing) -&gt; what a dataset that does not fit the network says</extracomment>
        <translation>数据集 {name} 没有对应输入神经元 {ids} 的列；它的输入列是 {have}，而网络的输入神经元是 {want}</translation>
    </message>
    <message>
        <source>dataset {name} has column(s) {ids} that match no input neuron; its input columns are {have}, the network&apos;s input neurons {want}</source>
        <translation>数据集 {name} 的列 {ids} 对应不上任何输入神经元；它的输入列是 {have}，而网络的输入神经元是 {want}</translation>
    </message>
    <message>
        <source>dataset {name} has no column for the output neuron(s) {ids}; its output columns are {have}, the network&apos;s output neurons {want}</source>
        <translation>数据集 {name} 没有对应输出神经元 {ids} 的列；它的输出列是 {have}，而网络的输出神经元是 {want}</translation>
    </message>
    <message>
        <source>dataset {name} has column(s) {ids} that match no output neuron; its output columns are {have}, the network&apos;s output neurons {want}</source>
        <translation>数据集 {name} 的列 {ids} 对应不上任何输出神经元；它的输出列是 {have}，而网络的输出神经元是 {want}</translation>
    </message>
    <message>
        <source>every weight and bias is frozen, so training has nothing to change; unfreeze some to train</source>
        <translation>所有权重和偏置都已冻结，训练没有可以改变的东西；解冻其中一部分才能训练</translation>
    </message>
    <message>
        <source>the gradient is zero everywhere: no trainable weight or bias is on a path to an output neuron, so training cannot change the outputs</source>
        <translation>梯度处处为零：没有任何可训练的权重或偏置位于通向输出神经元的路径上，所以训练无法改变输出</translation>
    </message>
    <message>
        <source>the bce loss needs outputs between 0 and 1, but output {id} uses {activation}; use a sigmoid output neuron or the mse loss</source>
        <translation>bce 损失要求输出在 0 和 1 之间，但输出 {id} 使用的是 {activation}；请使用 sigmoid 输出神经元或 mse 损失</translation>
    </message>
    <message>
        <source>the bce loss needs targets between 0 and 1; use the mse loss for regression targets</source>
        <translation>bce 损失要求目标值在 0 和 1 之间；回归目标请使用 mse 损失</translation>
    </message>
</context>
<context>
    <name>DockLayout</name>
    <message>
        <source>Show or hide the {panel} panel</source>
        <extracomment>saved window layouts of another version are dropped for the default arrangement (2: Inspector and notes as tabs, the activation plot below the canvas)</extracomment>
        <translation>显示或隐藏“{panel}”面板</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Untitled</source>
        <extracomment>the network&apos;s announcements the document re-emits, by name (the same on both) a copy of a shipped lesson: where it came from (then ``path`` is None) SHA-256 of the file as this document last read or wrote it (None: not known) refuses edits of protected parts: (kind, key) -&gt; reason or None (exercise locks) why no edit may be made now (the window shows the past: neurosim.ui.scrub), or None puts the present back while the window shows the past (settle() calls it before the network is saved or kept), or None</extracomment>
        <translation>未命名</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>NeuroSim: unexpected error</source>
        <extracomment>called with each report, after it is recorded the most recent reports, oldest first</extracomment>
        <translation>NeuroSim：意外错误</translation>
    </message>
    <message>
        <source>Something went wrong inside NeuroSim. Your network is unchanged and you can keep working; saving it now is a good idea.

{error}</source>
        <translation>NeuroSim 内部出现了问题。您的网络没有改变，可以继续工作；建议现在就保存。

{error}</translation>
    </message>
    <message>
        <source>(%n more error(s) happened meanwhile.)</source>
        <translation>（在此期间又发生了 %n 个错误。）</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>显示详细信息</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
    <message>
        <source>Copy the error and its traceback, to paste into a bug report</source>
        <translation>复制错误及其回溯信息，以便粘贴到错误报告中</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>隐藏详细信息</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>ExerciseController</name>
    <message>
        <source>This file&apos;s exercise cannot be used: {problem}</source>
        <translation>无法使用此文件中的练习：{problem}</translation>
    </message>
</context>
<context>
    <name>ExercisePanel</name>
    <message>
        <source>What to do: the exercise&apos;s instructions</source>
        <translation>要做什么：练习说明</translation>
    </message>
    <message>
        <source>Reveal the next hint (the last one may give the answer)</source>
        <translation>显示下一条提示（最后一条可能直接给出答案）</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>Solved ✓</source>
        <translation>已完成 ✓</translation>
    </message>
    <message>
        <source>Every goal is met. Save your work to hand it in.</source>
        <translation>所有目标均已达成。保存你的作品以便提交。</translation>
    </message>
    <message>
        <source>{done} of {total} checks pass</source>
        <translation>{total} 项检查中已通过 {done} 项</translation>
    </message>
    <message>
        <source>{done} of {total} checks pass — but a locked part was changed</source>
        <translation>{total} 项检查中已通过 {done} 项——但有锁定的部分被修改了</translation>
    </message>
    <message>
        <source>Every goal of the exercise, checked after each change</source>
        <translation>练习的每个目标，每次修改后都会重新检查</translation>
    </message>
    <message>
        <source>%n locked part(s) kept</source>
        <translation>%n 个锁定部分保持不变</translation>
    </message>
    <message>
        <source>nothing is locked</source>
        <translation>没有锁定的部分</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未改动</translation>
    </message>
    <message>
        <source>Locked parts</source>
        <translation>锁定的部分</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>真值表</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>规模</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Goal {n} — {title}</source>
        <translation>目标 {n} — {title}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hint {n}.&lt;/b&gt; {text}</source>
        <translation>&lt;b&gt;提示 {n}：&lt;/b&gt;{text}</translation>
    </message>
    <message>
        <source>Show hint {n} of {total}</source>
        <translation>显示提示 {n}/{total}</translation>
    </message>
    <message>
        <source>All %n hint(s) shown</source>
        <translation>%n 条提示已全部显示</translation>
    </message>
    <message>
        <source>&lt;p&gt;This file has no exercise.&lt;/p&gt;&lt;p&gt;Open one (File ▸ Exercises…) to see its instructions and a live ✓/✗ for every goal, or make one with Tools ▸ Exercise Authoring….&lt;/p&gt;</source>
        <translation>&lt;p&gt;此文件没有练习。&lt;/p&gt;&lt;p&gt;打开一个练习（文件 ▸ 练习…），即可看到它的说明以及每个目标实时的 ✓/✗；也可以用 工具 ▸ 练习编写… 自己制作一个。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ExerciseUI</name>
    <message>
        <source>Exercise solved ✓ — every goal is met. Save your work to hand it in.</source>
        <extracomment>the status bar&apos;s message when the last goal is met (marked for the catalog: show it as ``translate(&quot;ExerciseUI&quot;, SOLVED_MESSAGE)``)</extracomment>
        <translation>练习已完成 ✓ — 所有目标均已达成。保存你的作品以便提交。</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>Exercise &amp;Authoring…</source>
        <translation>练习编写(&amp;A)…</translation>
    </message>
    <message>
        <source>Turn the open network into an exercise: instructions, goals, locks, hints</source>
        <translation>把打开的网络做成练习：说明、目标、锁定、提示</translation>
    </message>
</context>
<context>
    <name>ExercisesDialog</name>
    <message>
        <source>This exercise cannot be opened:</source>
        <translation>无法打开此练习：</translation>
    </message>
    <message>
        <source>This file has no exercise section.</source>
        <translation>此文件没有练习部分。</translation>
    </message>
    <message>
        <source>Exercises — NeuroSim</source>
        <translation>练习 — NeuroSim</translation>
    </message>
    <message>
        <source>Pick an exercise to read what it asks; &lt;b&gt;Open&lt;/b&gt; (or a double-click) starts it as your own copy — the checklist beside the network shows ✓ for every goal you reach.</source>
        <translation>选择一个练习，阅读它的要求；点击&lt;b&gt;打开&lt;/b&gt;（或双击）即以你自己的副本开始练习——网络旁的检查清单会为你达成的每个目标显示 ✓。</translation>
    </message>
    <message>
        <source>The exercise&apos;s network as it opens</source>
        <translation>练习打开时的网络</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Start the chosen exercise (a copy: the original stays)</source>
        <translation>开始所选练习（使用副本，原文件保持不变）</translation>
    </message>
    <message>
        <source>No exercises are installed.</source>
        <translation>未安装练习。</translation>
    </message>
</context>
<context>
    <name>Explain</name>
    <message>
        <source>{id} = {value} (input value)</source>
        <extracomment>a neuron with more incoming synapses shows this many terms, then &quot;… (k more)&quot; from here on a number is written 2.00e12: 2000001000000.00 is hard to read and 1e300 would take 300 digits</extracomment>
        <translation>{id} = {value}（输入值）</translation>
    </message>
    <message>
        <source>{terms} + … ({count} more)</source>
        <translation>{terms} + …（还有 {count} 项）</translation>
    </message>
    <message>
        <source>{call} = {y} (fired)</source>
        <translation>{call} = {y}（激发）</translation>
    </message>
    <message>
        <source>{call} = {y} (not fired)</source>
        <translation>{call} = {y}（未激发）</translation>
    </message>
    <message>
        <source>Make the weights, the bias or the inputs smaller.</source>
        <extracomment>the largest number a float holds, as the overflow messages say it</extracomment>
        <translation>请减小权重、偏置或输入。</translation>
    </message>
    <message>
        <source>Overflow: the weighted sum z is beyond {largest}, the largest number the computer can hold, so it counts as {sign}∞; the activation still gives y = {y}. {advice}</source>
        <translation>溢出：加权和 z 超出了 {largest}（计算机能表示的最大数），因此按 {sign}∞ 计算；激活函数仍给出 y = {y}。{advice}</translation>
    </message>
    <message>
        <source>infinite (∞)</source>
        <translation>无穷大（∞）</translation>
    </message>
    <message>
        <source>not a number (NaN: ∞ − ∞ or 0 · ∞)</source>
        <translation>非数（NaN：∞ − ∞ 或 0 · ∞）</translation>
    </message>
    <message>
        <source>Overflow: this neuron&apos;s value went beyond {largest}, the largest number the computer can hold; it is {what}, not a real result. {advice}</source>
        <translation>溢出：这个神经元的值超出了 {largest}（计算机能表示的最大数）；它是{what}，不是真实的结果。{advice}</translation>
    </message>
</context>
<context>
    <name>ExplainBar</name>
    <message>
        <source>Slow</source>
        <extracomment>the pace of auto-play: name (shown translated) → milliseconds per beat</extracomment>
        <translation>慢</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Fast</source>
        <translation>快</translation>
    </message>
    <message>
        <source>Previous beat (Left, PageUp)</source>
        <translation>上一步（←、PageUp）</translation>
    </message>
    <message>
        <source>Play / pause at the chosen pace (P)</source>
        <translation>按所选速度播放 / 暂停 (P)</translation>
    </message>
    <message>
        <source>Next beat (Right, Space, PageDown)</source>
        <translation>下一步（→、空格、PageDown）</translation>
    </message>
    <message>
        <source>End the explanation and go back to the live view (Esc)</source>
        <translation>结束讲解，回到实时视图 (Esc)</translation>
    </message>
    <message>
        <source>beat {number} of {total}</source>
        <extracomment>what the panel should not cover (canvas coordinates): the lit neurons first, then the whole network</extracomment>
        <translation>第 {number} / {total} 步</translation>
    </message>
    <message>
        <source>How fast auto-play (P) moves from beat to beat</source>
        <translation>自动播放 (P) 每步之间的速度</translation>
    </message>
</context>
<context>
    <name>ExplainMode</name>
    <message>
        <source>Explanation ended: the network changed</source>
        <translation>讲解已结束：网络已改变</translation>
    </message>
    <message>
        <source>E&amp;xplain Forward Pass</source>
        <translation>讲解前向传播(&amp;X)</translation>
    </message>
    <message>
        <source>Walk through one evaluation of the current inputs, term by term</source>
        <translation>逐项演示用当前输入计算一次的过程</translation>
    </message>
    <message>
        <source>Nothing to explain: add a neuron that has inputs</source>
        <translation>没有可讲解的内容：请添加一个有输入的神经元</translation>
    </message>
    <message>
        <source>Cannot explain this network: {reason}</source>
        <translation>无法讲解此网络：{reason}</translation>
    </message>
    <message>
        <source>End E&amp;xplanation</source>
        <translation>结束讲解(&amp;X)</translation>
    </message>
    <message>
        <source>sum so far</source>
        <translation>目前的和</translation>
    </message>
    <message>
        <source>with the bias</source>
        <translation>加上偏置</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>经激活函数</translation>
    </message>
    <message>
        <source>The inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Level {level} · {name}: term {k} of {count}, weight × {source}</source>
        <translation>第 {level} 层 · {name}：第 {k} / {count} 项，权重 × {source}</translation>
    </message>
    <message>
        <source>Level {level} · {name}: add the bias, the net input z</source>
        <translation>第 {level} 层 · {name}：加上偏置，得到净输入 z</translation>
    </message>
    <message>
        <source>Level {level} · {name}: apply the activation, y = f(z)</source>
        <translation>第 {level} 层 · {name}：应用激活函数，y = f(z)</translation>
    </message>
    <message>
        <source>The canvas is not editable while explaining: Esc ends the explanation</source>
        <translation>讲解时画布不可编辑：按 Esc 结束讲解</translation>
    </message>
    <message>
        <source>Explanation: {reason}</source>
        <translation>讲解：{reason}</translation>
    </message>
</context>
<context>
    <name>FileHandling</name>
    <message>
        <source>NeuroSim networks (*.nsim.json);;JSON files (*.json)</source>
        <translation>NeuroSim 网络 (*.nsim.json);;JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Network files (*.json);;All files (*)</source>
        <translation>网络文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>“{title}” has changes that are not saved.
Save them first?</source>
        <translation>“{title}”有尚未保存的更改。
要先保存吗？</translation>
    </message>
    <message>
        <source>Changes to “{name}” kept until NeuroSim closes</source>
        <translation>对“{name}”的更改将保留到 NeuroSim 关闭为止</translation>
    </message>
    <message>
        <source>Open network</source>
        <translation>打开网络</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>Opened {path}</source>
        <translation>已打开 {path}</translation>
    </message>
    <message>
        <source>Opened a copy: the lesson itself stays as shipped</source>
        <translation>已打开副本：课程本身保持原样</translation>
    </message>
    <message>
        <source>Your earlier changes are back; Revert to Original drops them</source>
        <translation>之前的更改已恢复；“还原为原始版本”可丢弃这些更改</translation>
    </message>
    <message>
        <source>Cannot read the original lesson</source>
        <translation>无法读取原始课程</translation>
    </message>
    <message>
        <source>“{name}” is back as it was shipped</source>
        <translation>“{name}”已恢复为原始版本</translation>
    </message>
    <message>
        <source>Save network as</source>
        <translation>网络另存为</translation>
    </message>
    <message>
        <source>Cannot save there</source>
        <translation>无法保存到该位置</translation>
    </message>
    <message>
        <source>{path}
is in NeuroSim&apos;s own lessons folder, which stays as installed for everyone. Save your copy somewhere else, for example in {folder}.</source>
        <translation>{path}
位于 NeuroSim 自带的课程文件夹中，该文件夹须对所有人保持安装时的状态。请将副本保存到其他位置，例如 {folder}。</translation>
    </message>
    <message>
        <source>Cannot save the file</source>
        <translation>无法保存文件</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Your version is kept; save it under a name of your choice</source>
        <translation>已保留您的版本；请以您选择的文件名保存</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>&amp;Clear Recent Files</source>
        <translation>清除最近文件(&amp;C)</translation>
    </message>
    <message>
        <source>File changed elsewhere</source>
        <translation>文件已在别处被更改</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Keep mine (Save As…)</source>
        <translation>保留我的版本（另存为…）</translation>
    </message>
    <message>
        <source>“{name}” was removed or renamed since you opened or saved it here.</source>
        <translation>自您在此打开或保存后，“{name}”已被删除或重命名。</translation>
    </message>
    <message>
        <source>“{name}” was changed by another program or window since you opened or saved it here.</source>
        <translation>自您在此打开或保存后，“{name}”已被其他程序或窗口更改。</translation>
    </message>
    <message>
        <source>Saving now would overwrite that version.</source>
        <translation>现在保存将覆盖那个版本。</translation>
    </message>
    <message>
        <source>Reload it (your unsaved changes here are dropped), or keep your version and save it under a name you choose?</source>
        <translation>要重新加载（此处未保存的更改将被丢弃），还是保留您的版本并以您选择的文件名保存？</translation>
    </message>
</context>
<context>
    <name>FormulaMessages</name>
    <message>
        <source>Unknown function “{name}”</source>
        <translation>未知函数“{name}”</translation>
    </message>
    <message>
        <source>Unknown name “{name}”</source>
        <translation>未知名称“{name}”</translation>
    </message>
    <message>
        <source>This character is not allowed: {char}</source>
        <translation>不允许使用此字符：{char}</translation>
    </message>
    <message>
        <source>The formula ends too early: a number, z, a parameter or ( is missing</source>
        <translation>公式提前结束：缺少数字、z、参数或 (</translation>
    </message>
    <message>
        <source>Expected a number, z, a parameter or (, not {found}</source>
        <translation>此处应为数字、z、参数或 (，而不是 {found}</translation>
    </message>
    <message>
        <source>{what} is missing</source>
        <translation>缺少 {what}</translation>
    </message>
    <message>
        <source>Expected {what}, not {found}</source>
        <translation>此处应为 {what}，而不是 {found}</translation>
    </message>
    <message>
        <source>Unexpected {found}</source>
        <translation>意外的 {found}</translation>
    </message>
    <message>
        <source>{name} is a function: write {name}(…)</source>
        <translation>{name} 是函数：请写成 {name}(…)</translation>
    </message>
    <message>
        <source>{name} takes {n} argument(s), not {k}</source>
        <translation>{name} 需要 {n} 个参数，而不是 {k} 个</translation>
    </message>
    <message>
        <source>The first argument of {name} is a comparison, such as z &gt; 0</source>
        <translation>{name} 的第一个参数应是比较式，例如 z &gt; 0</translation>
    </message>
    <message>
        <source>A comparison may stand only first in where(…) or if(…)</source>
        <translation>比较式只能作为 where(…) 或 if(…) 的第一个参数</translation>
    </message>
    <message>
        <source>Type a formula in z, such as z * sigmoid(z)</source>
        <translation>请输入关于 z 的公式，例如 z * sigmoid(z)</translation>
    </message>
    <message>
        <source>The formula does not use z: every neuron would output a constant</source>
        <translation>公式中没有用到 z：每个神经元都会输出常数</translation>
    </message>
    <message>
        <source>The formula nests {n} exponentials; at most {most} (deeper ones overflow)</source>
        <translation>公式嵌套了 {n} 层指数函数；最多 {most} 层（更深会溢出）</translation>
    </message>
    <message>
        <source>The formula is too long: at most {most} characters</source>
        <translation>公式太长：最多 {most} 个字符</translation>
    </message>
    <message>
        <source>The formula nests deeper than {n} levels</source>
        <translation>公式嵌套超过 {n} 层</translation>
    </message>
    <message>
        <source>The formula has more than {n} parts</source>
        <translation>公式超过 {n} 个组成部分</translation>
    </message>
    <message>
        <source>The number {x} is too large</source>
        <translation>数字 {x} 太大</translation>
    </message>
    <message>
        <source>At most {most} parameters</source>
        <translation>最多 {most} 个参数</translation>
    </message>
    <message>
        <source>“{name}” cannot name a parameter (letters, digits and _; not z)</source>
        <translation>“{name}”不能作为参数名（只能用字母、数字和 _，且不能是 z）</translation>
    </message>
    <message>
        <source>did you mean {name}?</source>
        <translation>是不是想写 {name}？</translation>
    </message>
    <message>
        <source>the names are {names}</source>
        <translation>可用的名称：{names}</translation>
    </message>
    <message>
        <source>known functions: {names}</source>
        <translation>可用的函数：{names}</translation>
    </message>
</context>
<context>
    <name>FormulaPreview</name>
    <message>
        <source>f(z)</source>
        <extracomment>the z the preview draws at: the activation plot&apos;s span</extracomment>
        <translation>f(z)</translation>
    </message>
    <message>
        <source>f′(z), the slope</source>
        <translation>f′(z)，即斜率</translation>
    </message>
    <message>
        <source>The formula f(z) (solid) and the slope f′(z) the program derived (dashed), for z from −6 to 6</source>
        <translation>公式 f(z)（实线）与程序推导出的斜率 f′(z)（虚线），z 从 −6 到 6</translation>
    </message>
</context>
<context>
    <name>FormulaUI</name>
    <message>
        <source>New Activation for {neurons}</source>
        <translation>为 {neurons} 新建激活函数</translation>
    </message>
    <message>
        <source>New &amp;Activation…</source>
        <translation>新建激活函数(&amp;A)…</translation>
    </message>
    <message>
        <source>Write an activation function as a formula in z and add it to the network</source>
        <translation>用关于 z 的公式编写激活函数，并将其加入网络</translation>
    </message>
</context>
<context>
    <name>Gallery</name>
    <message>
        <source>E&amp;xamples</source>
        <translation>示例(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Next Example</source>
        <translation>下一个示例(&amp;N)</translation>
    </message>
    <message>
        <source>Open the next example of the gallery (PageDown)</source>
        <translation>打开示例库中的下一个示例（PageDown）</translation>
    </message>
    <message>
        <source>&amp;Previous Example</source>
        <translation>上一个示例(&amp;P)</translation>
    </message>
    <message>
        <source>Open the previous example of the gallery (PageUp)</source>
        <translation>打开示例库中的上一个示例（PageUp）</translation>
    </message>
    <message>
        <source>(no examples installed)</source>
        <translation>（未安装示例）</translation>
    </message>
    <message>
        <source>That was the last example</source>
        <translation>这已是最后一个示例</translation>
    </message>
    <message>
        <source>This is the first example</source>
        <translation>这是第一个示例</translation>
    </message>
</context>
<context>
    <name>GoalRow</name>
    <message>
        <source>passes</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>does not pass yet</source>
        <translation>尚未通过</translation>
    </message>
</context>
<context>
    <name>GradientLevelsView</name>
    <message>
        <source>How much of the output&apos;s gradient reaches each level (|∂y/∂z|, log scale): red when under 1 %, too little to learn</source>
        <translation>输出的梯度有多少传到每一层（|∂y/∂z|，对数刻度）：低于 1 % 时显示为红色，太小，无法学习</translation>
    </message>
    <message>
        <source>Gradient reaching each level</source>
        <translation>传到各层的梯度</translation>
    </message>
    <message>
        <source>No hidden levels</source>
        <translation>没有隐藏层</translation>
    </message>
    <message>
        <source>level {depth}</source>
        <translation>第 {depth} 层</translation>
    </message>
</context>
<context>
    <name>HoverHints</name>
    <message>
        <source>Drag from the rim onto a hidden or output neuron to connect {id}</source>
        <translation>从边缘拖到隐藏或输出神经元上以连接 {id}</translation>
    </message>
    <message>
        <source>Drag up/down to change {id} (Shift: finer) · double-click to type · Alt+wheel nudges</source>
        <translation>上下拖动可改变 {id}（Shift：更精细）· 双击可输入 · Alt+滚轮微调</translation>
    </message>
    <message>
        <source>Drag to move {id} · double-click to edit its bias · Alt+wheel nudges it</source>
        <translation>拖动可移动 {id} · 双击可编辑其偏置 · Alt+滚轮微调</translation>
    </message>
    <message>
        <source>Drag to move {id} · double-click to edit its value · Alt+wheel nudges it</source>
        <translation>拖动可移动 {id} · 双击可编辑其数值 · Alt+滚轮微调</translation>
    </message>
    <message>
        <source>{id}: double-click to type the weight · Alt+wheel nudges it (Shift: finer)</source>
        <translation>{id}：双击可输入权重 · Alt+滚轮微调（Shift：更精细）</translation>
    </message>
</context>
<context>
    <name>InPlaceEditor</name>
    <message>
        <source>the synapse no longer exists</source>
        <translation>该突触已不存在</translation>
    </message>
    <message>
        <source>Weight {source} → {target}</source>
        <translation>权重 {source} → {target}</translation>
    </message>
    <message>
        <source>{id} no longer exists</source>
        <translation>{id} 已不存在</translation>
    </message>
    <message>
        <source>Not possible: {reason}</source>
        <translation>无法修改：{reason}</translation>
    </message>
    <message>
        <source>{what}: type a number · Enter applies · Esc cancels</source>
        <translation>{what}：输入一个数 · Enter 应用 · Esc 取消</translation>
    </message>
    <message>
        <source>Value of %n inputs</source>
        <translation>%n 个输入的数值</translation>
    </message>
    <message>
        <source>Value of {id}</source>
        <translation>{id} 的数值</translation>
    </message>
    <message>
        <source>Bias of %n neurons</source>
        <translation>%n 个神经元的偏置</translation>
    </message>
    <message>
        <source>Bias of {id}</source>
        <translation>{id} 的偏置</translation>
    </message>
</context>
<context>
    <name>Ink</name>
    <message>
        <source>Laser pointer</source>
        <translation>激光笔</translation>
    </message>
    <message>
        <source>Pen</source>
        <translation>笔</translation>
    </message>
    <message>
        <source>Highlighter</source>
        <translation>荧光笔</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <source>Red</source>
        <extracomment>Okabe &amp; Ito&apos;s colour-blind-safe palette, the three that differ most for every common colour vision (vermillion, blue, yellow) and stay visible on the light and dark themes</extracomment>
        <translation>红色</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
</context>
<context>
    <name>InkPalette</name>
    <message>
        <source>Laser pointer</source>
        <extracomment>the core&apos;s names of the tools and colours (neurosim.core.ink), marked for the catalog: shown as translate(&quot;InkPalette&quot;, name)</extracomment>
        <translation>激光笔</translation>
    </message>
    <message>
        <source>Pen</source>
        <translation>钢笔</translation>
    </message>
    <message>
        <source>Highlighter</source>
        <translation>荧光笔</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>Laser pointer: a bright dot with a short fading trail (L; or hold right button)</source>
        <translation>激光笔：一个带短暂渐隐轨迹的亮点（L；或按住右键）</translation>
    </message>
    <message>
        <source>Pen: draw; a tablet&apos;s pressure makes the line wider (P)</source>
        <translation>钢笔：绘制；数位板的压力会让线条变粗（P）</translation>
    </message>
    <message>
        <source>Highlighter: a wide translucent marker (M)</source>
        <translation>荧光笔：宽而半透明的标记（M）</translation>
    </message>
    <message>
        <source>Eraser: drag over strokes to remove them (E)</source>
        <translation>橡皮擦：在笔迹上拖动即可擦除（E）</translation>
    </message>
    <message>
        <source>The tool and colour in use</source>
        <translation>当前使用的工具和颜色</translation>
    </message>
    <message>
        <source>{colour} pen and highlighter ({key})</source>
        <translation>{colour}钢笔和荧光笔（{key}）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Remove all the ink (C)</source>
        <translation>清除所有笔迹（C）</translation>
    </message>
    <message>
        <source>Stop drawing (Esc when the screen has no ink)</source>
        <translation>停止绘图（屏幕上没有笔迹时按 Esc）</translation>
    </message>
</context>
<context>
    <name>InkUI</name>
    <message>
        <source>&amp;Draw on Screen</source>
        <translation>屏幕绘图(&amp;D)</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>绘图</translation>
    </message>
    <message>
        <source>Laser pointer, pen, highlighter and eraser over the whole window; never part of the network or of undo. Keys: L P M E, C clears, 1 2 3 colours, Esc</source>
        <translation>在整个窗口上使用激光笔、钢笔、荧光笔和橡皮擦；笔迹不属于网络，也不计入撤销。按键：L P M E，C 清除，1 2 3 选颜色，Esc</translation>
    </message>
    <message>
        <source>Draw on Screen ({keys}): {tip}</source>
        <translation>屏幕绘图（{keys}）：{tip}</translation>
    </message>
</context>
<context>
    <name>InputLink</name>
    <message>
        <source>one of the networks has no inputs</source>
        <translation>其中一个网络没有输入</translation>
    </message>
    <message>
        <source>the inputs differ ({left} against {right}) and their names do not match</source>
        <translation>两边输入个数不同（{left} 对 {right}），名称也不匹配</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>What sets this input while the clock runs (Run / Space): a constant, a sine, a square wave, a sweep, noise or the rows of a table. Manual: the value above.</source>
        <translation>时钟运行时（运行 / Space）决定此输入的信号：常数、正弦波、方波、扫描波、噪声或表格的各行。手动：使用上面的数值。</translation>
    </message>
    <message>
        <source>Input neuron</source>
        <translation>输入神经元</translation>
    </message>
    <message>
        <source>Hidden neuron</source>
        <translation>隐藏神经元</translation>
    </message>
    <message>
        <source>Output neuron</source>
        <translation>输出神经元</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>b: the bias, added to the weighted sum of the inputs</source>
        <translation>b：偏置，加到输入的加权和上</translation>
    </message>
    <message>
        <source>x: the value this input neuron feeds forward</source>
        <translation>x：此输入神经元向前传递的数值</translation>
    </message>
    <message>
        <source>w: the weight this synapse multiplies its input by</source>
        <translation>w：此突触与其输入相乘的权重</translation>
    </message>
    <message>
        <source>The activation function y = f(z) (hover over an item for its formula)</source>
        <translation>激活函数 y = f(z)（鼠标悬停在条目上可查看公式）</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>Select a neuron or a synapse on the canvas to see its numbers and change them.

Add neurons with the palette tools or the keys I (input), H (hidden) and O (output).</source>
        <translation>在画布上选择一个神经元或突触，即可查看并修改它的数值。

用工具面板或按键 I（输入）、H（隐藏）和 O（输出）添加神经元。</translation>
    </message>
</context>
<context>
    <name>InstructionsEditor</name>
    <message>
        <source>What should the student do? Say what to change, what is locked and what counts as done.</source>
        <translation>学生应该做什么？说明要修改什么、哪些部分被锁定，以及怎样算完成。</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>粗体</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>斜体</translation>
    </message>
    <message>
        <source>Underline</source>
        <translation>下划线</translation>
    </message>
    <message>
        <source>Code (monospace), e.g. for a formula</source>
        <translation>代码（等宽字体），例如用于公式</translation>
    </message>
    <message>
        <source>Subscript, as in w₁</source>
        <translation>下标，如 w₁</translation>
    </message>
    <message>
        <source>Superscript</source>
        <translation>上标</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Bullet list</source>
        <translation>项目符号列表</translation>
    </message>
</context>
<context>
    <name>Leftovers</name>
    <message>
        <source>{path} is no longer there: the restored work will not be saved over it; Save will ask for a file name.</source>
        <extracomment>between a session&apos;s name and the number of one of its kept lesson copies what became of the file a leftover&apos;s edits were made to, as the restore question says it (context &quot;Leftovers&quot;; {path} is the file)</extracomment>
        <translation>{path} 已不存在：恢复的工作不会覆盖它；保存时将询问文件名。</translation>
    </message>
    <message>
        <source>{path} has changed since: the restored work will not be saved over it; Save will ask for a file name.</source>
        <translation>{path} 此后已被更改：恢复的工作不会覆盖它；保存时将询问文件名。</translation>
    </message>
    <message>
        <source>{path} may have changed since: the restored work will not be saved over it; Save will ask for a file name.</source>
        <translation>{path} 此后可能已被更改：恢复的工作不会覆盖它；保存时将询问文件名。</translation>
    </message>
    <message>
        <source>Untitled</source>
        <extracomment>the same session&apos;s other work, offered and restored with this one</extracomment>
        <translation>未命名</translation>
    </message>
    <message>
        <source>NeuroSim did not close properly last time.

Unsaved changes to “{name}”, saved automatically at {when}, can be restored.</source>
        <translation>NeuroSim 上次未能正常关闭。

对“{name}”的未保存更改已于 {when} 自动保存，可以恢复。</translation>
    </message>
    <message>
        <source>Your changes to these lessons come back too, as copies (open a lesson again to see them):
{lessons}</source>
        <translation>您对以下课程的更改也会以副本形式恢复（重新打开课程即可看到）：
{lessons}</translation>
    </message>
    <message>
        <source>You also asked to open “{name}”.</source>
        <translation>您还要求打开“{name}”。</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>恢复未保存的工作？</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Open “{name}” (keep the work for later)</source>
        <translation>打开“{name}”（工作留待下次）</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
</context>
<context>
    <name>LegendOverlay</name>
    <message>
        <source>fired</source>
        <translation>激发</translation>
    </message>
    <message>
        <source>silent</source>
        <translation>静默</translation>
    </message>
</context>
<context>
    <name>LessonCopies</name>
    <message>
        <source>Revert to Original</source>
        <translation>还原为原始版本</translation>
    </message>
    <message>
        <source>Drop your changes to “{title}” and go back to the original lesson?

The changes cannot be brought back afterwards.</source>
        <translation>要丢弃对“{title}”的更改并回到原始课程吗？

之后将无法找回这些更改。</translation>
    </message>
    <message>
        <source>Revert to Saved</source>
        <translation>还原为已保存版本</translation>
    </message>
    <message>
        <source>Drop your changes to “{title}” and go back to the version saved on disk?

The changes cannot be brought back afterwards.</source>
        <translation>要丢弃对“{title}”的更改并回到磁盘上保存的版本吗？

之后将无法找回这些更改。</translation>
    </message>
    <message>
        <source>Changed lessons</source>
        <translation>已更改的课程</translation>
    </message>
    <message>
        <source>You changed these lessons in this session; the changes are lost when NeuroSim closes:

{lessons}

To keep one, open it again (File ▸ Examples or File ▸ Exercises) and save it.</source>
        <translation>您在本次会话中更改了以下课程；NeuroSim 关闭后这些更改将丢失：

{lessons}

如需保留，请重新打开（文件 ▸ 示例 或 文件 ▸ 练习）并保存。</translation>
    </message>
    <message>
        <source>Revert to &amp;Original</source>
        <translation>还原为原始版本(&amp;O)</translation>
    </message>
    <message>
        <source>Drop your changes: back to the lesson as shipped</source>
        <translation>丢弃更改：回到课程的原始版本</translation>
    </message>
    <message>
        <source>Re&amp;vert to Saved</source>
        <translation>还原为已保存版本(&amp;V)</translation>
    </message>
    <message>
        <source>Drop your changes: back to the file as saved</source>
        <translation>丢弃更改：回到文件已保存的版本</translation>
    </message>
</context>
<context>
    <name>LessonsUI</name>
    <message>
        <source>What to notice</source>
        <translation>注意要点</translation>
    </message>
    <message>
        <source>&amp;Start Page</source>
        <translation>起始页(&amp;S)</translation>
    </message>
    <message>
        <source>The examples as cards, the exercises, New and Open</source>
        <translation>以卡片显示的示例、练习、新建和打开</translation>
    </message>
    <message>
        <source>E&amp;xercises…</source>
        <translation>练习(&amp;X)…</translation>
    </message>
    <message>
        <source>The exercises: read what each asks, then open one as your own copy (Ctrl+E)</source>
        <translation>练习：先阅读每个练习的要求，再以你自己的副本打开其中一个（Ctrl+E）</translation>
    </message>
</context>
<context>
    <name>LivePlots</name>
    <message>
        <source>Activation function</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Traces</source>
        <translation>轨迹</translation>
    </message>
    <message>
        <source>Decision surface</source>
        <translation>决策面</translation>
    </message>
    <message>
        <source>Firing raster</source>
        <translation>激发光栅图</translation>
    </message>
    <message>
        <source>Sparsity</source>
        <translation>稀疏性</translation>
    </message>
    <message>
        <source>How many hidden neurons are silent (output 0) right now</source>
        <translation>当前有多少隐藏神经元处于静默（输出为 0）</translation>
    </message>
</context>
<context>
    <name>LockNotes</name>
    <message>
        <source>step</source>
        <translation>阶跃</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>slope</source>
        <translation>斜率</translation>
    </message>
    <message>
        <source>alpha</source>
        <translation>α</translation>
    </message>
    <message>
        <source>its input value cannot be changed</source>
        <translation>它的输入值不能修改</translation>
    </message>
    <message>
        <source>its bias cannot be changed</source>
        <translation>它的偏置不能修改</translation>
    </message>
    <message>
        <source>its activation cannot be changed</source>
        <translation>它的激活函数不能修改</translation>
    </message>
    <message>
        <source>its {parameter} cannot be changed</source>
        <translation>它的{parameter}不能修改</translation>
    </message>
    <message>
        <source>{neuron} must stay: it cannot be deleted</source>
        <translation>{neuron} 必须保留：不能删除</translation>
    </message>
    <message>
        <source>its bias is frozen: it cannot be changed</source>
        <translation>它的偏置已冻结：不能修改</translation>
    </message>
    <message>
        <source>Locked by the exercise:
{lines}</source>
        <translation>被练习锁定：
{lines}</translation>
    </message>
    <message>
        <source>Locked by the exercise: the weight {source} → {target} cannot be changed or deleted</source>
        <translation>被练习锁定：权重 {source} → {target} 不能修改或删除</translation>
    </message>
    <message>
        <source>Frozen by the exercise: the weight {source} → {target} must keep its value</source>
        <translation>被练习冻结：权重 {source} → {target} 必须保持原值</translation>
    </message>
</context>
<context>
    <name>LockTree</name>
    <message>
        <source>Tick what students may not change. A neuron&apos;s own box: it must stay; its fields below: their values must stay</source>
        <translation>勾选学生不得修改的部分。神经元本身的复选框：该神经元必须保留；其下各项：这些值必须保持不变</translation>
    </message>
    <message>
        <source>Only the canvas selection</source>
        <translation>仅画布上选中的部分</translation>
    </message>
    <message>
        <source>List only the neurons and synapses selected on the canvas (the ticks of the others are kept)</source>
        <translation>只列出画布上选中的神经元和突触（其他项的勾选会保留）</translation>
    </message>
    <message>
        <source>Lock all weights</source>
        <translation>锁定所有权重</translation>
    </message>
    <message>
        <source>Tick every synapse: students change only biases and fields</source>
        <translation>勾选每个突触：学生只能修改偏置和其他各项</translation>
    </message>
    <message>
        <source>Unlock all</source>
        <translation>全部解锁</translation>
    </message>
    <message>
        <source>weight {source} → {target}</source>
        <translation>权重 {source} → {target}</translation>
    </message>
    <message>
        <source>{name} (input) must stay</source>
        <translation>{name}（输入）必须保留</translation>
    </message>
    <message>
        <source>{name} (output) must stay</source>
        <translation>{name}（输出）必须保留</translation>
    </message>
    <message>
        <source>{name} (hidden) must stay</source>
        <translation>{name}（隐藏）必须保留</translation>
    </message>
    <message>
        <source>input value</source>
        <translation>输入值</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>activation ({activation})</source>
        <translation>激活函数（{activation}）</translation>
    </message>
</context>
<context>
    <name>Locks</name>
    <message>
        <source>input value</source>
        <translation>输入值</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>frozen by the exercise: {problem}</source>
        <translation>已被练习冻结：{problem}</translation>
    </message>
    <message>
        <source>locked by the exercise: {problem}</source>
        <translation>已被练习锁定：{problem}</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未改变</translation>
    </message>
    <message>
        <source>neuron {nid} was {kind}, now {now}</source>
        <translation>神经元 {nid} 原来是{kind}神经元，现在是{now}神经元</translation>
    </message>
    <message>
        <source>input neuron {nid} is kept</source>
        <translation>保留输入神经元 {nid}</translation>
    </message>
    <message>
        <source>hidden neuron {nid} is kept</source>
        <translation>保留隐藏神经元 {nid}</translation>
    </message>
    <message>
        <source>output neuron {nid} is kept</source>
        <translation>保留输出神经元 {nid}</translation>
    </message>
    <message>
        <source>neuron {nid} was deleted</source>
        <translation>神经元 {nid} 被删除了</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>weight {synapse} stays {value}</source>
        <translation>权重 {synapse} 保持为 {value}</translation>
    </message>
    <message>
        <source>the synapse {synapse} was deleted</source>
        <translation>突触 {synapse} 被删除了</translation>
    </message>
    <message>
        <source>the weight {synapse} was {before}, now {now}</source>
        <translation>权重 {synapse} 原为 {before}，现为 {now}</translation>
    </message>
    <message>
        <source>{field} of {nid} stays {value}</source>
        <translation>{nid} 的{field}保持为 {value}</translation>
    </message>
    <message>
        <source>{nid} no longer has a {field} (its activation is now {activation})</source>
        <translation>{nid} 不再有 {field}（它的激活函数现在是 {activation}）</translation>
    </message>
    <message>
        <source>the {field} of {nid} was {before}, now {now}</source>
        <translation>{nid} 的{field}原为 {before}，现为 {now}</translation>
    </message>
    <message>
        <source>the weight {synapse}</source>
        <translation>权重 {synapse}</translation>
    </message>
    <message>
        <source>frozen by the exercise: the weight {synapse} must keep its value</source>
        <translation>已被练习冻结：权重 {synapse} 必须保持原值</translation>
    </message>
    <message>
        <source>frozen by the exercise: the bias of {nid} must keep its value</source>
        <translation>已被练习冻结：{nid} 的偏置必须保持原值</translation>
    </message>
    <message>
        <source>locked by the exercise: {what} is part of the task, so its activation must stay</source>
        <translation>已被练习锁定：{what}是任务的一部分，所以它的激活函数不能改</translation>
    </message>
    <message>
        <source>frozen by the exercise: neuron {nid} must keep its bias</source>
        <translation>已被练习冻结：神经元 {nid} 必须保持它的偏置</translation>
    </message>
    <message>
        <source>the exercise&apos;s goals use neuron {nid}, so it cannot be deleted</source>
        <translation>练习的目标用到了神经元 {nid}，所以不能删除它</translation>
    </message>
    <message>
        <source>locked by the exercise: {what} is part of the task</source>
        <translation>已被练习锁定：{what}是任务的一部分</translation>
    </message>
    <message>
        <source>neuron {nid}</source>
        <translation>神经元 {nid}</translation>
    </message>
    <message>
        <source>the {field} of {nid}</source>
        <translation>{nid} 的{field}</translation>
    </message>
</context>
<context>
    <name>Losses</name>
    <message>
        <source>mean squared error: mean of (y − t)²; for any output range</source>
        <translation>均方误差：(y − t)² 的平均值；适用于任何输出范围</translation>
    </message>
    <message>
        <source>binary cross-entropy: mean of −[t·ln y + (1 − t)·ln(1 − y)]; outputs in (0, 1)</source>
        <translation>二元交叉熵：−[t·ln y + (1 − t)·ln(1 − y)] 的平均值；输出须在 (0, 1) 之内</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Inspector</source>
        <translation>属性面板</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;打开时&gt;</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Neurons and synapses in the network</source>
        <translation>网络中的神经元和突触数</translation>
    </message>
    <message>
        <source>Larger text and neurons for a projector</source>
        <translation>为投影仪放大文字和神经元</translation>
    </message>
    <message>
        <source>{title}[*] — NeuroSim</source>
        <translation>{title}[*] — NeuroSim</translation>
    </message>
    <message>
        <source>%n neuron(s)</source>
        <translation>%n 个神经元</translation>
    </message>
    <message>
        <source>%n synapse(s)</source>
        <translation>%n 个突触</translation>
    </message>
    <message>
        <source>{neurons}, {synapses}</source>
        <translation>{neurons}，{synapses}</translation>
    </message>
    <message>
        <source>Not possible: {reason}</source>
        <translation>无法执行：{reason}</translation>
    </message>
    <message>
        <source>Select the neurons to copy first</source>
        <translation>请先选择要复制的神经元</translation>
    </message>
    <message>
        <source>The clipboard holds no neurons copied from NeuroSim</source>
        <translation>剪贴板中没有从 NeuroSim 复制的神经元</translation>
    </message>
    <message>
        <source>Cannot paste: {reason}</source>
        <translation>无法粘贴：{reason}</translation>
    </message>
    <message>
        <source>About NeuroSim</source>
        <translation>关于 NeuroSim</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;Normal</source>
        <extracomment>text sizes offered in View ▸ Text Size: (menu text, factor); translated where shown</extracomment>
        <translation>正常(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Large</source>
        <translation>大(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Extra Large</source>
        <translation>特大(&amp;E)</translation>
    </message>
    <message>
        <source>Canvas</source>
        <extracomment>what the mouse and the canvas&apos;s own keys do (no actions, so listed by hand), for the shortcuts dialog: (where, what it does, how), translated where shown
----------
key names as printed on keyboards</extracomment>
        <translation>画布</translation>
    </message>
    <message>
        <source>Select a neuron or synapse</source>
        <translation>选择神经元或突触</translation>
    </message>
    <message>
        <source>Click (Ctrl+click adds or removes)</source>
        <translation>单击（Ctrl+单击可添加或移除）</translation>
    </message>
    <message>
        <source>Select several</source>
        <translation>选择多个</translation>
    </message>
    <message>
        <source>Drag a frame on empty space</source>
        <translation>在空白处拖出选框</translation>
    </message>
    <message>
        <source>Move neurons</source>
        <translation>移动神经元</translation>
    </message>
    <message>
        <source>Drag a neuron (Snap to Grid aligns it)</source>
        <translation>拖动神经元（“对齐网格”会将其对齐）</translation>
    </message>
    <message>
        <source>Connect two neurons</source>
        <translation>连接两个神经元</translation>
    </message>
    <message>
        <source>Drag from a neuron&apos;s rim, or Shift+drag, to another</source>
        <translation>从神经元边缘拖动（或按住 Shift 拖动）到另一个神经元</translation>
    </message>
    <message>
        <source>Change an input&apos;s value</source>
        <translation>改变输入的值</translation>
    </message>
    <message>
        <source>Drag its lower half up/down (Shift: finer)</source>
        <translation>上下拖动其下半部分（Shift：更精细）</translation>
    </message>
    <message>
        <source>Type a weight, bias or input value</source>
        <translation>键入权重、偏置或输入值</translation>
    </message>
    <message>
        <source>Double-click it; Enter applies</source>
        <translation>双击它；按 Enter 应用</translation>
    </message>
    <message>
        <source>Nudge a weight, bias or input value</source>
        <translation>微调权重、偏置或输入值</translation>
    </message>
    <message>
        <source>Alt+wheel over it (Shift: finer)</source>
        <translation>在其上 Alt+滚轮（Shift：更精细）</translation>
    </message>
    <message>
        <source>Zoom around the pointer</source>
        <translation>以指针为中心缩放</translation>
    </message>
    <message>
        <source>Ctrl+wheel</source>
        <translation>Ctrl+滚轮</translation>
    </message>
    <message>
        <source>Scroll</source>
        <translation>滚动</translation>
    </message>
    <message>
        <source>Wheel</source>
        <translation>滚轮</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>平移</translation>
    </message>
    <message>
        <source>Middle-drag, or hold Space and drag</source>
        <translation>中键拖动，或按住空格键拖动</translation>
    </message>
    <message>
        <source>Run / Pause the clock</source>
        <translation>运行 / 暂停时钟</translation>
    </message>
    <message>
        <source>Tap Space</source>
        <translation>轻按空格键</translation>
    </message>
    <message>
        <source>Add a neuron of the chosen tool</source>
        <translation>添加所选工具对应的神经元</translation>
    </message>
    <message>
        <source>Click empty space</source>
        <translation>单击空白处</translation>
    </message>
    <message>
        <source>Cancel a drag or an edit; back to Select; clear the selection</source>
        <translation>取消拖动或编辑；回到选择工具；清除选择</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Add, delete, paste, set activation…</source>
        <translation>添加、删除、粘贴、设置激活函数…</translation>
    </message>
    <message>
        <source>Right-click</source>
        <translation>右键单击</translation>
    </message>
    <message>
        <source>Draw on Screen</source>
        <translation>屏幕绘图</translation>
    </message>
    <message>
        <source>Laser, pen, highlighter, eraser; colours</source>
        <translation>激光笔、钢笔、荧光笔、橡皮擦；颜色</translation>
    </message>
    <message>
        <source>L, P, M, E; 1, 2, 3</source>
        <translation>L、P、M、E；1、2、3</translation>
    </message>
    <message>
        <source>Laser pointer while held, whatever the tool</source>
        <translation>按住时为激光笔（无论当前工具）</translation>
    </message>
    <message>
        <source>Right button</source>
        <translation>右键</translation>
    </message>
    <message>
        <source>Clear the ink; Esc clears it, a second Esc stops</source>
        <translation>清除笔迹；Esc 清除，再按一次 Esc 停止绘图</translation>
    </message>
    <message>
        <source>C, Esc</source>
        <translation>C、Esc</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Text Size</source>
        <translation>文字大小(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>A simulator of artificial neurons for teaching: watch z = Σ wᵢxᵢ + b and y = f(z) change as you edit a network.</source>
        <translation>用于教学的人工神经元模拟器：编辑网络时，观察 z = Σ wᵢxᵢ + b 与 y = f(z) 如何变化。</translation>
    </message>
    <message>
        <source>Free software under the MIT licence. Qt and PySide6 are used under the GNU LGPL v3, pyqtgraph under the MIT licence, numpy under the BSD licence.</source>
        <translation>以 MIT 许可证发布的自由软件。Qt 与 PySide6 依 GNU LGPL v3 使用，pyqtgraph 依 MIT 许可证使用，numpy 依 BSD 许可证使用。</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
</context>
<context>
    <name>MoveNeurons</name>
    <message>
        <source>Move %n neuron(s)</source>
        <translation>移动 %n 个神经元</translation>
    </message>
    <message>
        <source>Auto-layout %n neuron(s)</source>
        <translation>自动布局 %n 个神经元</translation>
    </message>
    <message>
        <source>{what}: %n neuron(s)</source>
        <translation>{what}：%n 个神经元</translation>
    </message>
</context>
<context>
    <name>MultiPage</name>
    <message>
        <source>b: sets the bias of every selected hidden and output neuron to this number</source>
        <translation>b：把所有选中的隐藏和输出神经元的偏置设为此数</translation>
    </message>
    <message>
        <source>x: sets the value of every selected input neuron to this number</source>
        <translation>x：把所有选中的输入神经元的数值设为此数</translation>
    </message>
    <message>
        <source>1 neuron selected</source>
        <translation>已选中 1 个神经元</translation>
    </message>
    <message>
        <source>%n neurons selected</source>
        <translation>已选中 %n 个神经元</translation>
    </message>
    <message>
        <source>1 neuron</source>
        <translation>1 个神经元</translation>
    </message>
    <message>
        <source>%n neurons</source>
        <translation>%n 个神经元</translation>
    </message>
    <message>
        <source>1 synapse</source>
        <translation>1 个突触</translation>
    </message>
    <message>
        <source>%n synapses</source>
        <translation>%n 个突触</translation>
    </message>
    <message>
        <source>{neurons} and {synapses} selected</source>
        <translation>已选中 {neurons}和 {synapses}</translation>
    </message>
    <message>
        <source>(mixed)</source>
        <translation>（不同）</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Bias b</source>
        <translation>偏置 b</translation>
    </message>
    <message>
        <source>Value x</source>
        <translation>数值 x</translation>
    </message>
    <message>
        <source>{description} (sets it on every selected neuron)</source>
        <translation>{description}（设置到每个选中的神经元）</translation>
    </message>
    <message>
        <source>Select neurons to set their activation, bias or value together.</source>
        <translation>选择多个神经元，可一起设置它们的激活函数、偏置或数值。</translation>
    </message>
    <message>
        <source>Activation and bias apply to all %n selected hidden/output neurons at once (one undo step).</source>
        <translation>激活函数和偏置同时作用于全部 %n 个选中的隐藏/输出神经元（一步撤销）。</translation>
    </message>
    <message>
        <source>Activation and bias apply to {id} (inputs have none).</source>
        <translation>激活函数和偏置作用于 {id}（输入神经元没有这两项）。</translation>
    </message>
    <message>
        <source>Their biases differ (from {low} to {high}); the box shows {id}&apos;s.</source>
        <translation>它们的偏置各不相同（从 {low} 到 {high}）；框中显示的是 {id} 的。</translation>
    </message>
    <message>
        <source>Value x applies to all %n selected inputs.</source>
        <translation>数值 x 作用于全部 %n 个选中的输入。</translation>
    </message>
    <message>
        <source>Value x applies to {id}.</source>
        <translation>数值 x 作用于 {id}。</translation>
    </message>
    <message>
        <source>Their values differ (from {low} to {high}); the box shows {id}&apos;s.</source>
        <translation>它们的数值各不相同（从 {low} 到 {high}）；框中显示的是 {id} 的。</translation>
    </message>
</context>
<context>
    <name>Network</name>
    <message>
        <source>there is no neuron &apos;{id}&apos;</source>
        <extracomment>every announcement a Network makes, by attribute name (views adapting them rely on it) the announcements of a change of structure (neurons or synapses added or removed) top-level file keys this version does not interpret, kept on round trip</extracomment>
        <translation>没有神经元“{id}”</translation>
    </message>
    <message>
        <source>&apos;{id}&apos; is an input neuron: inputs take no synapses</source>
        <translation>“{id}”是输入神经元：输入神经元不接受突触</translation>
    </message>
    <message>
        <source>a neuron may not connect to itself ({id} → {id})</source>
        <translation>神经元不能连接到自己（{id} → {id}）</translation>
    </message>
    <message>
        <source>there is already a synapse {source} → {target}</source>
        <translation>已经有一条突触 {source} → {target}</translation>
    </message>
    <message>
        <source>connecting {source} → {target} would create a cycle {cycle}</source>
        <translation>连接 {source} → {target} 会形成环路 {cycle}</translation>
    </message>
</context>
<context>
    <name>NeuronItem</name>
    <message>
        <source>overflow</source>
        <translation>溢出</translation>
    </message>
    <message>
        <source>Input {id}: drag the lower part up/down to change its value, double-click to type it, Alt+wheel to nudge · drag the strip to move · drag the rim (or Shift+drag) to connect</source>
        <translation>输入 {id}：上下拖动下半部分可改变数值，双击可输入，Alt+滚轮微调 · 拖动标题条可移动 · 拖动边缘（或 Shift+拖动）可连接</translation>
    </message>
    <message>
        <source>Hidden neuron {id}: drag to move · drag the rim (or Shift+drag) to connect · double-click or Alt+wheel to edit its bias</source>
        <translation>隐藏神经元 {id}：拖动可移动 · 拖动边缘（或 Shift+拖动）可连接 · 双击或 Alt+滚轮可编辑偏置</translation>
    </message>
    <message>
        <source>Output neuron {id}: drag to move · drag the rim (or Shift+drag) to connect · double-click or Alt+wheel to edit its bias</source>
        <translation>输出神经元 {id}：拖动可移动 · 拖动边缘（或 Shift+拖动）可连接 · 双击或 Alt+滚轮可编辑偏置</translation>
    </message>
</context>
<context>
    <name>NeuronPage</name>
    <message>
        <source>The name shown on the canvas (press Enter to apply)</source>
        <translation>画布上显示的名称（按 Enter 应用）</translation>
    </message>
    <message>
        <source>Input, hidden or output; fixed when the neuron is made</source>
        <translation>输入、隐藏或输出；创建神经元时即已确定</translation>
    </message>
    <message>
        <source>The weighted sum z = Σ wᵢ·xᵢ + b and the activation y = f(z), with the current numbers</source>
        <translation>加权和 z = Σ wᵢ·xᵢ + b 与激活 y = f(z)，代入当前数值</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Bias b</source>
        <translation>偏置 b</translation>
    </message>
    <message>
        <source>Value x</source>
        <translation>数值 x</translation>
    </message>
    <message>
        <source>{kind} {name}</source>
        <translation>{kind} {name}</translation>
    </message>
</context>
<context>
    <name>NewActivationDialog</name>
    <message>
        <source>Write each parameter as name = number: {part}</source>
        <translation>每个参数请写成“名称 = 数字”：{part}</translation>
    </message>
    <message>
        <source>The default of {name} is not a number</source>
        <translation>{name} 的默认值不是数字</translation>
    </message>
    <message>
        <source>Give the activation a name</source>
        <translation>请为激活函数命名</translation>
    </message>
    <message>
        <source>A name is letters, digits and _, starting with a letter or _ (at most 40)</source>
        <translation>名称只能由字母、数字和 _ 组成，以字母或 _ 开头（最多 40 个字符）</translation>
    </message>
    <message>
        <source>“{name}” is a built-in activation: choose another name</source>
        <translation>“{name}”是内置激活函数：请换一个名称</translation>
    </message>
    <message>
        <source>This session already has an activation “{name}” (y = {formula}): choose another name</source>
        <translation>本次会话中已有名为“{name}”的激活函数（y = {formula}）：请换一个名称</translation>
    </message>
    <message>
        <source>The network already has “{name}”</source>
        <translation>网络中已有“{name}”</translation>
    </message>
    <message>
        <source>New Activation</source>
        <translation>新建激活函数</translation>
    </message>
    <message>
        <source>Add to Network</source>
        <translation>加入网络</translation>
    </message>
    <message>
        <source>Start from the library:</source>
        <translation>从函数库开始：</translation>
    </message>
    <message>
        <source>The name neurons and files use: letters, digits and _</source>
        <translation>神经元和文件使用的名称：字母、数字和 _</translation>
    </message>
    <message>
        <source>e.g. swish_2</source>
        <translation>例如 swish_2</translation>
    </message>
    <message>
        <source>The name lists show (optional; the name if empty)</source>
        <translation>列表中显示的名称（可选；留空则用上面的名称）</translation>
    </message>
    <message>
        <source>y = f(z): numbers, z, the parameters, + − * / ^, parentheses and the functions below</source>
        <translation>y = f(z)：可用数字、z、参数、+ − * / ^、括号和下列函数</translation>
    </message>
    <message>
        <source>Where the formula goes wrong</source>
        <translation>公式出错的位置</translation>
    </message>
    <message>
        <source>Functions: {names}</source>
        <translation>函数：{names}</translation>
    </message>
    <message>
        <source>Named parameters with their defaults, used in the formula</source>
        <translation>公式中用到的具名参数及其默认值</translation>
    </message>
    <message>
        <source>When a neuron with it counts as fired</source>
        <translation>使用它的神经元在什么条件下算作激发</translation>
    </message>
    <message>
        <source>One line for tooltips (optional)</source>
        <translation>一行说明，显示在提示中（可选）</translation>
    </message>
    <message>
        <source>The derivative, derived exactly from the formula</source>
        <translation>由公式精确推导出的导数</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Formula y = f(z):</source>
        <translation>公式 y = f(z)(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Parameters:</source>
        <translation>参数(&amp;P)：</translation>
    </message>
    <message>
        <source>Fires &amp;when:</source>
        <translation>激发条件(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>说明(&amp;D)：</translation>
    </message>
    <message>
        <source>Derivative:</source>
        <translation>导数：</translation>
    </message>
    <message>
        <source>Activations NeuroSim ships: pick one to edit</source>
        <translation>NeuroSim 自带的激活函数：选一个来编辑</translation>
    </message>
    <message>
        <source>Add the activation to the open network</source>
        <translation>将此激活函数加入当前打开的网络</translation>
    </message>
    <message>
        <source>Enter adds “{name}” to the network; Esc cancels</source>
        <translation>按 Enter 将“{name}”加入网络；按 Esc 取消</translation>
    </message>
    <message>
        <source>Fix what is marked in red</source>
        <translation>请修改红色标出的内容</translation>
    </message>
    <message>
        <source>Column {column}: {message}</source>
        <translation>第 {column} 列：{message}</translation>
    </message>
    <message>
        <source>Hint: {hint}</source>
        <translation>提示：{hint}</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>This network has no notes.

The examples (File ▸ Examples) say here what to look at while you change them.</source>
        <translation>此网络没有说明。

示例（文件 ▸ 示例）会在这里告诉你修改网络时应注意观察什么。</translation>
    </message>
    <message>
        <source>Suggested training: %n epoch(s) · {optimizer} · learning rate {lr} · {loss} loss · full batch · seed {seed}</source>
        <translation>建议训练：%n 轮 · {optimizer} · 学习率 {lr} · {loss} 损失 · 全批量 · 随机种子 {seed}</translation>
    </message>
    <message>
        <source>Suggested training: %n epoch(s) · {optimizer} · learning rate {lr} · {loss} loss · batches of {batch} · seed {seed}</source>
        <translation>建议训练：%n 轮 · {optimizer} · 学习率 {lr} · {loss} 损失 · 批量大小 {batch} · 随机种子 {seed}</translation>
    </message>
    <message>
        <source>The notes and view of this file are not used:

{problem}</source>
        <translation>未使用此文件的说明和视图：

{problem}</translation>
    </message>
    <message>
        <source>What to notice</source>
        <translation>注意要点</translation>
    </message>
</context>
<context>
    <name>NumberBox</name>
    <message>
        <source>from {low} to {high}</source>
        <extracomment>the widest number text a box makes room for</extracomment>
        <translation>{low} 至 {high} 之间</translation>
    </message>
    <message>
        <source>{typed} is out of range: type a number {range}</source>
        <translation>{typed} 超出范围：请输入 {range}的数</translation>
    </message>
    <message>
        <source>A number {range}; type e.g. 0.5, −1.5 or 1e-3 (a dot for decimals)</source>
        <translation>{range}的数；可输入如 0.5、−1.5 或 1e-3（用小数点“.”）</translation>
    </message>
</context>
<context>
    <name>Origin</name>
    <message>
        <source>{name} — from the gallery</source>
        <extracomment>a copy of a shipped file&apos;s title, by the folder it came from (translated in the window)</extracomment>
        <translation>{name} — 来自示例库</translation>
    </message>
    <message>
        <source>{name} — exercise</source>
        <translation>{name} — 练习</translation>
    </message>
    <message>
        <source>{name} — from NeuroSim&apos;s lessons</source>
        <translation>{name} — 来自 NeuroSim 课程</translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <source>could not write {path}</source>
        <translation>无法写入 {path}</translation>
    </message>
</context>
<context>
    <name>PlotPanel</name>
    <message>
        <source>Activation</source>
        <extracomment>the &quot;vanishing gradient&quot; text on a light or a dark ground (tinted by the shaded region)</extracomment>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Plot</source>
        <extracomment>the panel&apos;s name (English, marked for translation: :attr:`shown_title` translates it)</extracomment>
        <translation>图</translation>
    </message>
    <message>
        <source>Export as PNG image…</source>
        <extracomment>redraw after each evaluation and clock step (False: the panel shows something else, e.g. a training run&apos;s curves, and schedules itself when that changes) draws the clock&apos;s history only: an evaluation of a past moment (scrubbing) shows nothing new here, so it is not redrawn for one</extracomment>
        <translation>导出为 PNG 图像…</translation>
    </message>
    <message>
        <source>Export as SVG drawing…</source>
        <translation>导出为 SVG 矢量图…</translation>
    </message>
    <message>
        <source>Export data as CSV…</source>
        <translation>将数据导出为 CSV…</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>复制图像</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Export {title}</source>
        <translation>导出{title}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Could not write {path}:
{error}</source>
        <translation>无法写入 {path}：
{error}</translation>
    </message>
    <message>
        <source>Firing raster</source>
        <translation>激发光栅图</translation>
    </message>
    <message>
        <source>Sparsity</source>
        <translation>稀疏性</translation>
    </message>
    <message>
        <source>Decision surface</source>
        <translation>决策面</translation>
    </message>
    <message>
        <source>Traces</source>
        <translation>轨迹</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Language changed</source>
        <translation>语言已更改</translation>
    </message>
    <message>
        <source>The new language applies when NeuroSim is restarted. Close NeuroSim and start it again to see it.</source>
        <translation>新语言将在 NeuroSim 重新启动后生效。请关闭 NeuroSim 并再次启动。</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>The language of NeuroSim&apos;s menus, panels and dialogs</source>
        <translation>NeuroSim 菜单、面板和对话框使用的语言</translation>
    </message>
    <message>
        <source>A new language applies when NeuroSim is restarted.</source>
        <translation>更改语言后，需重新启动 NeuroSim 才会生效。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <source>&amp;Presentation</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen, large text and neurons, high contrast (F5; Esc leaves)</source>
        <translation>全屏、大号文字和神经元、高对比度（F5；Esc 退出）</translation>
    </message>
    <message>
        <source>Leave Presentation</source>
        <translation>退出演示模式</translation>
    </message>
    <message>
        <source>Presentation &amp;Settings…</source>
        <translation>演示设置(&amp;S)…</translation>
    </message>
    <message>
        <source>How much larger presentation mode makes everything, and what it keeps on screen</source>
        <translation>演示模式把所有内容放大多少，以及屏幕上保留哪些部分</translation>
    </message>
</context>
<context>
    <name>PresentationSettings</name>
    <message>
        <source>Presentation Settings</source>
        <translation>演示设置</translation>
    </message>
    <message>
        <source>Text, neurons, lines and plots in presentation mode: this many times their size in the window</source>
        <translation>演示模式下的文字、神经元、连线和图：放大为窗口中大小的这么多倍</translation>
    </message>
    <message>
        <source>Keep the inspector on screen</source>
        <translation>保留属性面板</translation>
    </message>
    <message>
        <source>Show “What to notice”</source>
        <translation>显示“注意要点”</translation>
    </message>
    <message>
        <source>Show the status bar</source>
        <translation>显示状态栏</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
</context>
<context>
    <name>ProblemsBox</name>
    <message>
        <source>Why this will not learn well</source>
        <translation>为什么这样学不好</translation>
    </message>
</context>
<context>
    <name>RasterPanel</name>
    <message>
        <source>step t</source>
        <translation>步 t</translation>
    </message>
    <message>
        <source>neuron</source>
        <translation>神经元</translation>
    </message>
    <message>
        <source>output ≠ 0</source>
        <translation>输出 ≠ 0</translation>
    </message>
    <message>
        <source>When each neuron fired</source>
        <translation>各神经元的激发时刻</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Could not save a recovery copy in {folder}: {reason}</source>
        <translation>无法在 {folder} 中保存恢复副本：{reason}</translation>
    </message>
    <message>
        <source>A recovery file could not be read and was removed: {reason}</source>
        <translation>一个恢复文件无法读取，已被删除：{reason}</translation>
    </message>
    <message>
        <source>Restored your unsaved work; {name} is no longer there, so Save will ask for a file name</source>
        <extracomment>the status bar after a restore when the original file is not what the work was made to</extracomment>
        <translation>已恢复您未保存的工作；{name} 已不存在，因此保存时将询问文件名</translation>
    </message>
    <message>
        <source>Restored your unsaved work; {name} has changed since, so Save will ask for a file name</source>
        <translation>已恢复您未保存的工作；{name} 此后已被更改，因此保存时将询问文件名</translation>
    </message>
    <message>
        <source>Restored your unsaved work; {name} may have changed since, so Save will ask for a file name</source>
        <translation>已恢复您未保存的工作；{name} 此后可能已被更改，因此保存时将询问文件名</translation>
    </message>
    <message>
        <source>Restored your unsaved work and your changes to %n more lesson(s)</source>
        <translation>已恢复您未保存的工作，以及对另外 %n 个课程的更改</translation>
    </message>
    <message>
        <source>Restored your unsaved work; save it to keep it</source>
        <translation>已恢复您未保存的工作；请保存以免丢失</translation>
    </message>
</context>
<context>
    <name>ReportUI</name>
    <message>
        <source>Export &amp;Report…</source>
        <translation>导出报告(&amp;R)…</translation>
    </message>
    <message>
        <source>Save a lab report: the network, its weights, plots, training, exercise and edits</source>
        <translation>保存实验报告：网络及其权重、图、训练、练习和编辑记录</translation>
    </message>
    <message>
        <source>{tip} ({keys})</source>
        <translation>{tip}（{keys}）</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Web page (*.html);;PDF document (*.pdf)</source>
        <translation>网页 (*.html);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>it is in NeuroSim&apos;s own lessons folder</source>
        <translation>它位于 NeuroSim 自带的课程文件夹中</translation>
    </message>
    <message>
        <source>Cannot export the report</source>
        <translation>无法导出报告</translation>
    </message>
    <message>
        <source>Report saved: {path}</source>
        <translation>报告已保存：{path}</translation>
    </message>
</context>
<context>
    <name>ResponseView</name>
    <message>
        <source>output of {name}</source>
        <translation>{name} 的输出</translation>
    </message>
    <message>
        <source>train data</source>
        <translation>训练数据</translation>
    </message>
    <message>
        <source>data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>test data</source>
        <translation>测试数据</translation>
    </message>
    <message>
        <source>y of {name}</source>
        <translation>{name} 的 y</translation>
    </message>
    <message>
        <source>Output of {name} against {x}</source>
        <translation>{name} 的输出随 {x} 的变化</translation>
    </message>
</context>
<context>
    <name>ScrubBar</name>
    <message>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>时间步</translation>
    </message>
    <message>
        <source>The timeline runs over the steps of the clock</source>
        <translation>时间轴按模拟时钟的时间步回看</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>训练轮</translation>
    </message>
    <message>
        <source>The timeline runs over the epochs of training</source>
        <translation>时间轴按训练的各轮回看</translation>
    </message>
    <message>
        <source>Drag to any recorded moment: the canvas, inspector and plots show it (Left/Right, Home/End with the keyboard)</source>
        <translation>拖到任意已记录的时刻：画布、属性面板和各个图都显示那一刻（键盘：左/右、Home/End）</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Back to the present ({key})</source>
        <translation>回到现在（{key}）</translation>
    </message>
    <message>
        <source>step {step} (now)</source>
        <translation>第 {step} 步（现在）</translation>
    </message>
    <message>
        <source>step {step} of {newest}</source>
        <translation>第 {step} 步，共 {newest} 步</translation>
    </message>
    <message>
        <source>epoch {epoch} (now)</source>
        <translation>第 {epoch} 轮（现在）</translation>
    </message>
    <message>
        <source>epoch {epoch} of {newest}</source>
        <translation>第 {epoch} 轮，共 {newest} 轮</translation>
    </message>
    <message>
        <source>epoch {epoch} of {newest} · loss {loss}</source>
        <translation>第 {epoch} 轮，共 {newest} 轮 · 损失 {loss}</translation>
    </message>
</context>
<context>
    <name>ScrubController</name>
    <message>
        <source>Branch at step {step}</source>
        <translation>从第 {step} 步分支</translation>
    </message>
    <message>
        <source>Branch at epoch {epoch}</source>
        <translation>从第 {epoch} 轮分支</translation>
    </message>
    <message>
        <source>Resume from the past</source>
        <translation>从过去继续</translation>
    </message>
    <message>
        <source>The window shows step {step}, in the past.</source>
        <translation>窗口显示的是过去的第 {step} 步。</translation>
    </message>
    <message>
        <source>Branch here: continue from this step and drop the steps after it.
Return to the present: continue from the newest step.</source>
        <translation>在此分支：从这一步继续，丢弃它之后的各步。
回到现在：从最新的一步继续。</translation>
    </message>
    <message>
        <source>The window shows epoch {epoch}, in the past.</source>
        <translation>窗口显示的是过去的第 {epoch} 轮。</translation>
    </message>
    <message>
        <source>Branch here: go on from the weights of this epoch and drop the epochs after it (one undo step).
Return to the present: go on from the newest weights.</source>
        <translation>在此分支：从这一轮的权重继续，丢弃它之后的各轮（一个撤销步骤）。
回到现在：从最新的权重继续。</translation>
    </message>
    <message>
        <source>&amp;Branch here</source>
        <translation>在此分支(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Return to the present</source>
        <translation>回到现在(&amp;R)</translation>
    </message>
    <message>
        <source>The window shows step {step} of the past: press Now (Ctrl+End) to edit, or Run/Step and choose Branch here</source>
        <translation>窗口显示的是过去的第 {step} 步：按“现在”（Ctrl+End）回来后才能编辑，或按“运行”/“单步”并选择“在此分支”</translation>
    </message>
    <message>
        <source>The window shows epoch {epoch} of the past: press Now (Ctrl+End) to edit, or Train and choose Branch here</source>
        <translation>窗口显示的是过去的第 {epoch} 轮：按“现在”（Ctrl+End）回来后才能编辑，或按“训练”并选择“在此分支”</translation>
    </message>
</context>
<context>
    <name>Selection</name>
    <message>
        <source>the clipboard does not hold NeuroSim neurons</source>
        <extracomment>copies closer than this (model units) to a neuron already there would hide it</extracomment>
        <translation>剪贴板中没有 NeuroSim 神经元</translation>
    </message>
    <message>
        <source>Nothing is selected to delete</source>
        <translation>没有选中可删除的内容</translation>
    </message>
    <message>
        <source>Cannot paste: {reason}</source>
        <translation>无法粘贴：{reason}</translation>
    </message>
    <message>
        <source>Pasted {neurons} and {synapses}</source>
        <translation>已粘贴 {neurons}和 {synapses}</translation>
    </message>
    <message>
        <source>%n neuron(s)</source>
        <translation>%n 个神经元</translation>
    </message>
    <message>
        <source>%n synapse(s)</source>
        <translation>%n 个突触</translation>
    </message>
    <message>
        <source>Select neurons to copy</source>
        <translation>请选择要复制的神经元</translation>
    </message>
    <message>
        <source>Copied %n neuron(s)</source>
        <translation>已复制 %n 个神经元</translation>
    </message>
    <message>
        <source>The clipboard holds no NeuroSim neurons</source>
        <translation>剪贴板中没有 NeuroSim 神经元</translation>
    </message>
</context>
<context>
    <name>SetActivation</name>
    <message>
        <source>Activation {name} on {ids}</source>
        <translation>将 {ids} 的激活函数设为 {name}</translation>
    </message>
    <message>
        <source>select a hidden or output neuron to set its activation</source>
        <translation>请选择一个隐藏或输出神经元来设置其激活函数</translation>
    </message>
</context>
<context>
    <name>SetFieldOfMany</name>
    <message>
        <source>Bias of %n neuron(s)</source>
        <translation>%n 个神经元的偏置</translation>
    </message>
    <message>
        <source>Value of %n neuron(s)</source>
        <translation>%n 个神经元的值</translation>
    </message>
    <message>
        <source>select the neurons whose bias to set</source>
        <translation>请选择要设置偏置的神经元</translation>
    </message>
    <message>
        <source>select the neurons whose value to set</source>
        <translation>请选择要设置值的神经元</translation>
    </message>
</context>
<context>
    <name>SetInputs</name>
    <message>
        <source>&apos;{id}&apos; is not an input neuron</source>
        <translation>“{id}”不是输入神经元</translation>
    </message>
</context>
<context>
    <name>SetNeuronField</name>
    <message>
        <source>Bias of {id}</source>
        <extracomment>the history&apos;s text for a change of one of a neuron&apos;s fields</extracomment>
        <translation>{id} 的偏置</translation>
    </message>
    <message>
        <source>Value of {id}</source>
        <translation>{id} 的值</translation>
    </message>
    <message>
        <source>Label of {id}</source>
        <translation>{id} 的标签</translation>
    </message>
    <message>
        <source>Source of {id}</source>
        <translation>{id} 的信号源</translation>
    </message>
    <message>
        <source>&apos;{id}&apos; is an input neuron; inputs have no bias</source>
        <translation>“{id}”是输入神经元；输入没有偏置</translation>
    </message>
    <message>
        <source>&apos;{id}&apos; is not an input neuron</source>
        <translation>“{id}”不是输入神经元</translation>
    </message>
    <message>
        <source>the label {problem}</source>
        <translation>标签{problem}</translation>
    </message>
</context>
<context>
    <name>SetParam</name>
    <message>
        <source>{name} of {id}</source>
        <translation>{id} 的 {name}</translation>
    </message>
</context>
<context>
    <name>SetParamOfMany</name>
    <message>
        <source>{name} of %n neuron(s)</source>
        <translation>%n 个神经元的 {name}</translation>
    </message>
    <message>
        <source>select the neurons whose {name} to set</source>
        <translation>请选择要设置 {name} 的神经元</translation>
    </message>
</context>
<context>
    <name>SetWeight</name>
    <message>
        <source>Weight {source} → {target}</source>
        <translation>权重 {source} → {target}</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <extracomment>a mnemonic set after the text, as Chinese menus write it: &quot;文件(&amp;F)&quot;</extracomment>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>What</source>
        <translation>功能</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SourceEditor</name>
    <message>
        <source>Value</source>
        <extracomment>the row label of each field of a source (shown translated)</extracomment>
        <translation>数值</translation>
    </message>
    <message>
        <source>Amplitude</source>
        <translation>振幅</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>相位</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>偏移</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>占空比</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>Spread (std)</source>
        <translation>离散度（标准差）</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>保持</translation>
    </message>
    <message>
        <source>steps</source>
        <extracomment>the unit after a field&apos;s number (shown translated)</extracomment>
        <translation>步</translation>
    </message>
    <message>
        <source>Where this input&apos;s value comes from while the clock runs</source>
        <translation>时钟运行时此输入的数值来源</translation>
    </message>
    <message>
        <source>The first steps of this signal (t counts steps)</source>
        <translation>此信号的前若干步（t 为步数）</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>Table rows separated by &apos;;&apos;, entries by spaces or commas, e.g. 0 0; 0 1; 1 0; 1 1 (a truth table)</source>
        <translation>表格各行用 &apos;;&apos; 分隔，各项用空格或逗号分隔，例如 0 0; 0 1; 1 0; 1 1（真值表）</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行</translation>
    </message>
    <message>
        <source>The value is set by hand (slider or canvas).</source>
        <translation>数值手动设置（滑块或画布）。</translation>
    </message>
    <message>
        <source>Each row is held for ‘hold’ steps; this input takes the entry in ‘column’ (0 = first).</source>
        <translation>每行保持「保持」所设的步数；此输入取每行中「列」所指的项（0 = 第一项）。</translation>
    </message>
    <message>
        <source>Rows: every entry must be a number ({text})</source>
        <translation>行：每一项都必须是数字（{text}）</translation>
    </message>
</context>
<context>
    <name>Sources</name>
    <message>
        <source>half the swing, top to middle</source>
        <translation>摆动幅度的一半（从顶部到中线）</translation>
    </message>
    <message>
        <source>steps per cycle</source>
        <translation>每个周期的步数</translation>
    </message>
    <message>
        <source>shift of the cycle, in degrees</source>
        <translation>周期的相移（度）</translation>
    </message>
    <message>
        <source>the middle value</source>
        <translation>中线的值</translation>
    </message>
    <message>
        <source>lowest value</source>
        <translation>最小值</translation>
    </message>
    <message>
        <source>highest value</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>same seed, same noise</source>
        <translation>种子相同，噪声就相同</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>常数</translation>
    </message>
    <message>
        <source>the value</source>
        <translation>取值</translation>
    </message>
    <message>
        <source>Sine wave</source>
        <translation>正弦波</translation>
    </message>
    <message>
        <source>Square wave</source>
        <translation>方波</translation>
    </message>
    <message>
        <source>fraction of each period spent high</source>
        <translation>每个周期中处于高电平的比例</translation>
    </message>
    <message>
        <source>Triangle sweep</source>
        <translation>三角波扫描</translation>
    </message>
    <message>
        <source>Sawtooth sweep</source>
        <translation>锯齿波扫描</translation>
    </message>
    <message>
        <source>Uniform noise</source>
        <translation>均匀噪声</translation>
    </message>
    <message>
        <source>Gaussian noise</source>
        <translation>高斯噪声</translation>
    </message>
    <message>
        <source>the average value</source>
        <translation>平均值</translation>
    </message>
    <message>
        <source>standard deviation (spread)</source>
        <translation>标准差（离散程度）</translation>
    </message>
    <message>
        <source>Sequence (table rows)</source>
        <translation>序列（表格各行）</translation>
    </message>
    <message>
        <source>which entry of each row (0 = first)</source>
        <translation>取每行的第几项（0 = 第一项）</translation>
    </message>
    <message>
        <source>steps each row is held</source>
        <translation>每行保持的步数</translation>
    </message>
</context>
<context>
    <name>SparsityPanel</name>
    <message>
        <source>no hidden neurons</source>
        <translation>没有隐藏神经元</translation>
    </message>
    <message>
        <source>sparsity: {silent} % silent (hidden neurons active, output ≠ 0: {active} of {total}; fired: {fired})</source>
        <translation>稀疏性：{silent} % 静默（活跃的隐藏神经元，输出 ≠ 0：{active} / {total}；激发：{fired}）</translation>
    </message>
    <message>
        <source>sparsity: {silent} % silent (hidden neurons active: {active} of {total})</source>
        <translation>稀疏性：{silent} % 静默（活跃的隐藏神经元：{active} / {total}）</translation>
    </message>
    <message>
        <source>step t</source>
        <translation>步 t</translation>
    </message>
    <message>
        <source>active (%)</source>
        <translation>活跃（%）</translation>
    </message>
    <message>
        <source>hidden output y</source>
        <translation>隐藏输出 y</translation>
    </message>
    <message>
        <source>neurons</source>
        <translation>神经元数</translation>
    </message>
    <message>
        <source>brain: 1–4 % active</source>
        <translation>大脑：1–4 % 活跃</translation>
    </message>
    <message>
        <source>silent</source>
        <translation>静默</translation>
    </message>
    <message>
        <source>active (output ≠ 0)</source>
        <translation>活跃（输出 ≠ 0）</translation>
    </message>
    <message>
        <source>hidden neurons (%)</source>
        <translation>隐藏神经元（%）</translation>
    </message>
    <message>
        <source>Active hidden neurons</source>
        <translation>活跃的隐藏神经元</translation>
    </message>
    <message>
        <source>Hidden outputs now</source>
        <translation>当前隐藏输出</translation>
    </message>
</context>
<context>
    <name>StackAction</name>
    <message>
        <source>&amp;Undo {what}</source>
        <extracomment>Undo/Redo: (menu text with the step, without one, tooltip with the step, without one)</extracomment>
        <translation>撤销(&amp;U) {what}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Undo: {what}</source>
        <translation>撤销：{what}</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>没有可撤销的操作</translation>
    </message>
    <message>
        <source>&amp;Redo {what}</source>
        <translation>重做(&amp;R) {what}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Redo: {what}</source>
        <translation>重做：{what}</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>没有可重做的操作</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>{what} ({keys})</source>
        <translation>{what}（{keys}）</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Start — NeuroSim</source>
        <translation>起始页 — NeuroSim</translation>
    </message>
    <message>
        <source>Pick an example to explore — each opens with its plots and a note on what to notice — or start from scratch.</source>
        <translation>选择一个示例开始探索——每个示例打开时都带有相应的图和一段“注意要点”说明——或者从空白网络开始。</translation>
    </message>
    <message>
        <source>Show this page when NeuroSim starts</source>
        <translation>启动 NeuroSim 时显示此页</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>New empty network</source>
        <translation>新建空白网络</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Exercises&lt;/b&gt; — check your answer with {command}</source>
        <translation>&lt;b&gt;练习&lt;/b&gt; — 用 {command} 检查你的答案</translation>
    </message>
</context>
<context>
    <name>StepFix</name>
    <message>
        <source>This exercise locks the step activation on purpose: you solve it by setting the weights and bias yourself, not by training.</source>
        <translation>本练习有意锁定了阶跃激活函数：你需要亲自设置权重和偏置来完成它，而不是靠训练。</translation>
    </message>
    <message>
        <source>Use sigmoid instead of step (%n neuron(s))</source>
        <translation>用 sigmoid 代替阶跃函数（%n 个神经元）</translation>
    </message>
    <message>
        <source>Show a hint</source>
        <translation>显示提示</translation>
    </message>
    <message>
        <source>Show the exercise&apos;s next hint</source>
        <translation>显示练习的下一条提示</translation>
    </message>
    <message>
        <source>Use sigmoid instead of step</source>
        <translation>用 sigmoid 代替阶跃函数</translation>
    </message>
    <message>
        <source>Make every step neuron a sigmoid neuron (a smooth step that gradient descent can adjust), then press Train; Undo brings the step neurons back</source>
        <translation>把每个阶跃神经元改为 sigmoid 神经元（梯度下降可以调整的平滑阶跃），然后按“训练”；撤销可恢复阶跃神经元</translation>
    </message>
</context>
<context>
    <name>SurfaceControls</name>
    <message>
        <source>The input along the horizontal axis</source>
        <translation>横轴上的输入</translation>
    </message>
    <message>
        <source>The input along the vertical axis</source>
        <translation>纵轴上的输入</translation>
    </message>
    <message>
        <source>The neuron whose output is coloured</source>
        <translation>用颜色显示其输出的神经元</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适配</translation>
    </message>
    <message>
        <source>Choose ranges that cover the inputs&apos; values and sources</source>
        <translation>选择覆盖输入的值及其信号源的范围</translation>
    </message>
    <message>
        <source>to</source>
        <comment>a range: from lo to hi</comment>
        <translation>到</translation>
    </message>
    <message>
        <source>from</source>
        <comment>a range: from lo to hi</comment>
        <translation>从</translation>
    </message>
    <message>
        <source>x axis</source>
        <translation>x 轴</translation>
    </message>
    <message>
        <source>y axis</source>
        <translation>y 轴</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>The neuron whose output is drawn</source>
        <translation>绘制其输出的神经元</translation>
    </message>
</context>
<context>
    <name>SurfaceKey</name>
    <message>
        <source>fires</source>
        <translation>激发</translation>
    </message>
    <message>
        <source>inputs now</source>
        <translation>当前输入</translation>
    </message>
    <message>
        <source>fires: {rule}</source>
        <translation>激发：{rule}</translation>
    </message>
</context>
<context>
    <name>SurfacePoints</name>
    <message>
        <source>train</source>
        <extracomment>the legend&apos;s words for the kinds of rows, as the training curves say (translated where shown: ``translate(&quot;SurfacePoints&quot;, KEY_LABELS[part])``)</extracomment>
        <translation>训练</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
</context>
<context>
    <name>SynapseItem</name>
    <message>
        <source>Synapse {source} → {target}: double-click to type the weight, Alt+wheel to nudge it (Shift: finer)</source>
        <translation>突触 {source} → {target}：双击可输入权重，Alt+滚轮微调（Shift：更精细）</translation>
    </message>
</context>
<context>
    <name>SynapsePage</name>
    <message>
        <source>The neuron whose output this synapse carries</source>
        <translation>此突触传递其输出的神经元</translation>
    </message>
    <message>
        <source>The neuron that adds w·x to its weighted sum</source>
        <translation>把 w·x 加入自身加权和的神经元</translation>
    </message>
    <message>
        <source>What this synapse adds to its target&apos;s sum</source>
        <translation>此突触为目标神经元的加权和贡献的量</translation>
    </message>
    <message>
        <source>Weight w</source>
        <translation>权重 w</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Synapse {source} → {target}</source>
        <translation>突触 {source} → {target}</translation>
    </message>
    <message>
        <source>{name}, {kind}</source>
        <translation>{name}，{kind}</translation>
    </message>
    <message>
        <source>Overflow: beyond {largest}, the largest number the computer can hold; make the weights or the inputs smaller.</source>
        <translation>溢出：超过了 {largest}，即计算机能表示的最大数；请减小权重或输入。</translation>
    </message>
</context>
<context>
    <name>TargetTable</name>
    <message>
        <source>fired</source>
        <extracomment>the firing words as a cell shows them (the file stores the English word)</extracomment>
        <translation>激发</translation>
    </message>
    <message>
        <source>silent</source>
        <translation>静默</translation>
    </message>
    <message>
        <source>not fired</source>
        <translation>未激发</translation>
    </message>
    <message>
        <source>Truth table</source>
        <translation>真值表</translation>
    </message>
    <message>
        <source>Shown above the table&apos;s ✓/✗ rows in the student&apos;s panel</source>
        <translation>显示在学生面板中真值表各行 ✓/✗ 的上方</translation>
    </message>
    <message>
        <source>A number passes when the output is within this of it (0: exactly; fine for step neurons)</source>
        <translation>输出与目标数值之差不超过此值即算通过（0：必须完全相等；适用于阶跃神经元）</translation>
    </message>
    <message>
        <source>Inputs: a number, or empty to keep the stored value.
Outputs: a number, fired, silent, or empty (not checked).</source>
        <translation>输入：填数字，留空则保持已存储的值。
输出：填数字、激发、静默，或留空（不检查）。</translation>
    </message>
    <message>
        <source>Add current inputs → outputs as a row</source>
        <translation>把当前输入 → 输出添加为一行</translation>
    </message>
    <message>
        <source>The inputs as they are set now, and what the outputs give now: set the inputs, check the outputs, add</source>
        <translation>当前设置的输入以及输出现在给出的值：先设置输入，核对输出，再添加</translation>
    </message>
    <message>
        <source>Add empty row</source>
        <translation>添加空行</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>删除行</translation>
    </message>
    <message>
        <source>Remove the selected rows</source>
        <translation>删除选中的行</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Tolerance ±</source>
        <translation>容差 ±</translation>
    </message>
    <message>
        <source>Truth table, row {row}: say what at least one output must give</source>
        <translation>真值表第 {row} 行：请至少为一个输出指定应得的结果</translation>
    </message>
    <message>
        <source>Truth table, row {row}, {neuron}: {problem}</source>
        <translation>真值表第 {row} 行，{neuron}：{problem}</translation>
    </message>
    <message>
        <source>Truth table, row {row}, → {neuron}: &apos;{text}&apos; is not a number, fired, silent or not fired</source>
        <translation>真值表第 {row} 行，→ {neuron}：“{text}”不是数字，也不是激发、静默或未激发</translation>
    </message>
</context>
<context>
    <name>TextBadge</name>
    <message>
        <source>✕ dead</source>
        <extracomment>the badges this module knows (shown translated), and what each one explains</extracomment>
        <translation>✕ 死亡</translation>
    </message>
    <message>
        <source>Dead ReLU: its output is 0 for every training row, so no gradient reaches its weights and training cannot bring it back</source>
        <translation>死亡 ReLU：它对每一行训练数据的输出都是 0，因此没有梯度传到它的权重，训练无法让它恢复</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>&amp;System</source>
        <extracomment>(mode, menu text, status tip); the texts are translated where shown (context &quot;Theme&quot;)</extracomment>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>Follow the desktop&apos;s light or dark setting</source>
        <translation>跟随桌面的浅色或深色设置</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>Light colours for the window, canvas and plots</source>
        <translation>窗口、画布和图使用浅色</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>Dark colours for the window, canvas and plots</source>
        <translation>窗口、画布和图使用深色</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <extracomment>(dark, high contrast) -&gt; palette</extracomment>
        <translation>主题(&amp;H)</translation>
    </message>
</context>
<context>
    <name>TitleBar</name>
    <message>
        <source>Title</source>
        <extracomment>screens shorter than this (logical pixels) get the plots beside the network as tabs</extracomment>
        <translation>标题</translation>
    </message>
</context>
<context>
    <name>TracesPanel</name>
    <message>
        <source>step t</source>
        <translation>步 t</translation>
    </message>
    <message>
        <source>output y</source>
        <translation>输出 y</translation>
    </message>
    <message>
        <source>Neuron outputs over time</source>
        <translation>神经元输出随时间变化</translation>
    </message>
    <message>
        <source>Show inputs that have a signal source</source>
        <translation>显示带信号源的输入</translation>
    </message>
    <message>
        <source>Also show</source>
        <translation>另外显示</translation>
    </message>
</context>
<context>
    <name>TrainPanel</name>
    <message>
        <source>plain gradient descent: w ← w − lr·g</source>
        <translation>普通梯度下降：w ← w − lr·g</translation>
    </message>
    <message>
        <source>momentum (μ = 0.9): keeps rolling in the direction it has been going</source>
        <translation>动量（μ = 0.9）：沿着之前的方向继续滚动</translation>
    </message>
    <message>
        <source>Adam: a step per weight scaled by its recent gradients (try lr 0.01)</source>
        <translation>Adam：每个权重的步长按其近期梯度缩放（可试 lr 0.01）</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Share of the rows held out to test on (never trained on); sets of fewer than 10 rows are all used for training</source>
        <translation>留作测试的行所占比例（从不用于训练）；少于 10 行的数据集全部用于训练</translation>
    </message>
    <message>
        <source>What training minimises: mse for any output; bce for sigmoid outputs and 0/1 targets</source>
        <translation>训练要最小化的量：mse 适用于任何输出；bce 适用于 sigmoid 输出和 0/1 目标</translation>
    </message>
    <message>
        <source>How each step uses the gradient</source>
        <translation>每一步如何使用梯度</translation>
    </message>
    <message>
        <source>Learning rate: {description}</source>
        <translation>学习率：{description}</translation>
    </message>
    <message>
        <source>Rows per gradient step; 0 = the whole training set (full batch)</source>
        <translation>每个梯度步使用的行数；0 = 整个训练集（全批量）</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <source>Seed for Initialise weights, the order of the rows in each epoch and the test split</source>
        <translation>用于“初始化权重”、每轮中行的顺序以及测试集划分的种子</translation>
    </message>
    <message>
        <source>Epochs per frame (60 frames a second at most; a frame never takes more than ~12 ms of training)</source>
        <translation>每帧训练轮数（每秒最多 60 帧；每帧的训练时间不超过约 12 ms）</translation>
    </message>
    <message>
        <source>Test split</source>
        <translation>测试比例</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Training seed</source>
        <translation>训练种子</translation>
    </message>
    <message>
        <source>Epochs per frame</source>
        <translation>每帧轮数</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Train the network on the chosen data (until paused, or for the epochs set in Stop after); the network and plots update as it learns</source>
        <translation>用所选数据训练网络（直到暂停，或按“训练后停止”设定的轮数）；网络和图会随学习过程更新</translation>
    </message>
    <message>
        <source>Train / Pause</source>
        <translation>训练 / 暂停</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Train one epoch (one pass over the training rows)</source>
        <translation>训练一轮（遍历一遍训练行）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the weights from when training started; clears the curves</source>
        <translation>回到训练开始时的权重；清除曲线</translation>
    </message>
    <message>
        <source>Initialise weights</source>
        <translation>初始化权重</translation>
    </message>
    <message>
        <source>Fresh random weights from the seed (Xavier; He for ReLUs), biases 0 — one undo step</source>
        <translation>按种子重新生成随机权重（Xavier；ReLU 用 He），偏置为 0 — 一个撤销步骤</translation>
    </message>
    <message>
        <source>Compare activations…</source>
        <translation>比较激活函数…</translation>
    </message>
    <message>
        <source>Train this architecture once per activation and compare the runs</source>
        <translation>用每个激活函数各训练一次此结构，并比较结果</translation>
    </message>
    <message>
        <source>Train pauses after this many epochs (Train again: as many more); &apos;until paused&apos; (0) trains until you press Pause</source>
        <translation>训练这么多轮后暂停（再按“训练”：再训练同样多轮）；“直到暂停”（0）会一直训练到你按“暂停”</translation>
    </message>
    <message>
        <source>until paused</source>
        <translation>直到暂停</translation>
    </message>
    <message>
        <source> epochs</source>
        <comment>a spin box&apos;s unit</comment>
        <translation> 轮</translation>
    </message>
    <message>
        <source>Stop after</source>
        <translation>训练后停止</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Pause training</source>
        <translation>暂停训练</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>开始训练</translation>
    </message>
    <message>
        <source>training rows: {train}, test rows: {test}</source>
        <translation>训练行：{train}，测试行：{test}</translation>
    </message>
    <message>
        <source>training rows: {train}, no test rows</source>
        <translation>训练行：{train}，无测试行</translation>
    </message>
    <message>
        <source>Epoch {epoch} of {goal}</source>
        <translation>第 {epoch} 轮，共 {goal} 轮</translation>
    </message>
    <message>
        <source>Epoch {epoch}</source>
        <translation>第 {epoch} 轮</translation>
    </message>
    <message>
        <source>{rate} epochs/s</source>
        <translation>{rate} 轮/秒</translation>
    </message>
    <message>
        <source>loss {train} (test {test})</source>
        <translation>损失 {train}（测试 {test}）</translation>
    </message>
    <message>
        <source>loss {train}</source>
        <translation>损失 {train}</translation>
    </message>
    <message>
        <source>accuracy {train} (test {test})</source>
        <translation>准确率 {train}（测试 {test}）</translation>
    </message>
    <message>
        <source>accuracy {train}</source>
        <translation>准确率 {train}</translation>
    </message>
</context>
<context>
    <name>TrainingOptions</name>
    <message>
        <source>the size of each step; too big and training diverges, too small and it crawls</source>
        <translation>每一步的大小；太大训练会发散，太小则进展缓慢</translation>
    </message>
    <message>
        <source>passes over the training rows</source>
        <translation>遍历训练数据的次数</translation>
    </message>
    <message>
        <source>rows per gradient step (or the whole set)</source>
        <translation>每个梯度步使用的行数（或整个数据集）</translation>
    </message>
    <message>
        <source>draws the weights, the row order and the test split</source>
        <translation>决定初始权重、行的顺序和测试集的划分</translation>
    </message>
</context>
<context>
    <name>TrainingOverlays</name>
    <message>
        <source>✕ dead</source>
        <translation>✕ 死亡</translation>
    </message>
</context>
<context>
    <name>TrainingPlots</name>
    <message>
        <source>Dead ReLUs output 0 for every training row: no gradient reaches their weights, so training never brings them back. They are marked ✕ on the canvas.</source>
        <translation>死亡 ReLU 对每个训练行都输出 0：没有梯度到达它们的权重，所以训练永远无法让它们恢复。它们在画布上标有 ✕。</translation>
    </message>
    <message>
        <source>Loss and accuracy on the rows trained on, and on the rows held out to test (never trained on)</source>
        <translation>训练行上的损失和准确率，以及留作测试的行（从不用于训练）上的损失和准确率</translation>
    </message>
    <message>
        <source>{level} · inputs</source>
        <translation>{level} · 输入</translation>
    </message>
    <message>
        <source>{level} · outputs</source>
        <translation>{level} · 输出</translation>
    </message>
    <message>
        <source>level 1 (the outputs)</source>
        <translation>第 1 层（输出）</translation>
    </message>
    <message>
        <source>level 1 (nearest the inputs)</source>
        <translation>第 1 层（最靠近输入）</translation>
    </message>
    <message>
        <source>level {level} (outputs)</source>
        <translation>第 {level} 层（输出）</translation>
    </message>
    <message>
        <source>level {level}</source>
        <translation>第 {level} 层</translation>
    </message>
    <message>
        <source>inputs</source>
        <comment>the levels&apos; key: inputs 1 2 3 outputs</comment>
        <translation>输入</translation>
    </message>
    <message>
        <source>outputs</source>
        <comment>the levels&apos; key: inputs 1 2 3 outputs</comment>
        <translation>输出</translation>
    </message>
    <message>
        <source>%n dead ReLU(s): {ids}</source>
        <translation>%n 个死亡 ReLU：{ids}</translation>
    </message>
    <message>
        <source>train</source>
        <comment>the curve of the training rows</comment>
        <translation>训练</translation>
    </message>
    <message>
        <source>test</source>
        <comment>the curve of the test rows</comment>
        <translation>测试</translation>
    </message>
    <message>
        <source>log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>Loss on a logarithmic axis: late, small improvements stay visible</source>
        <translation>损失用对数坐标轴显示：后期的微小改进依然可见</translation>
    </message>
    <message>
        <source>Which training curve to show (Left/Right keys switch)</source>
        <translation>显示哪条训练曲线（左/右方向键切换）</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>Gradient flow per level</source>
        <translation>各层的梯度流</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>The gradient flowing into each level, from the inputs to the outputs</source>
        <translation>流入各层的梯度，从输入到输出</translation>
    </message>
</context>
<context>
    <name>TrainingSession</name>
    <message>
        <source>Reset training</source>
        <extracomment>asked before Train or Step from the past (neurosim.ui.scrub): False cancels</extracomment>
        <translation>重置训练</translation>
    </message>
    <message>
        <source>Initialise weights</source>
        <translation>初始化权重</translation>
    </message>
    <message>
        <source>choose a dataset to train on</source>
        <translation>请选择用于训练的数据集</translation>
    </message>
    <message>
        <source>Train</source>
        <comment>the live run&apos;s name in Edit ▸ Undo</comment>
        <translation>训练</translation>
    </message>
    <message>
        <source>Train %n epoch(s)</source>
        <translation>训练 %n 轮</translation>
    </message>
    <message>
        <source>Train part of an epoch</source>
        <translation>训练了一轮的一部分</translation>
    </message>
</context>
<context>
    <name>TrainingUI</name>
    <message>
        <source>Train</source>
        <comment>the Train panel&apos;s title</comment>
        <translation>训练</translation>
    </message>
    <message>
        <source>Training curves</source>
        <translation>训练曲线</translation>
    </message>
    <message>
        <source>T&amp;raining</source>
        <translation>训练(&amp;R)</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <source>Simulation</source>
        <extracomment>the speeds (steps per second) that Faster and Slower step through</extracomment>
        <translation>仿真</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Run the simulation clock (Space); press again to pause</source>
        <translation>运行仿真时钟（空格键）；再按一次暂停</translation>
    </message>
    <message>
        <source>Run / Pause the clock</source>
        <translation>运行 / 暂停时钟</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>One step forward: sources advance, the network is evaluated once (→ or .)</source>
        <translation>前进一步：信号源前进，网络计算一次（→ 或 .）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to t = 0: clear the history, restart the sources (Home)</source>
        <translation>回到 t = 0：清除历史，重新开始信号源（Home）</translation>
    </message>
    <message>
        <source>Faster clock</source>
        <translation>时钟加快</translation>
    </message>
    <message>
        <source>Slower clock</source>
        <translation>时钟减慢</translation>
    </message>
    <message>
        <source>t: the number of steps taken since the last Reset</source>
        <translation>t：自上次重置以来走过的步数</translation>
    </message>
    <message>
        <source> steps/s</source>
        <translation> 步/秒</translation>
    </message>
    <message>
        <source>Speed: how many steps the clock takes each second while running (+ or ] faster, − or [ slower)</source>
        <translation>速度：运行时时钟每秒走多少步（+ 或 ] 加快，− 或 [ 减慢）</translation>
    </message>
    <message>
        <source> steps shown</source>
        <translation> 步可见</translation>
    </message>
    <message>
        <source>How many of the latest steps the traces, raster and sparsity plots show</source>
        <translation>轨迹图、光栅图和稀疏性图显示最近多少步</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
</context>
<context>
    <name>TruthTablePanel</name>
    <message>
        <source>Click a row to set the inputs to it.</source>
        <translation>单击某一行，把输入设为该行的值。</translation>
    </message>
    <message>
        <source>yes</source>
        <extracomment>the core&apos;s words in the &quot;fired&quot; column (its text and CSV copies keep them), as shown</extracomment>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>fired</source>
        <comment>column: did the neuron fire</comment>
        <translation>激发</translation>
    </message>
    <message>
        <source>wanted</source>
        <comment>column: the goal&apos;s wanted output</comment>
        <translation>期望</translation>
    </message>
    <message>
        <source>goal</source>
        <comment>column: the goal&apos;s ✓ or ✗</comment>
        <translation>目标</translation>
    </message>
    <message>
        <source>Copy as &amp;Text</source>
        <translation>复制为文本(&amp;T)</translation>
    </message>
    <message>
        <source>Put the table on the clipboard as aligned text (Ctrl+C)</source>
        <translation>将表格以对齐文本复制到剪贴板（Ctrl+C）</translation>
    </message>
    <message>
        <source>Copy as &amp;CSV</source>
        <translation>复制为 CSV(&amp;C)</translation>
    </message>
    <message>
        <source>Put the table on the clipboard as CSV, for a spreadsheet</source>
        <translation>将表格以 CSV 复制到剪贴板，供电子表格使用</translation>
    </message>
    <message>
        <source>Selected neurons: {names}.</source>
        <translation>所选神经元：{names}。</translation>
    </message>
    <message>
        <source>Outputs: {names}.</source>
        <translation>输出：{names}。</translation>
    </message>
    <message>
        <source>The inputs now ({values}) are not all 0 or 1, so no row is theirs.</source>
        <translation>当前输入（{values}）不全是 0 或 1，因此没有对应的行。</translation>
    </message>
    <message>
        <source>{input} follows a signal source: a click switches it off (Undo brings it back).</source>
        <translation>{input} 跟随信号源：单击某行会关闭该信号源（撤销可恢复）。</translation>
    </message>
    <message>
        <source>{inputs} follow signal sources: a click switches them off (Undo brings them back).</source>
        <translation>{inputs} 跟随信号源：单击某行会关闭这些信号源（撤销可恢复）。</translation>
    </message>
    <message>
        <source>Inputs {values} (signal sources off)</source>
        <translation>输入 {values}（信号源已关闭）</translation>
    </message>
    <message>
        <source>Inputs {values}</source>
        <translation>输入 {values}</translation>
    </message>
</context>
<context>
    <name>TruthTableUI</name>
    <message>
        <source>Truth Table</source>
        <translation>真值表</translation>
    </message>
    <message>
        <source>Truth &amp;Table</source>
        <translation>真值表(&amp;T)</translation>
    </message>
    <message>
        <source>Every 0/1 combination of the inputs with the outputs&apos; z, y and firing</source>
        <translation>输入的每一种 0/1 组合，及输出的 z、y 和是否激发</translation>
    </message>
    <message>
        <source>{tip} ({keys})</source>
        <translation>{tip}（{keys}）</translation>
    </message>
</context>
<context>
    <name>ValueDrag</name>
    <message>
        <source>Drag up/down to change {id} (Shift: finer)</source>
        <translation>上下拖动可改变 {id}（Shift：更精细）</translation>
    </message>
</context>
<context>
    <name>ValueEditor</name>
    <message>
        <source>{what}: Enter applies · Esc cancels</source>
        <translation>{what}：Enter 应用 · Esc 取消</translation>
    </message>
</context>
<context>
    <name>ValueSlider</name>
    <message>
        <source>Show or hide the slider&apos;s range (minimum and maximum)</source>
        <translation>显示或隐藏滑块的范围（最小值和最大值）</translation>
    </message>
    <message>
        <source>The slider&apos;s left end</source>
        <translation>滑块的左端值</translation>
    </message>
    <message>
        <source>The slider&apos;s right end</source>
        <translation>滑块的右端值</translation>
    </message>
    <message>
        <source>from</source>
        <comment>the slider&apos;s range</comment>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <comment>the slider&apos;s range</comment>
        <translation>到</translation>
    </message>
</context>
</TS>
