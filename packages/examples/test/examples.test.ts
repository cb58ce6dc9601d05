import { startSamplePortal } from '@docspace-people/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { allExamples } from '../src/all-examples.js';
import { demo } from '../src/demo.js';
import { type Example, fakeTarget, runExample, targetFor } from '../src/support/index.js';

/** Runs an example in-process against the Prism mock of the test run and returns its result and output. */
async function runOnPrism(example: Example) {
  const lines: string[] = [];
  const result = await runExample(example, targetFor('prism', inject('prismUrl'), 'sk-test'), (line) => {
    lines.push(line);
  });
  return { result, lines };
}

const stepCounts: Record<string, number> = {
  'manage-users': 5,
  'manage-user-photo': 6,
  'update-user-role': 7,
  'photos-tour': 6,
  'manage-groups': 8,
  'offboard-user': 6,
  'guests-and-quotas': 6,
};

describe('each example against the curated spec (Prism)', () => {
  it.each(allExamples.map((example) => [example.name, example] as const))(
    '%s runs every step without failure',
    async (name, example) => {
      const { result, lines } = await runOnPrism(example);
      expect(result.error).toBeUndefined();
      expect(result).toMatchObject({ name, ok: true, steps: stepCounts[name] });
      expect(lines).toContain(`   ok: ${name} (${stepCounts[name]} steps)`);
    },
  );

  it.each(allExamples.map((example) => [example.name, example] as const))(
    '%s numbers its steps 1..n and shows a result under each',
    async (_, example) => {
      const { result, lines } = await runOnPrism(example);
      const numbered = lines
        .filter((line) => /^ {2}\d+\. /.test(line))
        .map((line) => Number.parseInt(line, 10));
      expect(numbered).toEqual(Array.from({ length: result.steps }, (__, i) => i + 1));
      expect(lines.filter((line) => line.startsWith('     -> ')).length).toBeGreaterThanOrEqual(result.steps);
    },
  );

  it('manage-users terminates before it deletes', async () => {
    const { lines } = await runOnPrism(allExamples.find((e) => e.name === 'manage-users')!);
    const terminate = lines.findIndex((line) => line.includes('PUT /people/status/Terminated'));
    const remove = lines.findIndex((line) => line.includes('DELETE /people/{id}'));
    expect(terminate).toBeGreaterThan(0);
    expect(remove).toBeGreaterThan(terminate);
  });

  it("manage-user-photo shows that another user's photo is refused with 403", async () => {
    const { lines } = await runOnPrism(allExamples.find((e) => e.name === 'manage-user-photo')!);
    expect(lines).toContainEqual(expect.stringMatching(/-> refused: 403 DELETE .*\/photo: Access denied/));
  });

  it("update-user-role shows that the tutorial's role field is refused and uses the type endpoint", async () => {
    const { lines } = await runOnPrism(allExamples.find((e) => e.name === 'update-user-role')!);
    expect(lines).toContainEqual(expect.stringContaining('refused before sending: patch.role'));
    expect(lines).toContainEqual(expect.stringContaining('PUT /people/type/RoomAdmin'));
    expect(lines).toContainEqual(expect.stringContaining('progress: 40% (Running)'));
  });

  it('offboard-user prints what Prism answered: needsReassign and the progress example, nothing of a fake portal', async () => {
    const { lines } = await runOnPrism(allExamples.find((e) => e.name === 'offboard-user')!);
    expect(lines).toContain(
      '     -> the server answered true: she owns rooms, choose an heir before deleting',
    );
    expect(lines).toContain(
      "     -> the server reports the task at 50% (Running) (Prism's example; nothing was deleted)",
    );
    expect(lines).toContain(
      '     (both creates answered the same person, so the SDK refused on its first rule: heir = leaver)',
    );
    expect(lines).toContain('     -> not found (404)');
  });

  it('guests-and-quotas prints the answer of each quota call and of the second guest removal', async () => {
    const { lines } = await runOnPrism(allExamples.find((e) => e.name === 'guests-and-quotas')!);
    expect(lines).toContain('     -> after -1: Jane Cooper: quota 1 GiB (own value), used 52428800 bytes');
    expect(lines).toContain(
      '     -> after resetquota: Jane Cooper: quota 5 GiB (portal default), used 52428800 bytes',
    );
    expect(lines).toContain('     -> removing again answered 403: no longer in your contacts');
  });

  it('manage-groups says what Prism answered to the system-group write and looks the deleted groups up', async () => {
    const { lines } = await runOnPrism(allExamples.find((e) => e.name === 'manage-groups')!);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^ {5}-> sent: GET \/group\/\{id\} answered a group that is not a system group; the write answered Marketing: /,
      ),
    );
    expect(lines.filter((line) => line === '     -> Marketing: not found (404)')).toHaveLength(2);
  });

  it('no example claims fake portal state or log on Prism', async () => {
    for (const example of allExamples) {
      const { lines } = await runOnPrism(example);
      expect(lines.join('\n')).not.toContain('fake portal');
    }
  });

  it('photos-tour crops the temporary file the upload returned', async () => {
    const { lines } = await runOnPrism(allExamples.find((e) => e.name === 'photos-tour')!);
    expect(lines).toContain('     -> temporary file: tmp_3f2a8d1e6b7c4e219a5d0c8e4b1f7a26.png');
    expect(lines).toContainEqual(expect.stringMatching(/-> retina \(360x360\): .*360-360\.png$/));
  });

  it('a failing step is reported with its error and the run is marked failed', async () => {
    const failing: Example = {
      name: 'failing',
      title: 'fails at step 2',
      async run({ step }) {
        await step('first', async () => 1);
        await step('second', async () => {
          throw new TypeError('boom');
        });
      },
    };
    const { result, lines } = await runOnPrism(failing);
    expect(result).toMatchObject({ ok: false, steps: 2, error: 'TypeError: boom' });
    expect(lines).toContain('     FAILED: TypeError: boom');
  });
});

