#!/usr/bin/env bash
# Makes an installable release of reportsite from this checkout: a binary that needs nothing outside
# Debian's base system (the Swift standard library and Foundation linked statically, cmark-gfm linked
# from Debian's static libraries), packed as a tarball and as a Debian package.
#
#   bash scripts/package.sh [DIST]     # DIST defaults to dist/
#
# Writes DIST/reportsite-VERSION-linux-ARCH.tar.gz (bin/reportsite, the licence notes) and
# DIST/reportsite_VERSION_ARCH.deb (installs /usr/bin/reportsite; recommends chromium for PDFs).
# Needs Swift 6 and the Debian packages libcmark-gfm-dev and libcmark-gfm-extensions-dev (installed
# when missing); the machines that install the result need none of them.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
dist=$(realpath -m "${1:-dist}")

bash scripts/ensure-system-deps.sh
# Debian's library folder for this machine (x86_64-linux-gnu, aarch64-linux-gnu).
multiarch=$(uname -m)-linux-gnu
arch=$(dpkg --print-architecture)
for library in libcmark-gfm.a libcmark-gfm-extensions.a; do
  [ -f "/usr/lib/$multiarch/$library" ] || { echo "package.sh: /usr/lib/$multiarch/$library is missing (libcmark-gfm-dev, libcmark-gfm-extensions-dev)" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A scratch folder of its own: the static flags would otherwise rebuild the development build's products.
scratch=${REPORTSITE_PACKAGE_SCRATCH:-$root/.build-package}
# SwiftPM links cmark-gfm with the flags of its pkg-config file, and names Debian's library folder,
# where the shared libraries are, first. A pkg-config file of the same name, found first, names
# instead a folder holding only Debian's static archives, so -lcmark-gfm takes those. The folder's
# path stays the same from one run to the next: a new one would make SwiftPM compile everything again.
static="$scratch/cmark-gfm-static"
mkdir -p "$static"
ln -sf "/usr/lib/$multiarch/libcmark-gfm.a" "/usr/lib/$multiarch/libcmark-gfm-extensions.a" "$static/"
cat > "$static/libcmark-gfm.pc.new" <<PC
Name: libcmark-gfm
Description: cmark-gfm, linked from Debian's static libraries
Version: $(pkg-config --modversion libcmark-gfm)
Libs: -L$static -lcmark-gfm -lcmark-gfm-extensions
Cflags: -I/usr/include
PC
# Rewritten only when it changes, so that an unchanged checkout is not compiled again.
cmp -s "$static/libcmark-gfm.pc.new" "$static/libcmark-gfm.pc" || mv "$static/libcmark-gfm.pc.new" "$static/libcmark-gfm.pc"
rm -f "$static/libcmark-gfm.pc.new"

PKG_CONFIG_PATH="$static" swift build -c release --product reportsite --scratch-path "$scratch" --static-swift-stdlib
binary="$scratch/release/reportsite"

# Nothing but the C library's family and the C++ runtime may remain dynamic.
allowed='^(linux-vdso|ld-linux[-a-z0-9_]*|libc|libm|libdl|libpthread|librt|libutil|libstdc\+\+|libgcc_s)\.'
unexpected=$(ldd "$binary" | awk '{ print $1 }' | sed 's#.*/##' | grep -Ev "$allowed" || true)
if [ -n "$unexpected" ]; then
  echo "package.sh: the binary still needs shared libraries outside Debian's base system:" >&2
  echo "$unexpected" >&2
  exit 1
fi

version=$("$binary" --version | awk '{ print $NF }')
name="reportsite-$version-linux-$arch"
mkdir -p "$dist"

# The tarball: unpack anywhere, put bin/ on PATH.
mkdir -p "$work/$name/bin" "$work/$name/share/doc/reportsite"
install -m 0755 -s "$binary" "$work/$name/bin/reportsite"
cp README.md "$work/$name/share/doc/reportsite/"
cp scripts/package-notice.txt "$work/$name/share/doc/reportsite/NOTICE"
tar -C "$work" --owner=0 --group=0 --sort=name -czf "$dist/$name.tar.gz" "$name"

# The Debian package. Depends names the packages that own the shared libraries the binary still
# uses (all in every Debian installation); Chromium is only needed for PDFs.
deb="$work/deb"
mkdir -p "$deb/DEBIAN" "$deb/usr/bin" "$deb/usr/share/doc/reportsite"
install -m 0755 "$work/$name/bin/reportsite" "$deb/usr/bin/reportsite"
cp scripts/package-notice.txt "$deb/usr/share/doc/reportsite/copyright"
owners=()
for library in $(ldd "$binary" | awk '$3 ~ /^\// { print $3 }'); do
  # dpkg knows a library by the path it installed; with /lib merged into /usr, try both spellings.
  owner=$( { dpkg -S "$library" 2>/dev/null || dpkg -S "$(realpath "$library")" 2>/dev/null || true; } | head -n 1 | cut -d: -f1)
  [ -n "$owner" ] || { echo "package.sh: no Debian package owns $library" >&2; exit 1; }
  owners+=("$owner")
done
depends=$(printf '%s\n' "${owners[@]}" | sort -u | paste -sd, - | sed 's/,/, /g')
cat > "$deb/DEBIAN/control" <<CONTROL
Package: reportsite
Version: $version
Architecture: $arch
Maintainer: reportsite maintainers <reportsite@localhost>
Installed-Size: $(du -sk "$deb/usr" | cut -f1)
Depends: $depends
Recommends: chromium
Section: web
Priority: optional
Description: static website generator for probation inspection reports
 Builds a website of HM Inspectorate of Probation inspection reports from
 Markdown files with YAML front matter: reportsite check, build, serve.
 Chromium (recommended) prints each report to a PDF when site.yml says pdf: true.
CONTROL
dpkg-deb --root-owner-group -Zxz --build "$deb" "$dist/reportsite_${version}_${arch}.deb" >/dev/null

echo "package: $dist/$name.tar.gz"
echo "package: $dist/reportsite_${version}_${arch}.deb"
echo "binary: $(stat -c %s "$work/$name/bin/reportsite") bytes stripped; needs: $(ldd "$binary" | awk '{ print $1 }' | sed 's#.*/##' | paste -sd' ' -)"
