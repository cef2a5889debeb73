#!/bin/sh
# Install NeuroSim's desktop integration: menu entry, *.nsim.json file type, icons, AppStream data.
#
#   packaging/linux/install.sh [--prefix DIR] [--exec COMMAND] [--uninstall]
#
#   (default)       into ${XDG_DATA_HOME:-~/.local/share}: for the current user, no root needed
#   --prefix DIR    into DIR/share instead (e.g. --prefix /usr/local, as root)
#   --exec COMMAND  the command the menu entry starts, when `neurosim` is not on PATH, e.g.
#                   --exec "$PWD/.venv/bin/neurosim" or --exec "$PWD/dist/neurosim/neurosim"
#   --uninstall     remove the files this script installs
#
# The neurosim program itself is installed separately (pip install ., or the PyInstaller build).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
exec_cmd=neurosim
uninstall=0
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) data=${2:?--prefix needs a folder}/share; shift 2 ;;
    --exec) exec_cmd=${2:?--exec needs a command}; shift 2 ;;
    --uninstall) uninstall=1; shift ;;
    -h|--help) sed -n '2,12s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

desktop=$data/applications/neurosim.desktop
mime=$data/mime/packages/neurosim-mime.xml
metainfo=$data/metainfo/io.github.neurosim.NeuroSim.metainfo.xml
icons=$data/icons/hicolor
sizes="16 32 48 64 128 256 512"

refresh() {
  # Each tool is optional: without it the desktop picks the change up at the next login.
  if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$data/mime" >/dev/null 2>&1 || true
  fi
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$data/applications" || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$icons/index.theme" ]; then
    gtk-update-icon-cache -q -t -f "$icons" || true
  fi
}

if [ "$uninstall" = 1 ]; then
  rm -f "$desktop" "$mime" "$metainfo" "$icons/scalable/apps/neurosim.svg"
  for n in $sizes; do rm -f "$icons/${n}x${n}/apps/neurosim.png"; done
  refresh
  echo "NeuroSim desktop integration removed from $data"
  exit 0
fi

case "$exec_cmd" in
  *[[:space:]\"\'\\\$\`%]*)
    echo "install.sh: --exec path must not contain spaces, quotes or % (got: $exec_cmd)" >&2
    exit 2 ;;
esac
if ! command -v "$exec_cmd" >/dev/null 2>&1; then
  echo "install.sh: warning: '$exec_cmd' is not an executable on PATH;" \
       "the menu entry will not start until it is (or use --exec)" >&2
fi

install -d "$data/applications" "$data/mime/packages" "$data/metainfo" "$icons/scalable/apps"
# Exec= and TryExec= point at the chosen command; everything else is copied as it is.
sed -e "s|^Exec=neurosim |Exec=$exec_cmd |" -e "s|^TryExec=neurosim\$|TryExec=$exec_cmd|" \
  "$here/neurosim.desktop" > "$desktop"
chmod 644 "$desktop"
install -m 644 "$here/neurosim-mime.xml" "$mime"
install -m 644 "$here/io.github.neurosim.NeuroSim.metainfo.xml" "$metainfo"
install -m 644 "$root/resources/icons/neurosim.svg" "$icons/scalable/apps/neurosim.svg"
for n in $sizes; do
  install -d "$icons/${n}x${n}/apps"
  install -m 644 "$root/resources/icons/hicolor/${n}x${n}/apps/neurosim.png" \
    "$icons/${n}x${n}/apps/neurosim.png"
done
refresh
echo "NeuroSim desktop integration installed into $data (menu entry runs: $exec_cmd)"
