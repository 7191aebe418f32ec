#!/usr/bin/env bash
# What drawing figures adds to `folio run`: one notebook per figure kind, each timed cold (--no-cache,
# compile included) against the same notebook that computes the same data but draws nothing, with
# the size of the SVG file written. Usage: Benchmarks/figures.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
swift build >/dev/null  # the debug build README's commands use
folio=$(swift build --show-bin-path)/folio
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { /usr/bin/time -f "%e" -o "$work/time" "$@" >/dev/null 2>&1; cat "$work/time"; }

# name | data | drawing (the baseline prints the data's count instead)
cases=(
  'plot 2 x 5000 values|let a = (0..<5000).map { Float($0).squareRoot() }; let b = a.map { $0 / 2 }|plot(["a": a, "b": b], title: "curves", xLabel: "step")'
  'scatter 200 labelled points|let n = 200; let points = Tensor(shape: [n, 2], scalars: (0..<(2 * n)).map { Float(($0 * 7919) % 2003) / 1001.5 - 1 }); let a = (0..<n).map { "w\($0)" }|scatter(points, labels: a, title: "words")'
  'scatter 1000 labelled points|let n = 1000; let points = Tensor(shape: [n, 2], scalars: (0..<(2 * n)).map { Float(($0 * 7919) % 2003) / 1001.5 - 1 }); let a = (0..<n).map { "w\($0)" }|scatter(points, labels: a, title: "words")'
  'show(1000 x 300 matrix)|let m = Tensor(shape: [1000, 300], scalars: (0..<300_000).map { Float($0 % 17) - 8 }); let a = m.scalars|show(m)'
)
printf '| figure | with figure | without | SVG file |\n|---|---:|---:|---:|\n'
for case in "${cases[@]}"; do
    IFS='|' read -r name data drawing <<<"$case"
    for variant in with without; do
        line=$([ $variant = with ] && echo "$drawing" || echo 'print(a.count)')
        : >"$work/$variant.times"
        for i in $(seq "$runs"); do
            rm -rf "$work/nb.figures"
            printf '```swift\n%s\n%s\n```\n' "$data" "$line" >"$work/nb.md"
            seconds "$folio" run --no-cache "$work/nb.md" >>"$work/$variant.times"
        done
        [ $variant = with ] && size=$(cat "$work"/nb.figures/*.svg | wc -c)
    done
    printf '| %s | %s s | %s s | %s KB |\n' "$name" "$(median <"$work/with.times")" "$(median <"$work/without.times")" \
        "$(awk -v b="$size" 'BEGIN {printf "%.0f", b/1024}')"
done
