/** Reads a V8 .cpuprofile and tells where the time went: by function (self time) and by package. */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** Share of samples in the idle/program/GC pseudo-frames. */
  idlePct: number;
  gcPct: number;
  topFunctions: Array<{ pct: number; name: string; where: string }>;
  byPackage: Array<{ pct: number; name: string }>;
}

/** node_modules/<pkg> (or @scope/pkg), "node:<builtin>", "server"/"workers"/"channels", or "(other)". */
function ownerOf(url: string): string {
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node (built-in)';
  const m = /\/dist\/(server|workers|channels)\//.exec(url);
  if (m) return `switchboard ${m[1]}`;
  return url === '' ? '(native / vm)' : '(other)';
}

export function summarizeProfile(file: string, top = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + dt);
    total += dt;
  }
  const fn = new Map<string, { us: number; name: string; where: string }>();
  const pkg = new Map<string, number>();
  let idle = 0;
  let gc = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') idle += us;
    if (functionName === '(garbage collector)') gc += us;
    const where = url ? `${url.replace(/^file:\/\/.*?\/(node_modules|dist)\//, '$1/')}:${lineNumber + 1}` : '';
    const key = `${functionName}@${where}`;
    const entry = fn.get(key) ?? { us: 0, name: functionName || '(anonymous)', where };
    entry.us += us;
    fn.set(key, entry);
    if (functionName !== '(idle)') pkg.set(ownerOf(url), (pkg.get(ownerOf(url)) ?? 0) + us);
  }
  const pct = (us: number) => Math.round((us / Math.max(1, total)) * 1000) / 10;
  return {
    totalMs: Math.round(total / 1000),
    idlePct: pct(idle),
    gcPct: pct(gc),
    topFunctions: [...fn.values()]
      .filter((f) => f.name !== '(idle)')
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ pct: pct(f.us), name: f.name, where: f.where })),
    byPackage: [...pkg.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([name, us]) => ({ pct: pct(us), name })),
  };
}

export function formatProfileSummary(s: ProfileSummary, file: string): string {
  const lines = [`  server CPU profile ${file}: ${s.totalMs} ms sampled, idle ${s.idlePct}%, GC ${s.gcPct}%`, '    by package (self time):'];
  for (const p of s.byPackage) lines.push(`      ${String(p.pct).padStart(5)}%  ${p.name}`);
  lines.push('    top functions (self time):');
  for (const f of s.topFunctions) lines.push(`      ${String(f.pct).padStart(5)}%  ${f.name}  ${f.where}`);
  return lines.join('\n');
}
