#!/usr/bin/env bash
# The installed tree (`cmake --install` into a temporary prefix): every file in its place, the desktop entry,
# AppStream metadata and MIME type accepted by their validators, and the installed program running from
# outside the checkout with an empty home.
#   check_install.sh BUILD_DIR SOURCE_DIR PROJECT_VERSION APP_ID
set -euo pipefail
build=$1 source=$2 version=$3 id=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >"$work/install.log" || { cat "$work/install.log"; fail "cmake --install"; }
share=$prefix/share
for file in bin/neurite share/applications/$id.desktop share/metainfo/$id.metainfo.xml share/mime/packages/$id.xml \
  share/icons/hicolor/scalable/apps/$id.svg share/neurite/models/default-mnist.neurite share/doc/neurite/README.md; do
  [ -f "$prefix/$file" ] || fail "$file is not installed"
done
[ -x "$prefix/bin/neurite" ] || fail "bin/neurite is not executable"

# Each PNG icon is a real PNG of its folder's size (read from its IHDR chunk).
for size in 16 24 32 48 64 128 256; do
  png=$share/icons/hicolor/${size}x${size}/apps/$id.png
  [ -f "$png" ] || fail "the ${size}x${size} icon is not installed"
  read -r width height < <(python3 -c 'import struct,sys
d=open(sys.argv[1],"rb").read(24)
assert d[:8]==b"\x89PNG\r\n\x1a\n" and d[12:16]==b"IHDR", "not a PNG"
print(*struct.unpack(">II",d[16:24]))' "$png")
  [ "$width $height" = "$size $size" ] || fail "$png is ${width}x$height, not ${size}x$size"
done

# The built-in designs, one installed copy each.
expected=$(ls "$source/resources/templates" | sort)
installed=$(ls "$share/neurite/templates" | sort)
[ "$expected" = "$installed" ] || fail "installed templates ($installed) differ from resources/templates ($expected)"

# Errors fail; the one hint (two main categories, Education and Science, as asked for) does not.
desktop-file-validate "$share/applications/$id.desktop" >"$work/desktop.log" ||
  { cat "$work/desktop.log"; fail "desktop-file-validate"; }
if grep -v "contains more than one main category" "$work/desktop.log" | grep -q .; then
  cat "$work/desktop.log"
  fail "desktop-file-validate has more to say"
fi
appstreamcli validate --no-net "$share/metainfo/$id.metainfo.xml" >"$work/appstream.log" ||
  { cat "$work/appstream.log"; fail "appstreamcli validate"; }
xmllint --noout "$share/mime/packages/$id.xml" || fail "xmllint on the MIME type"

# The entry, the icon and the MIME type name each other.
grep -qx "Icon=$id" "$share/applications/$id.desktop" || fail "the desktop entry's Icon is not $id"
grep -qx "Exec=neurite %f" "$share/applications/$id.desktop" || fail "the desktop entry does not run neurite"
grep -qx "MimeType=application/x-neurite;" "$share/applications/$id.desktop" || fail "the entry's MimeType"
grep -q "<release version=\"$version\"" "$share/metainfo/$id.metainfo.xml" || fail "the metadata's release is not $version"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$share/metainfo/$id.metainfo.xml" ||
  fail "the metadata does not launch $id.desktop"

# update-mime-database compiles the type: *.neurite and the first eight bytes of a real project file.
mkdir -p "$work/mime/packages"
cp "$share/mime/packages/$id.xml" "$work/mime/packages/"
update-mime-database "$work/mime" >/dev/null || fail "update-mime-database"
grep -qx 'application/x-neurite:\*.neurite' "$work/mime/globs" || fail "the MIME glob *.neurite"
python3 - "$work/mime/magic" "$source/resources/models/default-mnist.neurite" <<'PY' ||
import sys
compiled = open(sys.argv[1], "rb").read()
header = open(sys.argv[2], "rb").read(8)
assert header == b"NEURITE\x00", header
assert b"[60:application/x-neurite]\n>0=\x00\x08" + header + b"\n" in compiled, compiled
PY
  fail "the compiled MIME magic does not match a real project's first eight bytes"

# The installed program, run from outside the checkout with an empty home and no hint of the source tree.
home=$work/home
mkdir -p "$home"
run() { (cd /tmp && env -i PATH=/usr/bin:/bin HOME="$home" XDG_DATA_DIRS="$work/none" "$prefix/bin/neurite" "$@"); }
[ "$(run --version)" = "neurite $version" ] || fail "neurite --version printed '$(run --version)', not 'neurite $version'"
summary=$(run summary --preset mlp) || fail "neurite summary --preset mlp"
# The reference MLP 784 -> 128 -> 64 -> 10: weights and biases.
params=$(python3 -c 'print(f"{784*128+128 + 128*64+64 + 64*10+10:,}")')
grep -q "$params" <<<"$summary" || { echo "$summary"; fail "the summary does not count $params parameters"; }
run summary "$share/neurite/templates/lenet-cnn.json" >/dev/null || fail "summary of the installed LeNet template"
# mnist-10k: the copy installed with the program (NEURITE_BUNDLED_MNIST10K), else where the user would put it.
expected=$home/.local/share/neurite/datasets/mnist-10k
[ -d "$share/neurite/datasets/mnist-10k" ] && expected=$share/neurite/datasets/mnist-10k
[ "$(run data path mnist-10k)" = "$expected" ] || fail "mnist-10k is looked for in $(run data path mnist-10k), not $expected"
echo "installed tree in $prefix: all checks passed"
