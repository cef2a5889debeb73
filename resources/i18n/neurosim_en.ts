<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>AddItems</name>
    <message numerus="yes">
      <source>Paste %n neuron(s)</source>
      <translation>
        <numerusform>Paste %n neuron</numerusform>
        <numerusform>Paste %n neurons</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{what}: %n neuron(s)</source>
      <translation>
        <numerusform>{what}: %n neuron</numerusform>
        <numerusform>{what}: %n neurons</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CanvasMenu</name>
    <message numerus="yes">
      <source>Delete %n items</source>
      <translation>
        <numerusform>Delete %n items</numerusform>
        <numerusform>Delete %n items</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Edit value of %n inputs…</source>
      <translation>
        <numerusform>Edit value of %n inputs…</numerusform>
        <numerusform>Edit value of %n inputs…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Edit bias of %n neurons…</source>
      <translation>
        <numerusform>Edit bias of %n neurons…</numerusform>
        <numerusform>Edit bias of %n neurons…</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CompareDialog</name>
    <message numerus="yes">
      <source>Data and settings from the Train panel: {data}, %n training row(s), {loss}, {optimizer}, lr {lr}, {batch}, seed {seed}. Each run starts from fresh weights drawn with that seed.</source>
      <translation>
        <numerusform>Data and settings from the Train panel: {data}, %n training row, {loss}, {optimizer}, lr {lr}, {batch}, seed {seed}. Each run starts from fresh weights drawn with that seed.</numerusform>
        <numerusform>Data and settings from the Train panel: {data}, %n training rows, {loss}, {optimizer}, lr {lr}, {batch}, seed {seed}. Each run starts from fresh weights drawn with that seed.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Cancelled after %n run(s).</source>
      <translation>
        <numerusform>Cancelled after %n run.</numerusform>
        <numerusform>Cancelled after %n runs.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Done: %n run(s).</source>
      <translation>
        <numerusform>Done: %n run.</numerusform>
        <numerusform>Done: %n runs.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CompareUI</name>
    <message numerus="yes">
      <source>Inputs linked by name (%n): driving one side drives the other</source>
      <translation>
        <numerusform>Inputs linked by name (%n): driving one side drives the other</numerusform>
        <numerusform>Inputs linked by name (%n): driving one side drives the other</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Inputs linked by order (%n): driving one side drives the other</source>
      <translation>
        <numerusform>Inputs linked by order (%n): driving one side drives the other</numerusform>
        <numerusform>Inputs linked by order (%n): driving one side drives the other</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>DatasetBox</name>
    <message numerus="yes">
      <source>%n row(s) · {task} · {inputs} → {targets}</source>
      <translation>
        <numerusform>%n row · {task} · {inputs} → {targets}</numerusform>
        <numerusform>%n rows · {task} · {inputs} → {targets}</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>DeleteItems</name>
    <message numerus="yes">
      <source>Delete %n item(s)</source>
      <translation>
        <numerusform>Delete %n item</numerusform>
        <numerusform>Delete %n items</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ErrorDialog</name>
    <message numerus="yes">
      <source>(%n more error(s) happened meanwhile.)</source>
      <translation>
        <numerusform>(%n more error happened meanwhile.)</numerusform>
        <numerusform>(%n more errors happened meanwhile.)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ExercisePanel</name>
    <message numerus="yes">
      <source>%n locked part(s) kept</source>
      <translation>
        <numerusform>%n locked part kept</numerusform>
        <numerusform>%n locked parts kept</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>All %n hint(s) shown</source>
      <translation>
        <numerusform>All %n hint shown</numerusform>
        <numerusform>All %n hints shown</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>InPlaceEditor</name>
    <message numerus="yes">
      <source>Value of %n inputs</source>
      <translation>
        <numerusform>Value of %n inputs</numerusform>
        <numerusform>Value of %n inputs</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Bias of %n neurons</source>
      <translation>
        <numerusform>Bias of %n neurons</numerusform>
        <numerusform>Bias of %n neurons</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message numerus="yes">
      <source>%n neuron(s)</source>
      <translation>
        <numerusform>%n neuron</numerusform>
        <numerusform>%n neurons</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n synapse(s)</source>
      <translation>
        <numerusform>%n synapse</numerusform>
        <numerusform>%n synapses</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MoveNeurons</name>
    <message numerus="yes">
      <source>Move %n neuron(s)</source>
      <translation>
        <numerusform>Move %n neuron</numerusform>
        <numerusform>Move %n neurons</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Auto-layout %n neuron(s)</source>
      <translation>
        <numerusform>Auto-layout %n neuron</numerusform>
        <numerusform>Auto-layout %n neurons</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{what}: %n neuron(s)</source>
      <translation>
        <numerusform>{what}: %n neuron</numerusform>
        <numerusform>{what}: %n neurons</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MultiPage</name>
    <message numerus="yes">
      <source>%n neurons selected</source>
      <translation>
        <numerusform>%n neurons selected</numerusform>
        <numerusform>%n neurons selected</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n neurons</source>
      <translation>
        <numerusform>%n neurons</numerusform>
        <numerusform>%n neurons</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n synapses</source>
      <translation>
        <numerusform>%n synapses</numerusform>
        <numerusform>%n synapses</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Activation and bias apply to all %n selected hidden/output neurons at once (one undo step).</source>
      <translation>
        <numerusform>Activation and bias apply to all %n selected hidden/output neurons at once (one undo step).</numerusform>
        <numerusform>Activation and bias apply to all %n selected hidden/output neurons at once (one undo step).</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Value x applies to all %n selected inputs.</source>
      <translation>
        <numerusform>Value x applies to all %n selected inputs.</numerusform>
        <numerusform>Value x applies to all %n selected inputs.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>NotesPanel</name>
    <message numerus="yes">
      <source>Suggested training: %n epoch(s) · {optimizer} · learning rate {lr} · {loss} loss · full batch · seed {seed}</source>
      <translation>
        <numerusform>Suggested training: %n epoch · {optimizer} · learning rate {lr} · {loss} loss · full batch · seed {seed}</numerusform>
        <numerusform>Suggested training: %n epochs · {optimizer} · learning rate {lr} · {loss} loss · full batch · seed {seed}</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Suggested training: %n epoch(s) · {optimizer} · learning rate {lr} · {loss} loss · batches of {batch} · seed {seed}</source>
      <translation>
        <numerusform>Suggested training: %n epoch · {optimizer} · learning rate {lr} · {loss} loss · batches of {batch} · seed {seed}</numerusform>
        <numerusform>Suggested training: %n epochs · {optimizer} · learning rate {lr} · {loss} loss · batches of {batch} · seed {seed}</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Recovery</name>
    <message numerus="yes">
      <source>Restored your unsaved work and your changes to %n more lesson(s)</source>
      <translation>
        <numerusform>Restored your unsaved work and your changes to %n more lesson</numerusform>
        <numerusform>Restored your unsaved work and your changes to %n more lessons</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Selection</name>
    <message numerus="yes">
      <source>%n neuron(s)</source>
      <translation>
        <numerusform>%n neuron</numerusform>
        <numerusform>%n neurons</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n synapse(s)</source>
      <translation>
        <numerusform>%n synapse</numerusform>
        <numerusform>%n synapses</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Copied %n neuron(s)</source>
      <translation>
        <numerusform>Copied %n neuron</numerusform>
        <numerusform>Copied %n neurons</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SetFieldOfMany</name>
    <message numerus="yes">
      <source>Bias of %n neuron(s)</source>
      <translation>
        <numerusform>Bias of %n neuron</numerusform>
        <numerusform>Bias of %n neurons</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Value of %n neuron(s)</source>
      <translation>
        <numerusform>Value of %n neuron</numerusform>
        <numerusform>Value of %n neurons</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SetParamOfMany</name>
    <message numerus="yes">
      <source>{name} of %n neuron(s)</source>
      <translation>
        <numerusform>{name} of %n neuron</numerusform>
        <numerusform>{name} of %n neurons</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>StepFix</name>
    <message numerus="yes">
      <source>Use sigmoid instead of step (%n neuron(s))</source>
      <translation>
        <numerusform>Use sigmoid instead of step (%n neuron)</numerusform>
        <numerusform>Use sigmoid instead of step (%n neurons)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>TrainingPlots</name>
    <message numerus="yes">
      <source>%n dead ReLU(s): {ids}</source>
      <translation>
        <numerusform>%n dead ReLU: {ids}</numerusform>
        <numerusform>%n dead ReLUs: {ids}</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>TrainingSession</name>
    <message numerus="yes">
      <source>Train %n epoch(s)</source>
      <translation>
        <numerusform>Train %n epoch</numerusform>
        <numerusform>Train %n epochs</numerusform>
      </translation>
    </message>
  </context>
</TS>
