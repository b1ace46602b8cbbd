#!/usr/bin/env bash
# Whole-process measurements of the workbench (what a user waits for, JVM start and report included).
#
#   benchmarks/whole-process.sh traces DIR
#       records valgrind lackey's data accesses of `bzip2 -9` compressing `seq 1 14000` and writes, in
#       DIR, the libCacheSim oracleGeneral traces bzip2-10m.oracleGeneral (the recording, ~10.1 M
#       requests) and bzip2-100m.oracleGeneral (ten copies, next_access_vtime across the copies), a
#       zstd copy of the latter, and the scenarios lru-10m.yaml / lru-100m.yaml that replay them
#       (needs valgrind, bzip2, zstd and the built benchmarks jar: mvn -B -DskipTests package)
#   benchmarks/whole-process.sh time RUNS COMMAND...
#       runs COMMAND RUNS times and prints each run's wall, user+system CPU and peak RSS
#       (/usr/bin/time), then their medians
#   benchmarks/whole-process.sh pair RUNS 'COMMAND A' 'COMMAND B'
#       runs A and B RUNS times each (A first in odd pairs, B first in even ones) and prints the
#       medians, the median and range of the per-pair wall ratios A/B (pairing keeps the ratio
#       meaningful on a machine whose speed drifts) with a 95 % confidence interval of that median,
#       and the median of the per-pair CPU ratios
#   benchmarks/whole-process.sh stats < RATIOS
#       the summary pair prints, of ratios given one per line: median, range, how many exceed 1, and
#       the distribution-free confidence interval of the median (order statistics k and n+1-k of
#       the n sorted ratios, k the largest with P(Binomial(n, 1/2) < k) <= 2.5 %; it needs 6 ratios)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

measure() { # COMMAND... -> "wall cpu peak_kb" of one run; the command's output is dropped
  local f
  f="$(mktemp)"
  /usr/bin/time -o "$f" -f "%e %U %S %M" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; cat "$f" >&2; rm -f "$f"; exit 1; }
  awk '{ printf "%.2f %.2f %d\n", $1, $2 + $3, $4 }' "$f"
  rm -f "$f"
}

median() { # reads numbers, prints their median
  sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

ratio_stats() { # reads ratios A/B, one per line; prints their median, range, wins of B and median's 95 % interval
  sort -g | awk '
    { r[NR] = $1; if ($1 > 1) wins++ }
    END {
      n = NR
      if (n == 0) { print "no ratios"; exit 1 }
      med = (n % 2) ? r[(n + 1) / 2] : (r[n / 2] + r[n / 2 + 1]) / 2
      printf "median of the pairs'"'"' wall ratios A/B: %.3f (range %.3f–%.3f; B quicker in %d of %d pairs)\n", med, r[1], r[n], wins, n
      # P(X <= i) of X ~ Binomial(n, 1/2), in logs so that a long series does not underflow
      logc = 0; cdf = 0; k = 0
      for (i = 0; i < n; i++) {
        if (i > 0) logc += log((n - i + 1) / i)
        cdf += exp(logc - n * log(2))
        if (cdf > 0.025) break
        k = i + 1
        tail = cdf
      }
      if (k == 0) { printf "95 %% confidence interval of that median: too few pairs (%d; it needs 6)\n", n; exit }
      printf "95 %% confidence interval of that median: %.3f–%.3f (order statistics %d and %d of %d, coverage %.1f %%)\n", r[k], r[n + 1 - k], k, n + 1 - k, n, 100 * (1 - 2 * tail)
    }'
}

case "${1:-}" in
  stats)
    ratio_stats
    ;;
  traces)
    dir="${2:?usage: whole-process.sh traces DIR}"
    mkdir -p "$dir"
    jar="$here/benchmarks/target/benchmarks.jar"
    [ -f "$jar" ] || { echo "build the benchmarks first: mvn -B -DskipTests package" >&2; exit 1; }
    seq 1 14000 | valgrind --tool=lackey --trace-mem=yes bzip2 -9 -c >/dev/null 2>"$dir/bzip2.lackey"
    java -cp "$jar" io.mlproxy.bench.LackeyToOracleGeneral "$dir/bzip2.lackey" "$dir/bzip2-10m.oracleGeneral" 1
    java -cp "$jar" io.mlproxy.bench.LackeyToOracleGeneral "$dir/bzip2.lackey" "$dir/bzip2-100m.oracleGeneral" 10
    zstd -q -f -3 "$dir/bzip2-100m.oracleGeneral" -o "$dir/bzip2-100m.oracleGeneral.zst"
    cp "$here/benchmarks/whole-process/lru-10m.yaml" "$here/benchmarks/whole-process/lru-100m.yaml" \
       "$here/benchmarks/whole-process/lru-100m-zst.yaml" "$dir/"
    ls -l "$dir"
    ;;
  time)
    runs="${2:?usage: whole-process.sh time RUNS COMMAND...}"
    shift 2
    out="$(mktemp)"
    for _ in $(seq "$runs"); do measure "$@" | tee -a "$out"; done
    echo "median: $(cut -d' ' -f1 "$out" | median) s wall, $(cut -d' ' -f2 "$out" | median) s CPU, $(cut -d' ' -f3 "$out" | median) KB peak RSS"
    rm -f "$out"
    ;;
  pair)
    runs="${2:?usage: whole-process.sh pair RUNS 'A' 'B'}"
    a="${3:?}"
    b="${4:?}"
    out="$(mktemp)"
    for i in $(seq "$runs"); do
      # alternate which runs first, so that neither gains from the other's warm page cache or from
      # the host's drift within a pair (the pair's line keeps the A ... | B ... layout either way)
      if (( i % 2 )); then
        # shellcheck disable=SC2086 # each command is split as a shell splits words
        ra="$(measure $a)"
        # shellcheck disable=SC2086
        rb="$(measure $b)"
      else
        # shellcheck disable=SC2086
        rb="$(measure $b)"
        # shellcheck disable=SC2086
        ra="$(measure $a)"
      fi
      echo "$ra $rb" | awk '{ printf "A %s s %s s CPU %s KB | B %s s %s s CPU %s KB | A/B %.3f\n", $1, $2, $3, $4, $5, $6, $1 / $4 }' | tee -a "$out"
      echo "$ra $rb" | awk '{ if ($5 > 0) printf "%.3f\n", $2 / $5 }' >> "$out.cpu"
    done
    echo "median A: $(awk '{print $2}' "$out" | median) s wall, $(awk '{print $4}' "$out" | median) s CPU, $(awk '{print $7}' "$out" | median) KB"
    echo "median B: $(awk '{print $11}' "$out" | median) s wall, $(awk '{print $13}' "$out" | median) s CPU, $(awk '{print $16}' "$out" | median) KB"
    awk '{print $NF}' "$out" | ratio_stats
    # the host's speed drifts within a pair too: CPU ratios scatter as much, but show the work done
    echo "median of the pairs' CPU ratios A/B: $(if [ -s "$out.cpu" ]; then median < "$out.cpu"; else echo "n/a (no CPU time)"; fi)"
    rm -f "$out" "$out.cpu"
    ;;
  *)
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
    exit 2
    ;;
esac
