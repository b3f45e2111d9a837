// Preloaded (node --import) into a process the import bench runs: at exit it writes the process's
// peak resident set to the file named by POSVOID_BENCH_RSS, so a child's peak is measured by itself.
import fs from 'node:fs';
import process from 'node:process';

const file = process.env.POSVOID_BENCH_RSS;
if (file) {
	process.on('exit', () => {
		fs.writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
	});
}
