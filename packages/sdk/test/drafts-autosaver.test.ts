import { describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { createAutosaver } from '../src/drafts/index.ts';

/** Lets queued promise callbacks run (setImmediate is not mocked). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('autosaver', () => {
  it('saves once, 500 ms after the last of several changes', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const save = mock.fn();
    const autosaver = createAutosaver(save);
    autosaver.schedule();
    t.mock.timers.tick(400);
    autosaver.schedule();
    t.mock.timers.tick(499);
    await settle();
    assert.equal(save.mock.callCount(), 0);
    assert.equal(autosaver.pending, true);
    t.mock.timers.tick(1);
    await settle();
    assert.equal(save.mock.callCount(), 1);
    assert.equal(autosaver.pending, false);
  });

  it('saves at least every 2 s while changes keep coming, so a browser killed mid-typing loses little', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const save = mock.fn();
    const autosaver = createAutosaver(save);
    // A key every 300 ms: the quiet half second never comes.
    for (let typed = 0; typed < 6; typed++) {
      autosaver.schedule();
      t.mock.timers.tick(300);
    }
    await settle();
    assert.equal(save.mock.callCount(), 0, 'not yet at 1.8 s');
    autosaver.schedule();
    t.mock.timers.tick(300);
    await settle();
    assert.equal(save.mock.callCount(), 1, 'saved by 2.1 s');
    autosaver.schedule();
    t.mock.timers.tick(500);
    await settle();
    assert.equal(save.mock.callCount(), 2, 'and after the last change as before');
  });

  it('flush saves a pending change at once and does nothing without one', async () => {
    const save = mock.fn(async () => undefined);
    const autosaver = createAutosaver(save, { delayMs: 60_000 });
    await autosaver.flush();
    assert.equal(save.mock.callCount(), 0);
    autosaver.schedule();
    await autosaver.flush();
    assert.equal(save.mock.callCount(), 1);
  });

  it('never runs two saves at once', async () => {
    let running = 0;
    let overlap = false;
    const autosaver = createAutosaver(async () => {
      running++;
      overlap ||= running > 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      running--;
    });
    autosaver.schedule();
    const first = autosaver.flush();
    autosaver.schedule();
    await Promise.all([first, autosaver.flush()]);
    assert.equal(overlap, false);
  });

  it('cancel drops a pending save and waits for one in progress', async () => {
    const order: string[] = [];
    const autosaver = createAutosaver(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      order.push('saved');
    });
    autosaver.schedule();
    void autosaver.flush();
    autosaver.schedule();
    await autosaver.cancel();
    order.push('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.deepEqual(order, ['saved', 'cancelled']);
  });

  it('reports a failed save and keeps working', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const autosaver = createAutosaver(
      () => {
        calls++;
        if (calls === 1) throw new Error('quota');
      },
      { onError: (error) => errors.push(error) },
    );
    autosaver.schedule();
    await autosaver.flush();
    autosaver.schedule();
    await autosaver.flush();
    assert.equal(calls, 2);
    assert.equal(errors.length, 1);
  });
});
