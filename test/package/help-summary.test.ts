// The top-level help is printed from COMMAND_SUMMARIES (so `fleetbench --help` loads no command module); it must say
// exactly what the command modules themselves register.
import { describe, it, expect } from 'vitest';
import { buildProgram } from '../../src/cli/main.ts';

const ctx = { exitCode: 0, out: () => {}, err: () => {} };

describe('fleetbench --help', () => {
  it('prints from the summaries what the command modules register', async () => {
    const full = await buildProgram(ctx, [], { loadAll: true });
    const fast = await buildProgram(ctx, ['--help']);
    expect(fast.helpInformation()).toBe(full.helpInformation());
    expect(fast.commands.map((c) => c.name())).toEqual(full.commands.map((c) => c.name()));
  });
});