describe('each example against the stateful fake portal: every step shows the effect of the last', () => {
  let portal: Awaited<ReturnType<typeof startSamplePortal>>;
  beforeAll(async () => {
    portal = await startSamplePortal();
  });
  afterAll(() => portal.stop());

  /** Runs an example on the fake portal (reset to the sample people first, then `prepare`d). */
  async function runOnFake(name: string, prepare?: () => void) {
    portal.reset();
    prepare?.();
    const lines: string[] = [];
    const example = allExamples.find((e) => e.name === name)!;
    const result = await runExample(example, fakeTarget(portal), (line) => {
      lines.push(line);
    });
    expect(result.error).toBeUndefined();
    expect(result).toMatchObject({ ok: true, steps: stepCounts[name] });
    return lines;
  }

  it('manage-users: the created person has the requested name, is Terminated, then gone', async () => {
    const lines = await runOnFake('manage-users');
    expect(lines).toContainEqual(
      expect.stringMatching(/-> created John Doe \(.*\), type User, status Active$/),
    );
    expect(lines).toContain('     -> John Doe: Terminated');
    expect(lines).toContainEqual(expect.stringMatching(/-> deleted John Doe /));
    expect(lines).toContain('     -> not found (404)');
    expect(portal.users((user) => user.firstName === 'John')).toEqual([]);
  });

  it('update-user-role: the upgrade applies and the downgrade task runs to 100 % with progress', async () => {
    const lines = await runOnFake('update-user-role');
    expect(lines).toContain('     -> fake portal log: PUT /people/{id} received: 0');
    expect(portal.countRequests('updateMember')).toBe(0);
    expect(lines).toContain('     -> John Doe: type RoomAdmin');
    const progress = lines.filter((line) => line.includes('progress: '));
    expect(progress.at(-1)).toBe('     progress: 100% (Completed)');
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(lines).toContain('     -> the type change finished (100%)');
    expect(lines).toContain('     -> John Doe: type User, status Active');
    expect(portal.typeChangeTasks()).toHaveLength(1);
  });

  it("manage-user-photo: a real other person's photo is refused, and the own photo is set then deleted", async () => {
    const lines = await runOnFake('manage-user-photo');
    expect(lines).toContainEqual(expect.stringMatching(/-> refused: 403 DELETE .*\/photo: Access denied/));
    expect(lines).toContainEqual(expect.stringMatching(/-> saved: original \/storage\/userPhotos\/.*\.png$/));
    expect(portal.owner.photo).toBeUndefined();
  });

  it("photos-tour: the crop saves the uploaded file and the portal's size limit is refused", async () => {
    const lines = await runOnFake('photos-tour');
    const tmp = lines.find((line) => line.includes('temporary file: '))?.split('temporary file: ')[1];
    expect(tmp).toMatch(/^tmp_[0-9a-f]{32}\.png$/);
    expect(lines).toContainEqual(
      expect.stringContaining(`original: /storage/userPhotos/root/${portal.owner.id}_orig_${tmp}`),
    );
    expect(lines).toContain('     -> fake portal log: photo uploads received: 0');
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^ {5}-> PhotoUploadError: 200 POST \/api\/2\.0\/people\/\S+\/photo: photo upload refused: Image size is too large$/,
      ),
    );
  });

  it('manage-groups: manager, members, move and delete change the portal; the system group is refused', async () => {
    const lines = await runOnFake('manage-groups');
    expect(lines).toContain('     -> Sales: manager Ben Moss, 2 member(s) (Ann Lee, Ben Moss)');
    expect(lines).toContain('     -> Ben manages: Sales');
    expect(lines).toContain('     -> now Sales archive: manager none, 2 member(s) (Ann Lee, Ben Moss)');
    expect(lines).toContain('     -> left Sales: manager none, 0 member(s)');
    expect(lines).toContain('     -> Sales archive: manager none, 1 member(s) (Ben Moss); not removed: none');
    expect(lines).toContainEqual(expect.stringContaining('-> refused: id: is the system group "RoomAdmin"'));
    expect(lines).toContain('     -> fake portal log: writes to the RoomAdmin group received: 0');
    const deleted = lines.slice(lines.findIndex((line) => line.startsWith('  8. Delete both groups')) + 1);
    expect(deleted.slice(0, 3)).toEqual([
      '     -> Sales: not found (404)',
      '     -> Sales archive: not found (404)',
      '     -> Ann Lee is still Active',
    ]);
    expect(portal.groups()).toEqual([]);
    expect(portal.requests((r) => r.method !== 'GET' && r.path.includes('abef62db'))).toEqual([]);
    // The refused write changed nobody's type.
    expect(portal.users((u) => u.firstName === 'Ann')[0]?.type).toBe('User');
  });

  it('offboard-user: the leaver owns rooms, the server says so, and after the delete the heir owns them', async () => {
    const lines = await runOnFake('offboard-user');
    const rooms = portal.rooms();
    expect(rooms.map((room) => [room.id, room.title])).toEqual([
      [1001, 'Vendor contracts'],
      [1002, 'Q3 launch'],
    ]);
    const step = (n: number) => {
      const from = lines.findIndex((line) => line.startsWith(`  ${n}. `));
      const to = lines.findIndex((line) => line.startsWith(`  ${n + 1}. `));
      return lines.slice(from + 1, to === -1 ? undefined : to).filter((line) => line.startsWith('     -> '));
    };
    expect(step(1).slice(2)).toEqual([
      '     -> fake portal state: room 1001 "Vendor contracts" owner Lea Vance',
      '     -> fake portal state: room 1002 "Q3 launch" owner Lea Vance',
    ]);
    expect(step(2)).toEqual([
      '     -> the server answered true: she owns rooms, choose an heir before deleting',
    ]);
    expect(step(3)).toEqual([
      '     -> refused: fromId: is Active: DocSpace reassigns and deletes only Terminated users (terminate them first)',
      '     -> fake portal log: POST /people/reassign/start received: 0',
    ]);
    expect(step(4)).toEqual([
      '     -> Lea Vance: Terminated',
      '     -> fake portal state: room 1001 "Vendor contracts" owner Lea Vance',
      '     -> fake portal state: room 1002 "Q3 launch" owner Lea Vance',
    ]);
    expect(step(5)).toEqual([
      "     -> the task's last report: 100% (Completed); then GET /people/{id} answered 404 (the SDK checks it before it resolves)",
      '     -> fake portal state: room 1001 "Vendor contracts" owner Hal Ward',
      '     -> fake portal state: room 1002 "Q3 launch" owner Hal Ward',
    ]);
    expect(step(6)).toEqual(['     -> not found (404)']);
    expect(lines.filter((line) => line.includes('progress: ')).at(-1)).toBe(
      '     progress: 100% (Completed)',
    );
    expect(portal.users((u) => u.firstName === 'Lea')).toEqual([]);
    const hal = portal.users((u) => u.firstName === 'Hal')[0];
    expect(rooms.map((room) => room.ownerId)).toEqual([hal?.id, hal?.id]);
    const [task] = portal.dataTasks();
    expect(task).toMatchObject({
      kind: 'reassign',
      deleteProfile: true,
      status: 'Completed',
      toUserId: hal?.id,
    });
  });

  it('guests-and-quotas: the guest keeps the profile; the quota shows on the profile, then the default', async () => {
    const lines = await runOnFake('guests-and-quotas', () =>
      portal.setUserQuota({ enabled: true, defaultBytes: 10 * 1024 ** 3 }),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^ {5}-> GET \/people\/\{id\}: the profile is still there: gia\.guest\+\w+, Active$/,
      ),
    );
    expect(lines).toContain('     -> the server accepted the removal');
    expect(lines).toContain('     -> removing again answered 403: no longer in your contacts');
    expect(lines).toContain('     -> Quinn Quota: quota 2 GiB (own value), used 0 bytes');
    const step6 = lines.slice(lines.findIndex((line) => line.startsWith('  6. No limit')) + 1);
    expect(step6.slice(0, 2)).toEqual([
      '     -> after -1: Quinn Quota: quota unlimited (own value), used 0 bytes',
      '     -> after resetquota: Quinn Quota: quota 10 GiB (portal default), used 0 bytes',
    ]);
    expect(portal.countRequests('deleteGuests')).toBe(2);
    expect(portal.users((u) => u.type === 'Guest' && u.email.startsWith('gia.guest'))).toHaveLength(1);
    expect(portal.users((u) => u.firstName === 'Quinn')[0]?.quotaLimit).toBeUndefined();
  });

  it('no Prism caveat in any example', async () => {
    for (const example of allExamples) {
      const lines = await runOnFake(example.name);
      expect(lines.join('\n')).not.toMatch(/Prism|Jane Cooper/);
    }
  });
});

