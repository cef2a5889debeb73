#!/usr/bin/env bash
# Build the one-folder desktop app into dist/neurosim/ and check that it runs.
#
#   packaging/build.sh [--quick]
#
# Creates build/venv (pip install . pyinstaller), builds once without trimming (to measure;
# --quick skips this) and once trimmed into dist/neurosim/, then runs the frozen
# `neurosim --selftest` (offscreen) and `neurosim eval` on a shipped example.
# Exits non-zero if the build or either check fails. PYTHON picks the interpreter (python3).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
python=${PYTHON:-python3}
quick=0
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    -h|--help) sed -n '2,9s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown option: $arg" >&2; exit 2 ;;
  esac
done

venv=build/venv
if [ ! -x "$venv/bin/pyinstaller" ]; then
  echo "== creating $venv"
  "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --upgrade pip
fi
# Install neurosim (for its dependencies and its version metadata) from a copy: pip builds
# in the source folder and would leave neurosim.egg-info in the checkout.
rm -rf build/src && mkdir -p build/src
cp -R pyproject.toml setup.py README.md LICENSE neurosim resources build/src/
"$venv/bin/python" -m pip install --quiet ./build/src pyinstaller

pyinstaller() {
  "$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN "$@" packaging/neurosim.spec
}

untrimmed="(skipped: --quick)"
if [ "$quick" = 0 ]; then
  echo "== untrimmed build (for comparison) into build/untrimmed/"
  NEUROSIM_NO_TRIM=1 pyinstaller --distpath build/untrimmed/dist --workpath build/untrimmed/work
  untrimmed=$(du -sh build/untrimmed/dist/neurosim | cut -f1)
fi

echo "== trimmed build into dist/neurosim/"
start=$(date +%s)
pyinstaller --distpath dist --workpath build/pyinstaller
seconds=$(( $(date +%s) - start ))
trimmed=$(du -sh dist/neurosim | cut -f1)

app=dist/neurosim/neurosim
# The example inside the bundle: this also checks that resources/ was bundled.
example=dist/neurosim/_internal/resources/examples/single_neuron.nsim.json
echo "== $app --selftest"
selftest=passed
QT_QPA_PLATFORM=offscreen "$app" --selftest || selftest="FAILED (exit $?)"
echo "== $app eval $example"
evaluation=passed
"$app" eval "$example" > build/frozen-eval.json || evaluation="FAILED (exit $?)"

cat <<EOF

NeuroSim one-folder build: $root/dist/neurosim/
  untrimmed size : $untrimmed
  trimmed size   : $trimmed
  build time     : ${seconds} s (trimmed build)
  selftest       : $selftest
  eval           : $evaluation
EOF
[ "$selftest" = passed ] && [ "$evaluation" = passed ]
