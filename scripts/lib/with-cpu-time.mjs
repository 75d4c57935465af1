// Runs a command, then writes the CPU seconds (user + system) that it and the
// processes it waited for used to the file named by CPU_TIME_FILE: the CPU
// column of `npm test`'s results, which wall time alone hides when steps run
// side by side. Linux reports children's time in /proc/self/stat; elsewhere
// the file is not written and the column stays empty. STEP_NICE lowers the
// command's CPU priority (its children inherit it).
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";

const [command, ...args] = process.argv.slice(2);
if (process.env.STEP_NICE) os.setPriority(Number(process.env.STEP_NICE));
const result = spawnSync(command, args, { stdio: "inherit" });
if (result.error) console.error(result.error.message);

try {
  // Fields after the command name's closing parenthesis: cutime and cstime
  // (fields 16 and 17 of proc(5)) are the 14th and 15th, in ticks of 1/100 s.
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
  const seconds = (Number(fields[13]) + Number(fields[14])) / 100;
  if (process.env.CPU_TIME_FILE && Number.isFinite(seconds))
    writeFileSync(process.env.CPU_TIME_FILE, String(seconds));
} catch {
  // Not Linux: no CPU time.
}
process.exit(result.status ?? 1);