describe('each example on the real-portal path (the fake portal as an unknown server: mode portal)', () => {
  let portal: Awaited<ReturnType<typeof startSamplePortal>>;
  beforeAll(async () => {
    portal = await startSamplePortal({ taskStepMs: 1 });
  });
  afterAll(() => portal.stop());

  async function runOnPortal(name: string) {
    portal.reset();
    const lines: string[] = [];
    const example = allExamples.find((e) => e.name === name)!;
    const target = targetFor('portal', portal.url, portal.ownerToken, { pollIntervalMs: 100 });
    const result = await runExample(example, target, (line) => {
      lines.push(line);
    });
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(lines.join('\n')).not.toMatch(/fake portal|Prism/);
    // Every example deletes the people it created.
    expect(portal.users().map((u) => u.email)).not.toContainEqual(expect.stringContaining('+'));
    return lines;
  }

  it.each(allExamples.map((example) => [example.name] as const))('%s runs and cleans up', async (name) => {
    await runOnPortal(name);
  });

  it('offboard-user prints only what the server answered', async () => {
    const lines = await runOnPortal('offboard-user');
    expect(lines).toContain('     -> the server answered false: she owns nothing to hand over');
    expect(lines).toContain(
      "     -> the task's last report: 100% (Completed); then GET /people/{id} answered 404 (the SDK checks it before it resolves)",
    );
    expect(lines).toContain('     -> not found (404)');
  });
});

