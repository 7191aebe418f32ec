#!/usr/bin/env bash
# Times each lesson's cold `folio run` (no cache, compile included, the optimized engine as `make`
# builds it), and lesson 3 alternating with the same lesson in Python and Keras run by
# `jupyter nbconvert --execute`; prints each pair's ratio, their median and both test accuracies.
# Usage: Benchmarks/lessons.sh [RUNS]   (PYTHON=/path/to/venv/bin/python with tensorflow-cpu, keras,
# nbconvert, nbclient and ipykernel for the peer)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
python=${PYTHON:-/work/venv-peers/bin/python}
swift build >/dev/null
swift build -c release --product FolioRuntime >/dev/null
folio=$(swift build --show-bin-path)/folio
export FOLIO_RUNTIME_DIR="$PWD/.build/release"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { local start=$(date +%s%N); "$@" >/dev/null 2>&1; echo "scale=2; ($(date +%s%N) - $start) / 1000000000" | bc; }

mkdir -p "$work/Notebooks"
cp -r Notebooks/data "$work/Notebooks/"
for lesson in embedding-layers word2vec; do
    for i in $(seq "$runs"); do
        cp "Notebooks/$lesson.md" "$work/Notebooks/$lesson.md"
        seconds "$folio" run --no-cache "$work/Notebooks/$lesson.md" >>"$work/$lesson"
    done
    echo "folio run $lesson (cold, $runs runs): median $(median <"$work/$lesson") s"
done

# Lesson 3 and its Keras peer alternate, so that both see the same load on this shared host; each
# pair gives a ratio.
peer=false
if "$python" -c "import tensorflow, keras, nbconvert, nbclient, ipykernel" 2>/dev/null; then
    peer=true
    jupyter="$(dirname "$python")/jupyter"
else
    echo "keras peer skipped: $python cannot import tensorflow, keras, nbconvert, nbclient and ipykernel" >&2
fi
for i in $(seq "$runs"); do
    cp Notebooks/sentiment-rnn.md "$work/Notebooks/sentiment-rnn.md"
    folio_seconds=$(seconds "$folio" run --no-cache "$work/Notebooks/sentiment-rnn.md")
    echo "$folio_seconds" >>"$work/sentiment-rnn"
    if $peer; then
        keras_seconds=$(seconds "$jupyter" nbconvert --to notebook --execute Benchmarks/Lessons/sentiment-keras.ipynb --output "$work/keras.ipynb")
        echo "$keras_seconds" >>"$work/keras"
        awk -v f="$folio_seconds" -v k="$keras_seconds" -v i="$i" 'BEGIN {printf "  pair %d: folio %.2f s, keras %.2f s, %.2fx\n", i, f, k, k/f}'
        awk -v f="$folio_seconds" -v k="$keras_seconds" 'BEGIN {print k/f}' >>"$work/ratios"
    fi
done
echo "folio run sentiment-rnn (cold, $runs runs): median $(median <"$work/sentiment-rnn") s"
grep -A4 '^| 모델 | 파라미터 수 | 테스트 손실' "$work/Notebooks/sentiment-rnn.md" | tail -3 | sed 's/^/  folio: /'
if $peer; then
    echo "jupyter nbconvert --execute sentiment-keras.ipynb ($runs runs): median $(median <"$work/keras") s"
    "$python" -c "import json,sys; [print('  keras:', l.rstrip()) for c in json.load(open(sys.argv[1]))['cells'] for o in c.get('outputs', []) for l in o.get('text', []) if l.startswith('|')]" "$work/keras.ipynb"
    printf "ratio: folio runs lesson 3 %.2fx faster (median of the pairs)\n" "$(median <"$work/ratios")"
fi
