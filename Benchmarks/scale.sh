#!/usr/bin/env bash
# Times folio on a collection: COUNT (default 200) copies of one notebook, each made unique by a
# comment in its first cell (so every copy has its own cache key), run cold with --jobs 1 and
# --jobs 2, then checked warm (all cached); and a warm check of the single notebook.
#
#   Benchmarks/scale.sh [NOTEBOOK]     (default: the first of Notebooks/*.md)
#   FOLIO=.build/debug/folio COUNT=10 Benchmarks/scale.sh    (another build; fewer copies)
#
# Uses hyperfine when installed (apt-get install hyperfine), else times one run of each with `date`.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${COUNT:-200}
notebook=${1:-$(ls Notebooks/*.md 2>/dev/null | head -n 1 || true)}
notebook=${notebook:-Tests/FolioCLITests/Fixtures/site/embedding.md}

if [ -z "${FOLIO:-}" ]; then
    swift build -c release --product folio >&2
    swift build -c release --product FolioRuntime >&2  # the library notebooks link, found beside folio
fi
folio=$(realpath "${FOLIO:-.build/release/folio}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/Notebooks"
[ -d "$(dirname "$notebook")/assets" ] && cp -r "$(dirname "$notebook")/assets" "$work/Notebooks/"
for i in $(seq -w 1 "$count"); do
    awk -v n="$i" '{ print } /^```swift/ && !done { print "// copy " n; done = 1 }' "$notebook" > "$work/Notebooks/n$i.md"
done
cd "$work"
echo "$count copies of $notebook, $(nproc) cores, $(swiftc --version 2>&1 | head -n 1)" >&2

cold() { echo "rm -rf .folio-cache && $folio clean Notebooks > /dev/null"; }
if command -v hyperfine > /dev/null; then
    hyperfine --style basic --export-markdown "$OLDPWD/.bench-scale.md" \
        --runs 1 --prepare "$(cold)" -n "cold, --jobs 1" "$folio run Notebooks --jobs 1" \
        -n "cold, --jobs 2" "$folio run Notebooks --jobs 2"
    hyperfine --style basic --export-markdown "$OLDPWD/.bench-scale-warm.md" --warmup 1 --runs 10 \
        -n "warm check, $count notebooks" "$folio check Notebooks" \
        -n "warm check, one notebook" "$folio check Notebooks/n$(printf "%0${#count}d" 1).md"
    cat "$OLDPWD/.bench-scale.md" "$OLDPWD/.bench-scale-warm.md"
    rm -f "$OLDPWD/.bench-scale.md" "$OLDPWD/.bench-scale-warm.md"
else
    measure() {
        local name=$1; shift
        local start end
        start=$(date +%s.%N); "$@" > /dev/null 2>&1 || true; end=$(date +%s.%N)
        printf '%-32s %8.3f s\n' "$name" "$(echo "$end - $start" | bc)"
    }
    eval "$(cold)"; measure "cold, --jobs 1" "$folio" run Notebooks --jobs 1
    eval "$(cold)"; measure "cold, --jobs 2" "$folio" run Notebooks --jobs 2
    measure "warm check, $count notebooks" "$folio" check Notebooks
    measure "warm check, one notebook" "$folio" check "Notebooks/n$(printf "%0${#count}d" 1).md"
fi
