// @ts-check
// CPU time spent by the API process, by the PostgreSQL server (postmaster and its children, when it
// runs on this machine) and by the bench process itself (autocannon), read from /proc. Lets the
// report say where the CPU went per request. Returns nulls where /proc cannot tell.
import fs from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** @param {number} pid  @returns {{ ppid: number, cpuMs: number, reapedChildrenMs: number } | null} */
function statOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is state (field 3); utime is field 14, stime 15, cutime 16, cstime 17
    return {
      ppid: Number(fields[1]),
      cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS,
      reapedChildrenMs: (Number(fields[13]) + Number(fields[14])) * TICK_MS,
    };
  } catch {
    return null;
  }
}

/** @param {number} parentPid */
function childrenCpuMs(parentPid) {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statOf(Number(entry));
    if (stat && stat.ppid === parentPid) total += stat.cpuMs;
  }
  return total;
}

/**
 * The server's CPU: the postmaster, its live children, and the children it has already reaped.
 * @param {number} pid
 */
function postgresCpuMs(pid) {
  const stat = statOf(pid);
  if (!stat) return null;
  return stat.cpuMs + stat.reapedChildrenMs + childrenCpuMs(pid);
}

/** @typedef {{ apiMs: number | null, postgresMs: number | null, benchMs: number | null }} CpuUsed */

/**
 * @param {{ apiPid?: number | null, postmasterPid?: number | null }} [pids]
 */
export function cpuSampler({ apiPid = null, postmasterPid = null } = {}) {
  const read = () => ({
    api: apiPid ? (statOf(apiPid)?.cpuMs ?? null) : null,
    postgres: postmasterPid ? postgresCpuMs(postmasterPid) : null,
    bench: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
  });
  const start = read();
  return {
    /** CPU milliseconds used since the sampler was made. @returns {CpuUsed} */
    stop() {
      const end = read();
      /** @param {'api' | 'postgres' | 'bench'} key */
      const diff = (key) => (start[key] === null || end[key] === null ? null : end[key] - start[key]);
      return { apiMs: diff('api'), postgresMs: diff('postgres'), benchMs: diff('bench') };
    },
  };
}

/**
 * Waits until process `pid` is idle (under 4 % of a CPU over 250 ms, twice running), at most maxMs.
 * @param {number} pid
 * @returns {Promise<number>} the seconds it waited
 */
export async function waitUntilIdle(pid, maxMs = 60_000) {
  const start = Date.now();
  let previous = statOf(pid)?.cpuMs ?? null;
  let quiet = 0;
  while (previous !== null && Date.now() - start < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = statOf(pid)?.cpuMs ?? null;
    if (now === null) break;
    quiet = now - previous <= 10 ? quiet + 1 : 0;
    previous = now;
    if (quiet >= 2) break;
  }
  return (Date.now() - start) / 1000;
}

/**
 * The postmaster's pid: the parent of our own backend, when the server runs on this machine.
 * @param {import('pg').Pool} db
 * @returns {Promise<number | null>}
 */
export async function postmasterPid(db) {
  try {
    const { rows } = await db.query('SELECT pg_backend_pid() AS pid');
    const stat = statOf(rows[0].pid);
    return stat ? stat.ppid : null;
  } catch {
    return null;
  }
}
