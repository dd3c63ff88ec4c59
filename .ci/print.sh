#!/usr/bin/env bash
# The documents as the people who receive them see them, called by .ci/run:
#   1. the HTML report (and the SoA and register pages), in Japanese and English, laid out by
#      headless Chromium on screen (1280 px, every trace row open) and in print (A4
#      landscape): no table cell whose text is wider than the cell (.ci/print_overflow.js
#      compares each cell's scroll width with its client width in the DOM);
#   2. the report printed to PDF by Chromium: at most 28 pages (69 before the print layout,
#      then 32 in Japanese and 33 in English with the asset register and the ISMS status
#      section of clauses 4–10; now 27 and 28 with the newest evidence in the register), each with the document-control line and
#      "page N of M", and no heading, header row or group row alone at a page foot;
#      The same for `isms show R-001 --format html`, at most 2 pages.
#   2b. that last check at work: a document with the report's style sheet over 36 layouts,
#      some of which bring a heading, a header row or a group row to a page foot; it passes,
#      and fails when the print rules that keep them with the next row are dropped;
#   3. the CSV SoA imported by LibreOffice and written back: every Annex A id as written;
#   4. the workbooks printed by LibreOffice: the heat maps on one page;
#   5. the PR comment of `isms diff` rendered by cmark-gfm (GitHub's Markdown): every table a
#      table, the verdict first.
# It installs chromium, poppler-utils, libreoffice-calc, fonts-noto-cjk and cmark-gfm once
# (apt), and each tool runs under a timeout.
set -euo pipefail

project=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
check="python3 $project/.ci/print_check.py"
t() { timeout 120 "$@"; }

need=()
command -v chromium > /dev/null || need+=(chromium)
command -v pdfinfo > /dev/null || need+=(poppler-utils)
command -v soffice > /dev/null || need+=(libreoffice-calc)
command -v cmark-gfm > /dev/null || need+=(cmark-gfm)
# Not `grep -q`: it stops reading, fc-list dies of SIGPIPE, and pipefail counts that a miss.
fc-list 2> /dev/null | grep -i 'Noto Sans CJK' > /dev/null || need+=(fonts-noto-cjk)
if ((${#need[@]})); then
  echo "installing: ${need[*]}"
  timeout 900 apt-get update -qq
  DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -qq --no-install-recommends "${need[@]}" > /dev/null
fi

isms="${ISMS:-$project/target/release/isms}"
[[ -x "$isms" ]] || (cd "$project" && cargo build --release --locked -q)
example="$project/company-example"

chrome() {
  t chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d -p "$work")" "$@" 2> /dev/null
}

echo "== 1. no text outside its cell, on screen and in print"
cp "$project/.ci/print_overflow.js" "$work/"
for lang in ja en; do
  for doc in report soa risks; do
    case $doc in
      report) "$isms" report "$example" --lang "$lang" -o "$work/$doc.$lang.html" ;;
      *) "$isms" "$doc" "$example" --lang "$lang" --format html -o "$work/$doc.$lang.html" ;;
    esac
    sed 's#</body>#<script src="print_overflow.js"></script></body>#' "$work/$doc.$lang.html" > "$work/$doc.$lang.check.html"
    chrome --window-size=1280,3000 --dump-dom "file://$work/$doc.$lang.check.html#screen" > "$work/dom.screen"
    $check dom "$work/dom.screen"
    # A4 landscape less the margins: 279 mm = 1054 CSS pixels.
    chrome --window-size=1054,3000 --dump-dom "file://$work/$doc.$lang.check.html#print" > "$work/dom.print"
    $check dom "$work/dom.print"
  done
done

echo "== 2. the printed report"
for lang in ja en; do
  chrome --no-pdf-header-footer --print-to-pdf="$work/report.$lang.pdf" "file://$work/report.$lang.html" > /dev/null
  $check pages "$work/report.$lang.pdf" "$work/report.$lang.html" 28
done
# One entity's trace as a page to hand over: the same control line and page number.
"$isms" show R-001 "$example" --format html > "$work/show.html"
chrome --no-pdf-header-footer --print-to-pdf="$work/show.pdf" "file://$work/show.html" > /dev/null
$check pages "$work/show.pdf" "$work/show.html" 2

echo "== 2b. a header alone at a page foot is caught, and the print rules prevent it"
for mode in keep drop; do
  $check orphans "$work/soa.en.html" "$work/orphans.$mode.html" "$mode"
  chrome --no-pdf-header-footer --print-to-pdf="$work/orphans.$mode.pdf" "file://$work/orphans.$mode.html" > /dev/null
done
$check pages "$work/orphans.keep.pdf" "$work/orphans.keep.html" 99
if out=$($check pages "$work/orphans.drop.pdf" "$work/orphans.drop.html" 99); then
  echo "FAIL: without the rules no header fell alone at a page foot, or the check missed it: $out"
  exit 1
fi
echo "ok: without the rules the check fails as it should: ${out#FAIL: }"

echo "== 3. the CSV SoA through LibreOffice"
profile="file://$work/lo-profile"
"$isms" soa "$example" --format csv -o "$work/soa.csv"
mkdir -p "$work/lo"
# Import as a person opening the file would (numbers detected), write the cells back out.
t soffice --headless "-env:UserInstallation=$profile" --infilter="CSV:44,34,76,1" \
  --convert-to "csv:Text - txt - csv (StarCalc):44,34,76,1" --outdir "$work/lo" "$work/soa.csv" > /dev/null
$check csv "$work/lo/soa.csv"

echo "== 4. the workbooks printed by LibreOffice"
"$isms" risks "$example" --format xlsx -o "$work/risks.xlsx"
t soffice --headless "-env:UserInstallation=$profile" --convert-to pdf --outdir "$work/lo" "$work/risks.xlsx" > /dev/null
pages=$(pdfinfo "$work/lo/risks.pdf" | awk '/^Pages:/ {print $2}')
last=$(pdftotext -f "$pages" -l "$pages" "$work/lo/risks.pdf" -)
if grep -q 'ヒートマップ（対応前）' <<< "$last" && grep -q 'ヒートマップ（対応後）' <<< "$last"; then
  echo "ok: risks.xlsx prints on $pages pages, both heat maps on the last one"
else
  echo "FAIL: the heat maps of risks.xlsx are not on one page"
  exit 1
fi

echo "== 5. the PR comment rendered by cmark-gfm"
repo="$work/repo"
mkdir -p "$repo"
git -C "$repo" init -q -b main
cp -r "$example" "$repo/isms"
git -C "$repo" add -A
git -C "$repo" -c user.name=ci -c user.email=ci@example.invalid commit -q -m base
sed -i 's/status: implemented/status: planned/' "$repo/isms/controls/people.yaml"
python3 - "$repo/isms/soa.yaml" << 'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = s.replace("exclusions:\n", "exclusions:\n  \"5.1\": \"方針は親会社 | <script>x</script> *が* 定める\"\n", 1)
open(p, "w", encoding="utf-8").write(s)
PY
for lang in ja en; do
  (cd "$repo" && "$isms" diff HEAD isms --lang "$lang" --repository-url https://github.com/o/r \
    --sha 0123456789abcdef0123456789abcdef01234567) > "$work/comment.$lang.md"
  t cmark-gfm --extension table --extension autolink --extension strikethrough --extension tagfilter \
    "$work/comment.$lang.md" > "$work/comment.$lang.html"
  $check comment "$work/comment.$lang.md" "$work/comment.$lang.html"
done
echo "print checks: all passed"
