#!/usr/bin/env bash
# The accept on the database alone, as in results/2026-12-02-findings.md:
#   node bench/run.mjs --keep          # leaves sb_bench_<pid>
#   bash bench/experiments/accept-db/run.sh sb_bench_<pid> [accept.sql|batch.sql] [clients]
# Resets the spread offers, runs pgbench (prepared statements) for 8 s and prints accepts/s and the
# PostgreSQL CPU per transaction (from /proc; a batch.sql transaction is 10 accepts).
set -euo pipefail
db=$1; script=${2:-accept.sql}; clients=${3:-50}
here=$(cd "$(dirname "$0")" && pwd)
conn=(-h 127.0.0.1 -U postgres)
psql -q "${conn[@]}" -d "$db" -f "$here/reset.sql" >/dev/null 2>&1
# utime + stime of every postgres process, and of the exited ones (pgbench's backends) through the postmaster's cutime + cstime
cpu() { for p in $(pgrep -x postgres); do awk '{print $14+$15+$16+$17}' "/proc/$p/stat" 2>/dev/null; done | awk '{s+=$1} END {print s+0}'; }
before=$(cpu)
out=$(pgbench "${conn[@]}" -n -M prepared -c "$clients" -j 2 -T 8 -f "$here/$script" "$db" 2>&1)
after=$(cpu)
tx=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' <<<"$out")
tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$out")
echo "$script, $clients clients: $tx transactions, $tps/s; PostgreSQL CPU $(( (after - before) * 10 )) ms in all, $(awk -v c=$(( (after - before) * 10 )) -v t="$tx" 'BEGIN { printf "%.2f", c / t }') ms per transaction"
