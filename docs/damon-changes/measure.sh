#!/usr/bin/env bash
# Rebuilds the per-change table of README "DAMON model" (section "Each change, before and after"):
# the handcrafted variant (DAMON_RECLAIM) before and after each change that brought the DAMON model
# to mainline, on the shipped scenarios as they were at fb56488 (plus pressure-window.yaml here).
#
#   docs/damon-changes/measure.sh [WORKDIR]     (default /tmp/damon-changes; MAVEN_ARGS=-o to build offline)
#
# Each configuration is a throwaway clone of this repository in WORKDIR, built in its own reactor
# (never installed): before = fb56488; +X = fb56488 plus only X's patch from this folder; all =
# 9de1463 (b3c0c47 + 9de1463) plus two lines those commits lack and 3c52f56 added (the
# MemoryConfig argument in ScenarioCompiler, without which they do not compile, and the engine
# aggregating only when the monitor is due, without which kdamond's wait does not stop the
# aggregations); wait-activation.patch carries that engine line too. The "resume" configurations
# add wait-resume-fix.patch (the interrupted aggregation interval resumes) and are run on
# pressure-window only, the one scenario where kdamond waits. "one-region" is all plus one-region.patch:
# kdamond starts from one region over the whole space (older mainline) instead of min_regions pieces.
# Test sources are not compiled (-Dmaven.test.skip): fb56488's tests predate two of the patched APIs.
# Simulations run one at a time; results are deterministic, so one run per configuration is enough.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$repo/docs/damon-changes"
work="${1:-/tmp/damon-changes}"
mkdir -p "$work/out" "$work/logs"

configure() { # name commit patch...
  local name=$1 commit=$2 dir="$work/$1"
  shift 2
  if [ -f "$dir/cli/target/workbench.jar" ]; then
    return
  fi
  rm -rf "$dir"
  git clone -q "$repo" "$dir"
  git -C "$dir" checkout -q "$commit"
  for p in "$@"; do
    git -C "$dir" apply "$here/$p"
  done
  echo "building $name" >&2
  (cd "$dir" && mvn -B -q ${MAVEN_ARGS:-} -Dmaven.test.skip=true -pl cli -am package) >"$work/logs/build-$name.log" 2>&1
}

configure before fb56488
configure young fb56488 young-filter.patch
configure quota fb56488 time-quota.patch
configure wait fb56488 wait-activation.patch
configure merge fb56488 merge-threshold.patch
configure pieces fb56488 piece-by-piece.patch
configure all 9de1463 all-3c52f56-lines.patch
configure wait-resume fb56488 wait-activation.patch wait-resume-fix.patch
configure all-resume 9de1463 all-3c52f56-lines.patch wait-resume-fix.patch
configure one-region 9de1463 all-3c52f56-lines.patch one-region.patch

rm -rf "$work/scenarios"
git -C "$repo" archive fb56488 scenarios | tar -x -C "$work"
cp "$here/pressure-window.yaml" "$work/scenarios/"

shipped="static-hot-cold shifting-hotset scan-storms drifting-zipf adversarial-flip agent-faults trace-replay"
run() { # config scenario
  local out="$work/out/$1"
  [ -f "$out/$2/summary.csv" ] && return
  echo "running $1 $2" >&2
  java -Djava.awt.headless=true -jar "$work/$1/cli/target/workbench.jar" run "$work/scenarios/$2.yaml" \
    --variants none,handcrafted --replications 3 --jobs 1 --out "$out" --quiet >"$work/logs/$1-$2.log" 2>&1
}
configs="before young quota wait merge pieces all one-region"
for c in $configs; do
  for s in $shipped pressure-window; do
    run "$c" "$s"
  done
done
for c in wait-resume all-resume; do
  run "$c" pressure-window
done

# handcrafted score ± Student-t 95% half-width, and refaults (mean per replication)
cell() { # config scenario
  local f="$work/out/$1/$2/summary.csv"
  [ -f "$f" ] || { printf ' — |'; return; }
  awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
           $col["variant"] == "handcrafted" {
             printf " %.3f ± %.3f, %.0f |", $col["score_mean"], $col["score_ci95"], $col["refaults_mean"] }' "$f"
}
echo "| scenario | before | +young filter | +time quota | +wait activation | +merge threshold | +piece-by-piece | all | all, one start region | all + resume fix |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for s in $shipped pressure-window; do
  printf '| %s |' "$s"
  for c in $configs; do
    cell "$c" "$s"
  done
  if [ "$s" = pressure-window ]; then
    cell all-resume "$s"
  else
    printf ' = all |'
  fi
  echo
done
echo
printf '+wait activation with the resume fix, pressure-window:'
cell wait-resume pressure-window
echo
# the reproducer is about what DAMON_RECLAIM saves once the pressure starts
saving() { # config
  awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
           $col["variant"] == "handcrafted" { printf "%.3f ± %.3f", $col["saving_mean"], $col["saving_ci95"] }' \
    "$work/out/$1/pressure-window/summary.csv"
}
echo "pressure-window handcrafted saving: before $(saving before), +wait activation $(saving wait)," \
  "+wait activation with the resume fix $(saving wait-resume), all $(saving all), all + resume fix $(saving all-resume)"
