#!/usr/bin/env bash
# The accept on the database alone, as in results/2026-12-02-findings.md:
#   node bench/run.mjs --keep          # leaves sb_bench_<pid>
#   bash bench/experiments/accept-db/run.sh sb_bench_<pid> [accepts per statement] [clients]
# Resets the spread offers, runs pgbench (prepared statements) for 8 s and prints accepts/s and the
# PostgreSQL CPU per accept (from /proc). Each transaction is the built API's own statement
# (accept-script.mjs) over the next N offers (default 1; the API sends up to 64 that arrive together).
set -euo pipefail
db=$1; n=${2:-1}; clients=${3:-50}
here=$(cd "$(dirname "$0")" && pwd)
script=$(mktemp --suffix=.sql)
node "$here/accept-script.mjs" "$n" > "$script"
conn=(-h 127.0.0.1 -U postgres)
psql -q "${conn[@]}" -d "$db" -f "$here/reset.sql" >/dev/null 2>&1
# utime + stime of every postgres process, and of the exited ones (pgbench's backends) through the postmaster's cutime + cstime
cpu() { for p in $(pgrep -x postgres); do awk '{print $14+$15+$16+$17}' "/proc/$p/stat" 2>/dev/null || true; done | awk '{s+=$1} END {print s+0}'; }
before=$(cpu)
# pgbench stops early when every offer is taken (a --quick database holds ~12,000): the figures stand for what ran
out=$(pgbench "${conn[@]}" -n -M prepared -c "$clients" -j 2 -T 8 -f "$script" "$db" 2>&1 || true)
after=$(cpu)
tx=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' <<<"$out")
tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$out")
echo "$n per statement, $clients clients: $tx statements, $(awk -v t="$tps" -v n="$n" 'BEGIN { printf "%.0f", t * n }') accepts/s; PostgreSQL CPU $(( (after - before) * 10 )) ms in all, $(awk -v c=$(( (after - before) * 10 )) -v t="$tx" -v n="$n" 'BEGIN { printf "%.3f", c / t / n }') ms per accept$(grep -q 'aborted' <<<"$out" && echo ' (stopped early: every offer taken)')"