describe('the demo', () => {
  it('runs every example in sequence and prints a summary', async () => {
    const lines: string[] = [];
    const results = await demo(
      { DOCSPACE_PRISM_URL: inject('prismUrl') },
      (line) => lines.push(line),
      allExamples,
      ['--prism'],
    );
    expect(results.map((r) => [r.name, r.ok])).toEqual(allExamples.map((e) => [e.name, true]));
    expect(lines).toContain('7 of 7 examples passed.');
    const summary = lines.slice(lines.indexOf('Summary') + 1, -1);
    expect(summary.map((line) => line.trim().split(/\s+/).slice(0, 2))).toEqual(
      allExamples.map((e) => ['ok', e.name]),
    );
  });

  it('keeps going after a failed example and counts it in the summary', async () => {
    const broken: Example = {
      name: 'broken',
      title: 'always fails',
      run: async () => {
        throw new Error('nope');
      },
    };
    const lines: string[] = [];
    const results = await demo(
      { DOCSPACE_PRISM_URL: inject('prismUrl') },
      (line) => lines.push(line),
      [broken, allExamples[0]!],
      ['--prism'],
    );
    expect(results.map((r) => r.ok)).toEqual([false, true]);
    expect(lines).toContain('1 of 2 examples passed.');
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}FAILED broken .*Error: nope/));
  });
});
