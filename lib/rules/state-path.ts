/** Where cdktf writes stacks when no outdir is given: `cdktf.out/stacks/<stack>`. */
const DEFAULT_OUTDIR = 'cdktf.out';

/** What {@link projectStatePath} needs to know. */
export interface ProjectStatePathInput {
  /**
   * The app's outdir (`App.outdir`): relative to the project root, as `cdktf synth --output` and `CDKTF_OUTDIR`
   * give it, or absolute.
   */
  readonly outdir: string;
  /** The stack's name: its folder is `<outdir>/stacks/<name>`. */
  readonly stackName: string;
  /** The state file, relative to the project root (or absolute, used as it is). */
  readonly stateFile: string;
}

const isAbsolute = (path: string): boolean => /^([/\\]|[A-Za-z]:[/\\])/.test(path);

/** The path's segments, `.` and empty ones dropped and `a/..` folded; leading `..` kept. */
function segments(path: string): string[] {
  return path.split(/[/\\]+/).reduce<string[]>((out, part) => {
    if (part === '' || part === '.') return out;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') return out.slice(0, -1);
    return [...out, part];
  }, []);
}

/**
 * The path a local backend needs so that its state file sits in the project root: relative to the stack's
 * folder (`<outdir>/stacks/<stack>`, where Terraform runs), so that it reads the same on every machine and in
 * every checkout. `cdktf.out` gives `../../../terraform.<stack>.tfstate`. An outdir that is absolute or outside the
 * project (a temp folder in a test) is taken as the default `cdktf.out`, so that the output never names a machine.
 */
export function projectStatePath(input: ProjectStatePathInput): string {
  if (isAbsolute(input.stateFile)) return input.stateFile;
  const outdir = isAbsolute(input.outdir) ? undefined : segments(input.outdir);
  const inProject = outdir !== undefined && outdir[0] !== '..' ? outdir : [DEFAULT_OUTDIR];
  const climb = Array<string>(inProject.length + 2).fill('..');
  return [...climb, ...segments(input.stateFile)].join('/');
}
