#!/usr/bin/env bash
# Builds Product Integration Hub and opens it on the default workspace.
# Arguments are passed on to the app (for example: --workspace DIR).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

hub_install_packages "${HUB_BUILD_PACKAGES[@]}"
hub_build release

app="$HUB_ROOT/build/release/app/product-hub"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    cat >&2 <<MSG
No display was found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the window cannot open.
The same program works from the command line, for example:
  $app --help
  $app --workspace /tmp/demo demo generate --scale small
  $app --workspace /tmp/demo db info
To open the window without a screen, run it under a virtual display:
  xvfb-run -a $0
MSG
    exit 1
fi
exec "$app" "$@"
