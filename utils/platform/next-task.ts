/*
 * Lets the page's own work (input, rendering) run before our next step, so that a long job is a
 * series of short tasks instead of one that freezes the page (a task ≥ 50 ms is a long task).
 */

type Scheduler = { yield?: () => Promise<void> };

/**
 * Resolves in a new task by a MessageChannel message, which neither setTimeout's clamping nor the
 * throttling of timers in a background tab (about once a second) delays.
 */
export function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Resolves in a new task: scheduler.yield() where the browser has it (it resumes ahead of other queued work), else `macrotask()`. */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  return typeof scheduler?.yield === 'function' ? scheduler.yield() : macrotask();
}
