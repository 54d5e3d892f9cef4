#!/usr/bin/env bash
# Builds Product Integration Hub and runs every test with CTest.
# The keychain tests talk to a real Secret Service (gnome-keyring in a private D-Bus session);
# GUI tests run on the offscreen platform. Extra arguments go to ctest (for example -R cli).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

hub_install_packages "${HUB_BUILD_PACKAGES[@]}" "${HUB_TEST_PACKAGES[@]}" "${HUB_PACKAGE_PACKAGES[@]}"
hub_build release

cd "$HUB_ROOT/build/release"
export QT_QPA_PLATFORM=offscreen
# Tests must never see the developer's real settings, data or keyring.
HUB_TEST_HOME="$(mktemp -d)"
trap 'rm -rf "$HUB_TEST_HOME"' EXIT
export HOME="$HUB_TEST_HOME" XDG_CONFIG_HOME="$HUB_TEST_HOME/config" \
    XDG_DATA_HOME="$HUB_TEST_HOME/data" XDG_CACHE_HOME="$HUB_TEST_HOME/cache" \
    XDG_RUNTIME_DIR="$HUB_TEST_HOME/runtime"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

dbus-run-session -- bash -c '
    set -euo pipefail
    eval "$(echo -n hub-test | gnome-keyring-daemon --unlock --components=secrets)"
    export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
    ctest --output-on-failure --no-tests=error -j2 "$@"
' ctest-session "$@"

# A full run also builds the Debian package, installs it, runs it from /usr/bin and removes it.
if [ "$#" -eq 0 ]; then
    bash "$HUB_ROOT/scripts/package.sh" --check-install "$HUB_ROOT/build/release"
fi
