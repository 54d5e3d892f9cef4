# Shared by run.sh and test.sh: installs the Debian packages the build needs and builds.
# Sourced, not run.

HUB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

HUB_BUILD_PACKAGES=(
    cmake ninja-build ccache g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-networkauth-dev qt6-httpserver-dev
    qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qtkeychain-qt6-dev libqt6sql6-sqlite libqt6sql6-psql libqt6opengl6-dev libgl-dev libzstd-dev zlib1g-dev
    libsimdjson-dev libsqlite3-dev
    libqt6svg6 qt6-qpa-plugins fonts-dejavu-core
)
HUB_TEST_PACKAGES=(
    xvfb xauth gnome-keyring dbus dbus-x11 libsecret-tools poppler-utils python3 procps curl
)
# Building and checking the Debian package (scripts/package.sh).
HUB_PACKAGE_PACKAGES=(dpkg-dev desktop-file-utils appstream)

hub_as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "error: root rights are needed to install packages: $*" >&2
        return 1
    fi
}

# hub_install_packages PKG...: installs the ones that are missing; quick when all are there.
hub_install_packages() {
    local missing=()
    local pkg
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$pkg")
        fi
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        return 0
    fi
    echo "Installing Debian packages: ${missing[*]}"
    hub_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    hub_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}"
}

# hub_build PRESET: configures (once) and builds with the given CMake preset.
hub_build() {
    local preset="$1"
    cd "$HUB_ROOT"
    export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
    # Paths relative to the checkout, so that every clone of the project on this machine
    # shares the cached objects (debug information then names the first clone's folder).
    export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$HUB_ROOT}" CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
    if [ ! -f "build/$preset/build.ninja" ]; then
        cmake --preset "$preset"
    fi
    cmake --build --preset "$preset" -- -j"$(nproc)"
}
