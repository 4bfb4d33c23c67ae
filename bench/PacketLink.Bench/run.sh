#!/usr/bin/env bash
# Runs the packet-link benchmark (issue 13) under the shared bench lock, so that it never overlaps another
# benchmark on the shared cores. Needs root (namespaces, TUN devices). Build first:
#   dotnet build -c Release bench/PacketLink.Bench
# Usage: bench/PacketLink.Bench/run.sh [--rounds N] [--seconds S] [--echoes N]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
echo "uptime: $(uptime)"
status=0
flock /tmp/harness-bench.lock dotnet "$root/bench/PacketLink.Bench/bin/Release/net10.0/PacketLink.Bench.dll" "$@" || status=$?
echo "uptime after: $(uptime)"
exit $status
