#!/usr/bin/env bash
# The bubblewrap sandbox's cost on the seed notebook's cold run: `folio run --no-cache` with the
# sandbox (the default) and with --no-sandbox, alternated so that both see the same machine load.
# Usage: Benchmarks/sandbox-overhead.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
swift build >/dev/null  # the debug build README's commands use
folio=$(swift build --show-bin-path)/folio
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seconds() { /usr/bin/time -f "%e" -o "$work/time" "$@" >/dev/null 2>&1; cat "$work/time"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

for i in $(seq "$runs"); do
    for mode in sandbox no-sandbox; do
        cp Notebooks/embedding-layers.md "$work/seed.md"
        flags=(--no-cache)
        [ "$mode" = no-sandbox ] && flags+=(--no-sandbox)
        seconds "$folio" run "${flags[@]}" "$work/seed.md" >>"$work/$mode"
    done
done
s=$(median <"$work/sandbox"); n=$(median <"$work/no-sandbox")
echo "folio run --no-cache, seed notebook, $runs runs each (alternated):"
for mode in sandbox no-sandbox; do
    printf "  %-11s median %s s (min %s s)\n" "$mode:" "$(median <"$work/$mode")" "$(sort -n "$work/$mode" | head -1)"
done
awk -v s="$s" -v n="$n" 'BEGIN {printf "  overhead of the medians: %+.1f %%\n", (s / n - 1) * 100}'
# Each round's two runs are back to back, so their difference is less exposed to load drifting over the rounds.
d=$(paste "$work/sandbox" "$work/no-sandbox" | awk '{print $1 - $2}' | median)
awk -v d="$d" -v n="$n" 'BEGIN {printf "  median difference per round: %+.3f s (%+.1f %%)\n", d, d / n * 100}'
