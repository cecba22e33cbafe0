import { projectStatePath } from '../../lib/rules/state-path';

const path = (outdir: string, stateFile = 'terraform.web.tfstate') =>
  projectStatePath({ outdir, stackName: 'web', stateFile });

describe('projectStatePath', () => {
  it('climbs from <outdir>/stacks/<stack> to the project root', () => {
    expect(path('cdktf.out')).toBe('../../../terraform.web.tfstate');
    expect(path('build/cdktf.out')).toBe('../../../../terraform.web.tfstate');
    expect(path('./cdktf.hcl.out/')).toBe('../../../terraform.web.tfstate');
    expect(path('.')).toBe('../../terraform.web.tfstate');
  });

  it('takes an outdir that is absolute or outside the project as cdktf.out, so that the path never names a machine', () => {
    expect(path('/tmp/synth-1234')).toBe('../../../terraform.web.tfstate');
    expect(path('C:\\Users\\me\\out')).toBe('../../../terraform.web.tfstate');
    expect(path('../elsewhere/cdktf.out')).toBe('../../../terraform.web.tfstate');
  });

  it('reads the outdir as cdktf synth --output gives it, on any OS', () => {
    expect(path('out/../build\\cdktf.out')).toBe('../../../../terraform.web.tfstate');
  });

  it('places a state file given relative to the project, and keeps an absolute one', () => {
    expect(path('cdktf.out', 'state/web.tfstate')).toBe('../../../state/web.tfstate');
    expect(path('cdktf.out', './state//web.tfstate')).toBe('../../../state/web.tfstate');
    expect(path('cdktf.out', '/var/state/web.tfstate')).toBe('/var/state/web.tfstate');
  });

  it.each([
    ['../state/web.tfstate', '../../../../state/web.tfstate'],
    ['../../state/web.tfstate', '../../../../../state/web.tfstate'],
    ['state/../../shared/web.tfstate', '../../../../shared/web.tfstate'],
  ])('keeps the climb out of the project in a state file given as %s', (stateFile, expected) => {
    expect(path('cdktf.out', stateFile)).toBe(expected);
  });
});
