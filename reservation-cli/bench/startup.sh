#!/usr/bin/env bash
# Start-up benchmark: time from launching `java -jar reservation.jar serve` to the first
# 200 from /health/ready, for the embedded store and for PostgreSQL. Goal: under 3 s.
#
#   reservation-cli/bench/startup.sh [runs]        (default 5 runs per store)
#
# Needs the jar (mvn -q -DskipTests package), curl, and for PostgreSQL either
# BENCH_DATABASE_URL or a local server where `psql -h 127.0.0.1 -U postgres` may create
# the database bench_cli_startup. JAVA (default: java on PATH) must be 21 or newer.
set -euo pipefail

runs=${1:-5}
here=$(cd "$(dirname "$0")" && pwd)
jar=${JAR:-$here/../target/reservation.jar}
java=${JAVA:-java}
port=${BENCH_PORT:-18765}
[[ -f $jar ]] || { echo "no jar at $jar: run mvn -q -DskipTests package first" >&2; exit 1; }

if [[ -z ${BENCH_DATABASE_URL:-} ]]; then   # a fresh database of its own, every run
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS bench_cli_startup WITH (FORCE)"
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE bench_cli_startup"
  BENCH_DATABASE_URL="postgresql://postgres@127.0.0.1:5432/bench_cli_startup"
fi

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# one_run ENV... : prints milliseconds from launch to ready
one_run() {
  local log; log=$(mktemp)
  local start; start=$(now_ms)
  env "$@" PORT=$port "$java" -jar "$jar" serve >"$log" 2>&1 &
  local pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "serve died:" >&2; cat "$log" >&2; exit 1; fi
    if (( $(now_ms) - start > 30000 )); then echo "not ready in 30 s" >&2; kill "$pid"; exit 1; fi
    sleep 0.01
  done
  local ready; ready=$(now_ms)
  kill -TERM "$pid"; wait "$pid" || true
  rm -f "$log"
  echo $(( ready - start ))
}

summary() { # label times...
  local label=$1; shift
  local sorted; sorted=$(printf '%s\n' "$@" | sort -n)
  local n=$#; local median; median=$(echo "$sorted" | sed -n "$(( (n + 1) / 2 ))p")
  printf '%-12s runs=%d  min=%5d ms  median=%5d ms  max=%5d ms  (%s)\n' "$label" "$n" \
    "$(echo "$sorted" | head -1)" "$median" "$(echo "$sorted" | tail -1)" "$(echo $sorted)"
}

data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
embedded=(); postgres=()
one_run DATA_DIR="$data" >/dev/null   # warm the file cache once, not counted
for _ in $(seq "$runs"); do embedded+=("$(one_run DATA_DIR="$data")"); done
first=$(one_run DATABASE_URL="$BENCH_DATABASE_URL")   # applies the migrations, reported apart
for _ in $(seq "$runs"); do postgres+=("$(one_run DATABASE_URL="$BENCH_DATABASE_URL")"); done

echo "launch -> /health/ready 200 ($("$java" -version 2>&1 | head -1); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg))"
summary embedded "${embedded[@]}"
summary postgresql "${postgres[@]}"
printf '%-12s %d ms (first start on an empty database, migrations included)\n' postgresql "$first"
