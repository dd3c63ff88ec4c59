#!/usr/bin/env bash
# Packs one release archive of isms:
#   scripts/package.sh TARGET BINARY OUTDIR
# TARGET is a Rust target triple (x86_64-unknown-linux-musl, aarch64-apple-darwin,
# x86_64-pc-windows-msvc, ...), BINARY the isms built for it, OUTDIR where the archive goes.
# Writes OUTDIR/isms-VERSION-TARGET.tar.gz (.zip for Windows) holding one folder of that
# name with the binary (isms or isms.exe), README.md, CHANGELOG.md, LICENSE-MIT and
# LICENSE-APACHE, and beside it ARCHIVE.sha256 ("HASH  NAME", as sha256sum writes it).
# The archive is the same bytes for the same inputs: entries sorted, owner 0, dated by the
# commit (SOURCE_DATE_EPOCH if set). Prints the archive's path.
set -euo pipefail

if [[ $# -ne 3 ]]; then
  echo "usage: $0 TARGET BINARY OUTDIR" >&2
  exit 2
fi
target=$1
binary=$2
outdir=$3
project=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

if [[ ! "$target" =~ ^[a-z0-9_]+(-[a-z0-9_]+){2,3}$ ]]; then
  echo "package.sh: '$target' is not a target triple" >&2
  exit 2
fi
if [[ ! -f "$binary" ]]; then
  echo "package.sh: no binary at $binary" >&2
  exit 2
fi
version=$(sed -n 's/^version *= *"\([^"]*\)".*/\1/p' "$project/Cargo.toml" | head -n 1)
name="isms-$version-$target"
case "$target" in
  *windows*) exe=isms.exe archive="$name.zip" ;;
  *) exe=isms archive="$name.tar.gz" ;;
esac
epoch=${SOURCE_DATE_EPOCH:-$(git -C "$project" log -1 --format=%ct 2> /dev/null || echo 315532800)}

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$name" "$outdir"
cp "$binary" "$stage/$name/$exe"
chmod 755 "$stage/$name/$exe"
for doc in README.md CHANGELOG.md LICENSE-MIT LICENSE-APACHE; do
  cp "$project/$doc" "$stage/$name/$doc"
  chmod 644 "$stage/$name/$doc"
done

outdir=$(cd "$outdir" && pwd)
rm -f "$outdir/$archive" "$outdir/$archive.sha256"
# Python's tarfile and zipfile give the same archive on every OS (no GNU tar on macOS).
python3 - "$stage" "$name" "$outdir/$archive" "$epoch" << 'PY'
import gzip, io, os, sys, tarfile, time, zipfile

stage, name, out, epoch = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
files = sorted(os.listdir(os.path.join(stage, name)))
if out.endswith(".zip"):
    stamp = time.gmtime(max(epoch, 315532800))[:6]  # zip dates start in 1980
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for f in files:
            info = zipfile.ZipInfo(f"{name}/{f}", stamp)
            info.external_attr = (0o100755 if f.startswith("isms") else 0o100644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(os.path.join(stage, name, f), "rb") as fh:
                z.writestr(info, fh.read())
else:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as t:
        def add(arcname, path, mode):
            info = t.gettarinfo(path, arcname)
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            info.mtime = epoch
            info.mode = mode
            if info.isfile():
                with open(path, "rb") as fh:
                    t.addfile(info, fh)
            else:
                t.addfile(info)
        add(name, os.path.join(stage, name), 0o755)
        for f in files:
            add(f"{name}/{f}", os.path.join(stage, name, f), 0o755 if f.startswith("isms") else 0o644)
    with open(out, "wb") as fh:
        with gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0, compresslevel=9) as gz:
            gz.write(buf.getvalue())
PY

if command -v sha256sum > /dev/null; then sha=(sha256sum); else sha=(shasum -a 256); fi # macOS
(cd "$outdir" && "${sha[@]}" "$archive" > "$archive.sha256")
echo "$outdir/$archive"
