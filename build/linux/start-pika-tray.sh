#!/bin/sh
# Starts Pika Tray from the tar.gz (or an extracted AppImage). Ubuntu 24.04 and later forbid
# unprivileged user namespaces unless an AppArmor profile allows them for the program, and
# Chromium's sandbox then aborts at start with an unhelpful message. This checks first and
# says what to do: run ./install-apparmor-profile.sh once (it asks for sudo).
here=$(cd "$(dirname "$0")" && pwd)
exe="$here/pika-tray"
sysctl_file=${PIKA_TRAY_USERNS_SYSCTL:-/proc/sys/kernel/apparmor_restrict_unprivileged_userns}
profile_dir=${PIKA_TRAY_APPARMOR_DIR:-/etc/apparmor.d}
profile="$profile_dir/pika-tray-local"

restricted=0
if [ -r "$sysctl_file" ] && [ "$(cat "$sysctl_file")" = "1" ]; then restricted=1; fi

if [ "$restricted" = "1" ] && ! grep -qsF "\"$exe\"" "$profile"; then
  cat >&2 <<MSG
Pika Tray cannot start yet: this system restricts unprivileged user namespaces
(kernel.apparmor_restrict_unprivileged_userns = 1, the default on Ubuntu 24.04 and later),
which the app's sandbox needs. Allow it for this copy of Pika Tray once with:

  "$here/install-apparmor-profile.sh"

(it installs an AppArmor profile for $exe and asks for sudo), then start it again.
The .deb package does this by itself.
MSG
  exit 1
fi
exec "$exe" "$@"
