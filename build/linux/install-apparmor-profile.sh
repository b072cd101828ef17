#!/bin/sh
# Installs an AppArmor profile that lets this copy of Pika Tray create the user namespaces its
# sandbox needs (Ubuntu 24.04 and later restrict them; the .deb installs the same kind of
# profile by itself). The profile names this folder's pika-tray executable only: run this
# again if you move the folder. `--print` shows the profile without installing it.
set -e
here=$(cd "$(dirname "$0")" && pwd)
exe="$here/pika-tray"
profile_dir=${PIKA_TRAY_APPARMOR_DIR:-/etc/apparmor.d}
target="$profile_dir/pika-tray-local"

profile() {
  cat <<PROFILE
# Written by Pika Tray's install-apparmor-profile.sh for $exe
abi <abi/4.0>,
include <tunables/global>

profile pika-tray-local "$exe" flags=(unconfined) {
  userns,

  include if exists <local/pika-tray-local>
}
PROFILE
}

if [ "$1" = "--print" ]; then
  profile
  exit 0
fi
if [ ! -x "$exe" ]; then
  echo "No pika-tray executable next to this script ($exe)." >&2
  exit 1
fi
profile | sudo tee "$target" >/dev/null
sudo apparmor_parser -r "$target"
echo "Installed $target. Start Pika Tray with $here/start-pika-tray.sh or $exe."
