#!/usr/bin/env bash
# Times `folio run` on the seed notebook (compile included, no cache) side by side with
# `jupyter nbconvert --execute` of the post's original Python code, and reports peak memory.
# Usage: Benchmarks/seed-notebook.sh [RUNS]   (PYTHON=/path/to/venv/bin/python for the peer)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
python=${PYTHON:-/work/venv-peers/bin/python}
swift build >/dev/null  # the debug build README's commands use
folio=$(swift build --show-bin-path)/folio
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Prints "seconds peak_MiB" for one run of a command, peak RSS over the process tree's largest member.
measure() { /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1; awk '{printf "%.2f %.0f\n", $1, $2/1024}' "$work/time"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

for i in $(seq "$runs"); do
    cp Notebooks/embedding-layers.md "$work/seed.md"
    measure "$folio" run --no-cache "$work/seed.md" >>"$work/folio"
done
echo "folio run (cold, $runs runs): median $(cut -d' ' -f1 "$work/folio" | median) s, peak $(cut -d' ' -f2 "$work/folio" | median) MiB"

if "$python" -c "import tensorflow, nbconvert, nbclient, ipykernel" 2>/dev/null; then
    jupyter="$(dirname "$python")/jupyter"
    for i in $(seq "$runs"); do
        measure "$jupyter" nbconvert --to notebook --execute Benchmarks/SeedNotebook/seed-post.ipynb --output "$work/out.ipynb" >>"$work/jupyter"
    done
    f=$(cut -d' ' -f1 "$work/folio" | median); j=$(cut -d' ' -f1 "$work/jupyter" | median)
    fm=$(cut -d' ' -f2 "$work/folio" | median); jm=$(cut -d' ' -f2 "$work/jupyter" | median)
    echo "jupyter nbconvert --execute (original Python, $runs runs): median $j s, peak $jm MiB"
    awk -v f="$f" -v j="$j" -v fm="$fm" -v jm="$jm" 'BEGIN {printf "ratio: folio is %.1fx faster, %.1fx less memory\n", j/f, jm/fm}'
else
    echo "jupyter peer skipped: $python cannot import tensorflow, nbconvert, nbclient and ipykernel" >&2
    echo "  install: python3 -m venv VENV && VENV/bin/pip install tensorflow-cpu nbconvert nbclient ipykernel" >&2
fi
