"""The Python API's parts (re-exported by :mod:`neurosim`): results of an evaluation, a
training run's history, the network drawn as SVG. Qt-free, on the app's own engine."""
