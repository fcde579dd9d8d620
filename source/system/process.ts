// Whether a process still runs: how the index's refresh mark and the state file's lock tell a
// holder that died (kill -9) from one that is working.

/** True when a process with this id runs (EPERM: it runs, as another user). */
export function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
