// A busy loop blocks the one thread that runs timers, promises and rendering.
function busy(ms) {
  const end = performance.now() + ms;
  while (performance.now() < end) {}
}

// Yielding: work in slices, letting the browser run timers and draw frames between them.
// A MessageChannel message is a plain task, queued behind due timers. (scheduler.yield() also
// lets the page draw, but Chromium runs its continuation ahead of due timers.)
const channel = new MessageChannel();
const waiting = [];
channel.port1.onmessage = () => waiting.shift()();
const yieldToBrowser = () => new Promise((resolve) => { waiting.push(resolve); channel.port2.postMessage(0); });

async function busyYielding(ms, sliceMs = 4) {
  let left = ms;
  while (left > 0) {
    const slice = Math.min(sliceMs, left);
    busy(slice);
    left -= slice;
    await yieldToBrowser(); // never setTimeout(0): it is clamped to 4 ms when nested
  }
}
