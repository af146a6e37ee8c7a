import { describe, expect, it } from 'vitest';
import { forgetUser, namesUser, type PersonalDataEraser } from '../../../src/core/privacy/forget.js';
import { STORE_NAMESPACES } from '../../../src/core/store/create-stores.js';
import { testDeps } from '../../helpers/test-deps.js';

describe('namesUser', () => {
  it('matches the whole id only', () => {
    expect(namesUser('discord:12', 'discord:12')).toBe(true);
    expect(namesUser('progress|discord:12|u1', 'discord:12')).toBe(true);
    expect(namesUser('discord:12:u1.ac2.2', 'discord:12')).toBe(true);
    expect(namesUser('discord:123', 'discord:12')).toBe(false);
    expect(namesUser('xdiscord:12', 'discord:12')).toBe(false);
    expect(namesUser('slack:T1:U22', 'slack:T1:U2')).toBe(false);
  });
});

describe('forgetUser', () => {
  it('removes every key naming the user in every namespace, runs feature erasers, and leaves others alone', async () => {
    const deps = await testDeps();
    const me = 'slack:T1:U2';
    const other = 'slack:T1:U3';
    for (const namespace of STORE_NAMESPACES) {
      await deps.stores.ns(namespace).set(`${namespace}|${me}`, { some: 'record' });
      await deps.stores.ns(namespace).set(`${namespace}|${other}`, { some: 'record' });
    }
    await deps.stores.ns('quiz-daily').set('slot:2026-01-05', { answers: { [me]: 1, [other]: 2 } });
    const shared: PersonalDataEraser = {
      name: 'daily answers',
      async erase(userId, d) {
        const slot = (await d.stores.ns('quiz-daily').get('slot:2026-01-05')) as { answers: Record<string, number> };
        if (!(userId in slot.answers)) return 0;
        delete slot.answers[userId];
        await d.stores.ns('quiz-daily').set('slot:2026-01-05', slot);
        return 1;
      },
    };

    const report = await forgetUser(me, deps, [shared]);
    expect(report.total).toBe(STORE_NAMESPACES.length + 1);

    for (const namespace of STORE_NAMESPACES) {
      for await (const [key, value] of deps.stores.ns(namespace).iterator!(undefined)) {
        expect(`${String(key)} ${JSON.stringify(value)}`).not.toContain(me);
      }
      expect(await deps.stores.ns(namespace).get(`${namespace}|${other}`)).toEqual({ some: 'record' });
    }
    expect((await forgetUser(me, deps, [shared])).total).toBe(0);
  });

  it('refuses an id that is not an opaque platform id, so a typo cannot match too much', async () => {
    await expect(forgetUser('U2', await testDeps(), [])).rejects.toThrow(/opaque user id/);
  });
});
