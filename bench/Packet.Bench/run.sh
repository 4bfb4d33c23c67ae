#!/usr/bin/env bash
# Calibrates the stream `loss` toxic against kernel TCP through packet mode, under the shared bench lock so that it
# never overlaps another benchmark on the shared cores. Needs root (namespaces, TUN devices). Build first:
#   dotnet build -c Release bench/Packet.Bench
# Usage: bench/Packet.Bench/run.sh calibrate [--echo-seconds N] [--bulk-seconds N] [--seed N] [--cells LIST]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
echo "uptime: $(uptime)"
status=0
flock /tmp/harness-bench.lock dotnet "$root/bench/Packet.Bench/bin/Release/net10.0/Packet.Bench.dll" "$@" || status=$?
echo "uptime after: $(uptime)"
echo "ip netns list: $(ip netns list | tr '\n' ' ')"
exit $status
