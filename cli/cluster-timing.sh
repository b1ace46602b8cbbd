#!/usr/bin/env bash
# Throughput of the embedded member against a cluster of two `workbench worker` JVMs on loopback,
# side by side in one session: the same sweeps of static-hot-cold (shortened to DURATION, 2
# replications, every variant: 10 tasks per point), alternately, at two batch sizes, so that the
# fixed cost of a command (JVM, member or client start, writing) and the cost per task separate.
# The embedded run has --jobs 2, each worker --jobs 1: two tasks at a time either way. Besides
# wall time it prints the CPU time of the whole work (the command's JVM, plus both workers' JVMs
# for the cluster), the steadier figure on a shared machine: the difference in CPU per task
# between the batch sizes is the cost of a task, the rest the fixed cost of a command.
# With kind "tiny", the batches are instead one `run` of the scenario shortened to 100 ms (near-empty
# tasks: what is left is the cost of a task itself) with SMALL and LARGE replications (5 tasks
# each): the difference between the modes per task is the cluster's overhead per task.
# Usage: cli/cluster-timing.sh [rounds [duration [small [large [sweep|tiny]]]]]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}; duration=${2:-5s}; small=${3:-2}; large=${4:-8}; kind=${5:-sweep}
[ "$kind" = tiny ] && duration=100ms
jar=cli/target/workbench.jar
[ -f "$jar" ] || mvn -B -q -DskipTests -pl cli -am package >&2
work=$(mktemp -d /tmp/cluster-timing.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
sed "s/^duration: .*/duration: $duration/" scenarios/static-hot-cold.yaml > "$work/static-hot-cold.yaml"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
p1=$(free_port); p2=$(free_port)
members="127.0.0.1:$p1,127.0.0.1:$p2"
name="timing-$$"
for p in $p1 $p2; do
  java -jar "$jar" worker --port "$p" --bind 127.0.0.1 --join "$members" --jobs 1 --cluster-name "$name" \
    > "$work/worker-$p.log" 2>&1 &
  pids+=($!)
done
for i in $(seq 1 300); do
  grep -q "members: \[.*,.*\]" "$work/worker-$p1.log" 2>/dev/null && grep -q "members: \[.*,.*\]" "$work/worker-$p2.log" && break
  sleep 0.2
done
worker_cpu() { # CPU seconds of both workers so far
  local t=0 p; for p in "${pids[@]}"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done
  awk -v t="$t" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }'
}
values() { local n=$1 out="" v; for v in $(seq 1 "$n"); do out="$out${out:+,}$((40 + 10 * v))%"; done; echo "$out"; }
printf '%-9s %-6s %6s %6s %8s %9s %8s %10s\n' mode points tasks round wall_s tasks/s cpu_s cpu_s/task
for r in $(seq 1 "$rounds"); do
  for points in $small $large; do
    for mode in embedded cluster; do
      extra=(--jobs 2)
      [ "$mode" = cluster ] && extra=(--cluster "$members" --cluster-name "$name")
      w0=$(worker_cpu)
      start=$(date +%s.%N)
      if [ "$kind" = tiny ]; then
        /usr/bin/time -o "$work/time" -f "%U %S" java -jar "$jar" run "$work/static-hot-cold.yaml" \
          --replications "$points" --quiet --out "$work/out-$mode" "${extra[@]}" >/dev/null
      else
        /usr/bin/time -o "$work/time" -f "%U %S" java -jar "$jar" sweep "$work/static-hot-cold.yaml" \
          --param "memory.capacity=$(values "$points")" --replications 2 --quiet --out "$work/out-$mode" \
          "${extra[@]}" >/dev/null
      fi
      end=$(date +%s.%N)
      w1=$(worker_cpu)
      cpu=$(awk -v w0="$w0" -v w1="$w1" -v m="$mode" '{ c = $1 + $2; if (m == "cluster") c += w1 - w0; printf "%.2f", c }' "$work/time")
      tasks=$((points * 10))
      [ "$kind" = tiny ] && tasks=$((points * 5))
      awk -v m="$mode" -v p="$points" -v t="$tasks" -v r="$r" -v s="$start" -v e="$end" -v c="$cpu" \
        'BEGIN { w = e - s; printf "%-9s %-6d %6d %6d %8.2f %9.2f %8.2f %10.3f\n", m, p, t, r, w, t / w, c, c / t }'
    done
  done
done
echo "task times on the workers (s): $(grep -ho 'done in [0-9.]*' "$work"/worker-*.log | awk '{print $3}' | sort -n \
  | awk '{a[NR]=$1} END {printf "n=%d median=%.3f p10=%.3f p90=%.3f", NR, a[int(NR/2)+1], a[int(NR*0.1)+1], a[int(NR*0.9)+1]}')"
