/** One problem a stack guard found, with everything a reviewer needs to fix it. */
export interface Finding {
  /** The construct path of the offending resource or output. */
  readonly path: string;
  /** The Terraform attribute at fault, e.g. `public_network_access_enabled`. */
  readonly attribute: string;
  /** The value found, as synthesized. */
  readonly value: unknown;
  /** What is wrong. */
  readonly problem: string;
  /** How to fix it. */
  readonly fix: string;
  /**
   * Where the offending construct came from in a file, e.g. the config entry the example app built it from.
   * @default none: the construct path is where to look
   */
  readonly origin?: {
    /** The file, e.g. `config/example.json`. */
    readonly source: string;
    /** Where in the file, e.g. `stacks[0].endpoints[1].staticIp`. */
    readonly path: string;
  };
}

/** One line per finding, the form synth errors take. */
export function formatFinding(finding: Finding): string {
  const value = finding.value === undefined ? 'unset' : JSON.stringify(finding.value);
  const where = finding.origin ? `${finding.origin.source}: ${finding.origin.path} (${finding.path})` : finding.path;
  return `${where}: ${finding.attribute} = ${value}: ${finding.problem}. Fix: ${finding.fix}`;
}
