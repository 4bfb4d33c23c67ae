#!/usr/bin/env bash
# Runs one probe benchmark with the file-descriptor limit raised and under the shared bench lock, so that it
# never overlaps another benchmark on the 2 shared cores. Build first:
#   dotnet build -c Release samples/LiveRoom && dotnet build -c Release bench/Probes.Bench
# Usage: bench/Probes.Bench/run.sh ws-crowd|ws-reset|http-rate|browser [--name value ...]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
ulimit -n "$(ulimit -Hn)"
echo "ulimit -n $(ulimit -n); uptime: $(uptime)"
status=0
flock /tmp/harness-bench.lock dotnet "$root/bench/Probes.Bench/bin/Release/net10.0/Probes.Bench.dll" "$@" || status=$?
echo "uptime after: $(uptime)"
exit $status
