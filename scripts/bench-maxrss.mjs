// Preloaded (node --import) by scripts/bench.mjs where /usr/bin/time is missing: the child's peak
// RSS (kB) and CPU time, on stderr when it exits.
process.once('exit', () => {
    const usage = process.resourceUsage();
    process.stderr.write(`BENCH_MAXRSS ${usage.maxRSS}\nBENCH_CPU_MS ${(usage.userCPUTime + usage.systemCPUTime) / 1000}\n`);
});
