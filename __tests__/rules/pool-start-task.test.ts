import { startTaskProblems } from '../../lib/rules/pool-start-task';

const UAI = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/nodes';
const task = { commandLine: '/bin/bash -c "echo ready"' };

describe('start task rules', () => {
  it('accepts a start task with every option', () => {
    expect(startTaskProblems({
      ...task,
      waitForSuccess: true,
      elevationLevel: 'Admin',
      autoUserScope: 'Pool',
      retryMaximum: -1,
      environment: { A: '1' },
      resourceFiles: [
        { httpUrl: 'https://example.blob.core.windows.net/c/setup.sh', filePath: 'setup.sh', fileMode: '0755', identityId: UAI.toUpperCase() },
        { storageContainerUrl: 'https://example.blob.core.windows.net/c', blobPrefix: 'bin/', filePath: 'bin' },
        { autoStorageContainerName: 'tools', fileMode: '755' },
      ],
    }, [UAI])).toEqual([]);
  });

  it.each([
    [{ commandLine: ' ' }, 'commandLine', 'must not be empty'],
    [{ commandLine: undefined }, 'commandLine', 'must not be empty'],
    [{ elevationLevel: 'Root' }, 'elevationLevel', 'must be NonAdmin or Admin, got "Root"'],
    [{ autoUserScope: 'Node' }, 'autoUserScope', 'must be Task or Pool, got "Node"'],
    [{ retryMaximum: -2 }, 'retryMaximum', 'must be a whole number, -1 for no limit, got -2'],
    [{ retryMaximum: 1.5 }, 'retryMaximum', 'must be a whole number, -1 for no limit, got 1.5'],
  ])('refuses %j at %s', (change, field, problem) => {
    expect(startTaskProblems({ ...task, ...change } as never)).toEqual([{ field, problem }]);
  });

  it.each([
    [{}, '', 'needs exactly one of httpUrl, storageContainerUrl, autoStorageContainerName, got none'],
    [{ httpUrl: 'https://x/y', storageContainerUrl: 'https://x/c', filePath: 'y' }, '', 'needs exactly one of httpUrl, storageContainerUrl, autoStorageContainerName, got httpUrl and storageContainerUrl'],
    [{ httpUrl: 'ftp://x/y', filePath: 'y' }, '.httpUrl', 'must be an http(s) URL, got "ftp://x/y"'],
    [{ storageContainerUrl: 'container' }, '.storageContainerUrl', 'must be an http(s) URL, got "container"'],
    [{ autoStorageContainerName: ' ' }, '.autoStorageContainerName', 'must not be empty'],
    [{ httpUrl: 'https://x/y', filePath: 'y', blobPrefix: 'a' }, '.blobPrefix', 'only applies to storageContainerUrl and autoStorageContainerName'],
    [{ httpUrl: 'https://x/y' }, '.filePath', 'is required with httpUrl: the name to save the download as'],
    [{ httpUrl: 'https://x/y', filePath: ' ' }, '.filePath', 'is required with httpUrl: the name to save the download as'],
    [{ autoStorageContainerName: 'c', filePath: '/etc' }, '.filePath', 'must be relative to the task\'s working directory, without "..", got "/etc"'],
    [{ autoStorageContainerName: 'c', filePath: 'C:\\tools' }, '.filePath', expect.stringContaining('got "C:\\\\tools"')],
    [{ autoStorageContainerName: 'c', filePath: 'a/../../b' }, '.filePath', expect.stringContaining('without "..", got "a/../../b"')],
    [{ autoStorageContainerName: 'c', fileMode: '0855' }, '.fileMode', 'must be an octal mode such as 0755, got "0855"'],
    [{ autoStorageContainerName: 'c', fileMode: 'rwx' }, '.fileMode', 'must be an octal mode such as 0755, got "rwx"'],
    [{ autoStorageContainerName: 'c', identityId: UAI }, '.identityId', 'must be one of the pool\'s identityIds: a node reads files with the pool\'s identities only'],
  ])('refuses the resource file %j at resourceFiles[0]%s', (file, field, problem) => {
    expect(startTaskProblems({ ...task, resourceFiles: [file] })).toEqual([{ field: `resourceFiles[0]${field}`, problem }]);
  });

  it('accepts the default elevation and scope when written out, and plain http URLs', () => {
    expect(startTaskProblems({ ...task, elevationLevel: 'NonAdmin', autoUserScope: 'Task', resourceFiles: [{ httpUrl: 'http://mirror.internal/x.sh', filePath: 'x.sh' }] })).toEqual([]);
  });

  it.each([' https://x/y', 'https:///y', 'xhttps://x/y'])('refuses the URL %j', (url) => {
    expect(startTaskProblems({ ...task, resourceFiles: [{ httpUrl: url, filePath: 'y' }] })).toEqual([{ field: 'resourceFiles[0].httpUrl', problem: `must be an http(s) URL, got ${JSON.stringify(url)}` }]);
  });

  it.each(['07555', 'a755', '75'])('refuses the file mode %j', (mode) => {
    expect(startTaskProblems({ ...task, resourceFiles: [{ autoStorageContainerName: 'c', fileMode: mode }] })).toEqual([{ field: 'resourceFiles[0].fileMode', problem: `must be an octal mode such as 0755, got ${JSON.stringify(mode)}` }]);
  });

  it('refuses an identity the pool does not have', () => {
    expect(startTaskProblems({ ...task, resourceFiles: [{ autoStorageContainerName: 'c', identityId: UAI }] }, [UAI.replace('nodes', 'other')]))
      .toEqual([{ field: 'resourceFiles[0].identityId', problem: expect.stringContaining('must be one of the pool\'s identityIds') }]);
  });

  it('accepts a file path with dots that is not ".."', () => {
    expect(startTaskProblems({ ...task, resourceFiles: [{ autoStorageContainerName: 'c', filePath: 'a/..b/.c' }] })).toEqual([]);
  });

  it('leaves tokens alone', () => {
    expect(startTaskProblems({ ...task, resourceFiles: [{ httpUrl: '${TfToken[TOKEN.1]}', filePath: '${TfToken[TOKEN.2]}', identityId: '${TfToken[TOKEN.3]}' }] })).toEqual([]);
  });
});
