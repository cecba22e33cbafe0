import { isToken } from './tokens';
import { PropProblem } from './problems';

/** A file the start task downloads to the node before it runs. */
export interface PoolResourceFile {
  /**
   * An HTTP(S) URL to download; needs `filePath`.
   * @default none
   */
  readonly httpUrl?: string;
  /**
   * A blob container URL: every blob (under `blobPrefix`) is downloaded.
   * @default none
   */
  readonly storageContainerUrl?: string;
  /**
   * A container of the account's auto-storage account.
   * @default none
   */
  readonly autoStorageContainerName?: string;
  /**
   * Only blobs whose names start with this, for the container sources.
   * @default all blobs
   */
  readonly blobPrefix?: string;
  /**
   * Where to put the file (or the container's blobs), relative to the task's working directory.
   * @default the working directory (required with `httpUrl`)
   */
  readonly filePath?: string;
  /**
   * The file's mode in octal on Linux nodes, e.g. `0755`.
   * @default '0770'
   */
  readonly fileMode?: string;
  /**
   * A user-assigned identity of the pool (one of its `identityIds`) to read the file with.
   * @default none: the URL must carry its own access (a SAS) or be public
   */
  readonly identityId?: string;
}

/** The task each node runs when it joins the pool. */
export interface PoolStartTask {
  /** The command line, e.g. `/bin/bash -c 'apt-get install -y …'`. It does not run in a shell unless it starts one. */
  readonly commandLine: string;
  /**
   * Keep the node out of scheduling until the start task succeeds.
   * @default true (azurerm's default is false, which schedules tasks on nodes whose setup failed)
   */
  readonly waitForSuccess?: boolean;
  /**
   * Run as an administrator (`Admin`) or not (`NonAdmin`).
   * @default 'NonAdmin'
   */
  readonly elevationLevel?: 'NonAdmin' | 'Admin';
  /**
   * The auto-user's scope: one per task (`Task`) or shared by the pool's tasks (`Pool`).
   * @default 'Task'
   */
  readonly autoUserScope?: 'Task' | 'Pool';
  /**
   * How often to retry a failed start task; -1 retries without limit.
   * @default Azure's: 0
   */
  readonly retryMaximum?: number;
  /**
   * Environment variables for the command.
   * @default none
   */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * Files to download first. On a pool without public IPs the node fetches them directly from Storage: it needs a
   * route there (a Storage private endpoint, or a service endpoint).
   * @default none
   */
  readonly resourceFiles?: readonly PoolResourceFile[];
}

const SOURCES = ['httpUrl', 'storageContainerUrl', 'autoStorageContainerName'] as const;
const OCTAL_MODE = /^0?[0-7]{3}$/;
const URL = /^https?:\/\/[^\s/]+/i;

function resourceFileProblems(file: PoolResourceFile, identityIds: readonly string[]): PropProblem[] {
  const problems: PropProblem[] = [];
  const add = (field: string, problem: string): void => {
    problems.push({ field, problem });
  };
  const sources = SOURCES.filter((source) => file[source] !== undefined);
  if (sources.length !== 1) add('', `needs exactly one of ${SOURCES.join(', ')}, got ${sources.length === 0 ? 'none' : sources.join(' and ')}`);
  for (const source of ['httpUrl', 'storageContainerUrl'] as const) {
    const url = file[source];
    if (url !== undefined && !isToken(url) && !URL.test(url)) add(source, `must be an http(s) URL, got ${JSON.stringify(url)}`);
  }
  if (file.autoStorageContainerName !== undefined && file.autoStorageContainerName.trim() === '') add('autoStorageContainerName', 'must not be empty');
  if (file.blobPrefix !== undefined && file.httpUrl !== undefined) add('blobPrefix', 'only applies to storageContainerUrl and autoStorageContainerName');
  if (file.httpUrl !== undefined && (file.filePath === undefined || file.filePath.trim() === '')) add('filePath', 'is required with httpUrl: the name to save the download as');
  const path = file.filePath;
  if (path !== undefined && !isToken(path) && (/^([/\\]|[A-Za-z]:)/.test(path) || path.split(/[/\\]/).includes('..'))) {
    add('filePath', `must be relative to the task's working directory, without "..", got ${JSON.stringify(path)}`);
  }
  if (file.fileMode !== undefined && !OCTAL_MODE.test(file.fileMode)) add('fileMode', `must be an octal mode such as 0755, got ${JSON.stringify(file.fileMode)}`);
  const identity = file.identityId;
  if (identity !== undefined && !isToken(identity) && !identityIds.some((id) => id.toLowerCase() === identity.toLowerCase())) {
    add('identityId', 'must be one of the pool\'s identityIds: a node reads files with the pool\'s identities only');
  }
  return problems;
}

/** Problems with a start task, fields relative to it. `identityIds` are the pool's identities. */
export function startTaskProblems(task: PoolStartTask, identityIds: readonly string[] = []): PropProblem[] {
  const problems: PropProblem[] = [];
  if (typeof task.commandLine !== 'string' || task.commandLine.trim() === '') problems.push({ field: 'commandLine', problem: 'must not be empty' });
  if (task.elevationLevel !== undefined && task.elevationLevel !== 'NonAdmin' && task.elevationLevel !== 'Admin') {
    problems.push({ field: 'elevationLevel', problem: `must be NonAdmin or Admin, got ${JSON.stringify(task.elevationLevel)}` });
  }
  if (task.autoUserScope !== undefined && task.autoUserScope !== 'Task' && task.autoUserScope !== 'Pool') {
    problems.push({ field: 'autoUserScope', problem: `must be Task or Pool, got ${JSON.stringify(task.autoUserScope)}` });
  }
  const retries = task.retryMaximum;
  if (retries !== undefined && !(Number.isInteger(retries) && retries >= -1)) {
    problems.push({ field: 'retryMaximum', problem: `must be a whole number, -1 for no limit, got ${JSON.stringify(retries)}` });
  }
  (task.resourceFiles ?? []).forEach((file, i) => {
    problems.push(...resourceFileProblems(file, identityIds).map((p) => ({ ...p, field: p.field === '' ? `resourceFiles[${i}]` : `resourceFiles[${i}].${p.field}` })));
  });
  return problems;
}
