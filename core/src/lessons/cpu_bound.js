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

async function tick(name, delayMs) {
  const start = performance.now();
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  console.log(`${name} late by ${(performance.now() - start - delayMs).toFixed(0)} ms`);
}

async function main(yielding) {
  const timers = [tick("Timer 1", 100), tick("Timer 2", 300)]; // armed at once: promises are eager
  if (yielding) {
    await busyYielding(1000); // the timers fire about on time
  } else {
    busy(1000); // blocks: the timers fire about 900 ms and 700 ms late
  }
  await Promise.all(timers);
  channel.port1.close(); // an open port would keep Node running
}

await main(false);
