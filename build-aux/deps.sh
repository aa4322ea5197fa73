# build-aux/deps.sh — sourced by build-aux/run and build-aux/test.
# Installs what is missing to build and test JWT Doctor, on Debian/Ubuntu
# (apt-get) and Fedora (dnf); sudo only when not root. Nothing is installed
# when everything is already there.

jd_as_root () {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "build-aux: need root (or sudo) to install: $*" >&2; return 1; fi
}

# Debian/Ubuntu package names. Build: compiler, meson, libraries.
JD_DEBIAN_BUILD="gcc meson ninja-build pkg-config gettext libglib2.0-dev libglib2.0-dev-bin
 libjson-glib-dev libgnutls28-dev libsoup-3.0-dev libgtk-4-dev libadwaita-1-dev
 desktop-file-utils appstream shared-mime-info"
# Test: a display server for the window tests, D-Bus, comparison tools for benchmarks.
JD_DEBIAN_TEST="xvfb xauth dbus dbus-x11 fonts-cantarell adwaita-icon-theme
 python3 python3-jwt python3-cryptography jq jose valgrind clang libclang-rt-14-dev gnutls-bin curl
 libxml2-utils libglib2.0-bin flatpak-builder"

JD_FEDORA_BUILD="gcc meson ninja-build pkgconf-pkg-config gettext glib2-devel json-glib-devel
 gnutls-devel libsoup3-devel gtk4-devel libadwaita-devel desktop-file-utils
 appstream shared-mime-info"
JD_FEDORA_TEST="xorg-x11-server-Xvfb xorg-x11-xauth dbus-daemon dbus-x11 abattis-cantarell-fonts
 adwaita-icon-theme python3 python3-jwt python3-cryptography jq jose valgrind clang compiler-rt gnutls-utils curl
 libxml2 glib2 flatpak-builder"

jd_install_deps () {
  # $1: "build" or "test"
  local want="$1" missing=() p
  if command -v dpkg-query >/dev/null && command -v apt-get >/dev/null; then
    local list="$JD_DEBIAN_BUILD"
    [ "$want" = test ] && list="$list $JD_DEBIAN_TEST"
    for p in $list; do
      dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
      echo "build-aux: installing ${missing[*]}" >&2
      export DEBIAN_FRONTEND=noninteractive
      jd_as_root apt-get update -qq || return 1
      jd_as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" || return 1
    fi
  elif command -v dnf >/dev/null && command -v rpm >/dev/null; then
    local list="$JD_FEDORA_BUILD"
    [ "$want" = test ] && list="$list $JD_FEDORA_TEST"
    for p in $list; do rpm -q "$p" >/dev/null 2>&1 || missing+=("$p"); done
    if [ ${#missing[@]} -gt 0 ]; then
      echo "build-aux: installing ${missing[*]}" >&2
      jd_as_root dnf install -y "${missing[@]}" || return 1
    fi
  else
    echo "build-aux: neither apt-get nor dnf found; install the packages listed in build-aux/deps.sh yourself" >&2
  fi
}

# jd_setup BUILDDIR [meson options…]: configure once, reconfigure when options change.
jd_setup () {
  local dir="$1"; shift
  if [ -f "$dir/build.ninja" ]; then
    meson configure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@"
  fi
}
