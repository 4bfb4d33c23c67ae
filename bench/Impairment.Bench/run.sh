#!/usr/bin/env bash
# Runs one impairment benchmark (bench/README.md): Release build outside the lock, then the measurement under
# flock so benchmarks never overlap on the shared machine, with the fd soft limit raised to the hard limit (the idle
# benchmark needs two sockets per connection in each process; the hard limit here is 20,000 and cannot be raised).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dotnet build -c Release "$here" -v quiet -nologo >/dev/null
ulimit -n "$(ulimit -Hn)"
echo "uptime before: $(uptime)"
flock /tmp/harness-bench.lock dotnet run -c Release --no-build --project "$here" -- "$@"
echo "uptime after: $(uptime)"
