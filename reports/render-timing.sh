#!/usr/bin/env bash
# Measures report rendering for a 10-minute scenario (5 variants x 3 replications, 6000 steps
# per time series): see io.mlproxy.report.RenderTiming.
# Usage: reports/render-timing.sh [runs [steps [replications]]]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl sim-core,reports test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:2.8:build-classpath \
  -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test >&2
# sim-core comes from this worktree's build, not from the local repository.
cp=$(tr ':' '\n' < reports/target/test.classpath | grep -v '/io/mlproxy/sim-core/' | paste -sd: -)
exec java -Djava.awt.headless=true -Xmx2g \
  -cp "reports/target/test-classes:reports/target/classes:sim-core/target/classes:$cp" \
  io.mlproxy.report.RenderTiming "${1:-4}" "${2:-6000}" "${3:-3}"
