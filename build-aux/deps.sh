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
# The plain suites (`build-aux/test --minimal`): a display server and D-Bus for
# the window tests, fonts and icons, curl (test-request runs the curl commands),
# xmllint, gio/gsettings, groff (man pages), python3 with jsonschema (the --json
# schema test) and PyGObject + GTK 4 typelib (install-check asks GTK's icon
# theme), flatpak-builder (the manifest check).
JD_DEBIAN_TEST="xvfb xauth dbus dbus-x11 fonts-cantarell adwaita-icon-theme curl
 libxml2-utils libglib2.0-bin groff-base python3 python3-jsonschema python3-gi
 gir1.2-gtk-4.0 flatpak-builder python3-jwt python3-cryptography gnutls-bin"
# The full run adds: clang and its runtime (libFuzzer), valgrind
# (--setup=valgrind), and the comparison tools of the benchmarks (jq, PyJWT, jose).
JD_DEBIAN_FULL="clang clang-format valgrind jq python3-jwt python3-cryptography jose"

JD_FEDORA_BUILD="gcc meson ninja-build pkgconf-pkg-config gettext glib2-devel json-glib-devel
 gnutls-devel libsoup3-devel gtk4-devel libadwaita-devel desktop-file-utils
 appstream shared-mime-info"
JD_FEDORA_TEST="xorg-x11-server-Xvfb xorg-x11-xauth dbus-daemon dbus-x11 abattis-cantarell-fonts
 adwaita-icon-theme curl libxml2 glib2 groff-base python3 python3-jsonschema python3-gobject gtk4
 flatpak-builder python3-jwt python3-cryptography gnutls-utils"
JD_FEDORA_FULL="clang clang-tools-extra compiler-rt valgrind jq python3-jwt python3-cryptography jose libasan libubsan"

# The clang runtime (libFuzzer, sanitizers) for the clang that is or will be
# installed: libclang-rt-N-dev for an installed clang N, else the
# distribution's default (libclang-rt-dev, which matches its default clang),
# else the version the `clang` package depends on. Never one release's number.
jd_debian_clang_rt () {
  local major
  if command -v clang >/dev/null; then
    major=$(clang -dumpversion 2>/dev/null | cut -d. -f1)
    [ -n "$major" ] && { echo "libclang-rt-$major-dev"; return; }
  fi
  if apt-cache show libclang-rt-dev >/dev/null 2>&1; then echo libclang-rt-dev; return; fi
  major=$(apt-cache depends clang 2>/dev/null | sed -n 's/^ *Depends: clang-\([0-9][0-9]*\)$/\1/p' | head -n 1)
  [ -n "$major" ] && echo "libclang-rt-$major-dev"
}

# jd_install_deps build|minimal|test: "build" to build, "minimal" adds what the
# plain suites need, "test" (the full run) adds the fuzzing, valgrind and
# benchmark tools.
jd_install_deps () {
  local want="$1" missing=() p
  if command -v dpkg-query >/dev/null && command -v apt-get >/dev/null; then
    local list="$JD_DEBIAN_BUILD"
    case "$want" in
      minimal) list="$list $JD_DEBIAN_TEST" ;;
      test) list="$list $JD_DEBIAN_TEST $JD_DEBIAN_FULL $(jd_debian_clang_rt)" ;;
    esac
    for p in $list; do
      dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
      echo "build-aux: installing ${missing[*]}" >&2
      # through sudo too: sudo does not pass the caller's environment on
      jd_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
      jd_as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "${missing[@]}" || return 1
      # the clang runtime is chosen after clang itself is installed
      if [ "$want" = test ]; then
        p=$(jd_debian_clang_rt)
        if [ -n "$p" ] && ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
          jd_as_root env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -qq --no-install-recommends "$p" || return 1
        fi
      fi
    fi
  elif command -v dnf >/dev/null && command -v rpm >/dev/null; then
    local list="$JD_FEDORA_BUILD"
    case "$want" in
      minimal) list="$list $JD_FEDORA_TEST" ;;
      test) list="$list $JD_FEDORA_TEST $JD_FEDORA_FULL" ;;
    esac
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
