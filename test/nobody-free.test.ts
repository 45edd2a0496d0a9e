import { describe, expect, it } from 'vitest';
import { nobodyFree } from '../src/web/panels/nobody-free';

type Responder = Parameters<typeof nobodyFree>[0]['responders'][number];
const person = (name: string, skills: string[], status: Responder['status'], more: Partial<Responder> = {}): Responder => ({ id: name.toLowerCase(), name, title: '', skills, status, joinsAt: null, busyWith: null, roles: [], ...more });

describe('why nobody can take an action now', () => {
  const action = { skills: ['database'] };

  it('names the skilled people on their way, and when the first joins', () => {
    const view = { responders: [person('Alex', ['web'], 'present'), person('Dana', ['database'], 'on-the-way', { joinsAt: 8 }), person('Omar', ['database'], 'on-the-way', { joinsAt: 4 })] };
    expect(nobodyFree(view, action)).toBe('Nobody who can is free yet: Dana and Omar are on the way (first joins T+00:04).');
  });

  it('names the skilled people who are busy when none is coming', () => {
    const view = { responders: [person('Sam', ['database'], 'present', { busyWith: 'check-deploys' }), person('Lee', ['database'], 'not-paged')] };
    expect(nobodyFree(view, action)).toBe('Nobody who can is free: Sam is busy. Wait, or page someone else who can.');
  });

  it('asks for a page when nobody in the incident has the skill', () => {
    const view = { responders: [person('Alex', ['web'], 'present'), person('Lee', ['database'], 'not-paged')] };
    expect(nobodyFree(view, action)).toBe('Nobody in the incident can do this: page someone who can.');
  });
});
