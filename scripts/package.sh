#!/usr/bin/env bash
# Builds the Debian package of Product Integration Hub with CPack and checks its desktop
# entry and AppStream metainfo. Prints the path of the .deb on its last line.
# Usage: scripts/package.sh [--check-install] [BUILD_DIR]
#   BUILD_DIR         an existing build to package (default: build/release, configured and built)
#   --check-install   also install the package, run `product-hub --version` from /usr/bin,
#                     validate the installed files and remove the package again (needs root)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

check_install=0
if [ "${1:-}" = "--check-install" ]; then
    check_install=1
    shift
fi
build_dir="${1:-}"
if [ -z "$build_dir" ]; then
    hub_install_packages "${HUB_BUILD_PACKAGES[@]}" "${HUB_PACKAGE_PACKAGES[@]}"
    hub_build release
    build_dir="$HUB_ROOT/build/release"
else
    hub_install_packages "${HUB_PACKAGE_PACKAGES[@]}"
    cmake --build "$build_dir" --target product-hub >/dev/null
fi

# The metainfo's release list must name every version of the changelog and the version being
# prepared (project() VERSION).
app_id=org.example.ProductHub
metainfo="$HUB_ROOT/packaging/$app_id.metainfo.xml"
project_version="$(sed -n 's/^ *VERSION \([0-9.]*\)$/\1/p' "$HUB_ROOT/CMakeLists.txt" | head -n1)"
for version in "$project_version" \
    $(sed -n 's/^## \[\([0-9][0-9.]*\)\].*/\1/p' "$HUB_ROOT/CHANGELOG.md"); do
    if ! grep -q "<release version=\"$version\"" "$metainfo"; then
        echo "error: $metainfo has no <release> for version $version" >&2
        exit 1
    fi
done
desktop-file-validate "$HUB_ROOT/packaging/$app_id.desktop"
appstreamcli validate --no-net "$metainfo" >&2

cd "$build_dir"
rm -f product-hub_*.deb
if ! cpack -G DEB >cpack.log 2>&1; then
    cat cpack.log >&2
    exit 1
fi
deb="$(ls "$build_dir"/product-hub_*.deb)"
dpkg-deb --field "$deb" Package Version Depends Recommends >&2

if [ "$check_install" -eq 1 ]; then
    hub_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        --no-install-recommends "$deb" >/dev/null
    installed="$(/usr/bin/product-hub --version 2>&1 || true)"
    status=0
    desktop-file-validate "/usr/share/applications/$app_id.desktop" || status=1
    appstreamcli validate --no-net "/usr/share/metainfo/$app_id.metainfo.xml" >&2 || status=1
    for size in 16x16 24x24 32x32 48x48 64x64 128x128 256x256 scalable; do
        ls "/usr/share/icons/hicolor/$size/apps/$app_id".* >/dev/null || status=1
    done
    hub_as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq product-hub >/dev/null
    expected="product-hub $(dpkg-deb --field "$deb" Version)"
    if [ "$installed" != "$expected" ]; then
        echo "error: the installed /usr/bin/product-hub says '$installed', not '$expected'" >&2
        status=1
    fi
    if [ "$status" -ne 0 ]; then
        exit 1
    fi
    echo "The package installs, '$installed' runs from /usr/bin, and it was removed again." >&2
fi
echo "$deb"
