// Practice timer: an optional count-up clock for a spoken answer.
//
// A section with data-practice-timer (hidden until this script runs, so the
// page makes sense without JavaScript) holds the clock, a bar with the target
// window (data-target-low / data-target-high seconds) and Start / Stop / Reset
// buttons. The elapsed seconds go into the input named by data-duration-input,
// which is an ordinary, editable form field. The status line only changes when
// the answer enters or leaves the target window, so screen readers hear each
// change once.

function format(seconds) {
  const m = Math.floor(seconds / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return `${m}:${s}`;
}

function attach(section) {
  const low = Number(section.dataset.targetLow);
  const high = Number(section.dataset.targetHigh);
  const input = document.getElementById(section.dataset.durationInput);
  const clock = section.querySelector("[data-timer-clock]");
  const progress = section.querySelector("[data-timer-progress]");
  const status = section.querySelector("[data-timer-status]");
  const start = section.querySelector("[data-timer-start]");
  const stop = section.querySelector("[data-timer-stop]");
  const reset = section.querySelector("[data-timer-reset]");
  let startedAt = null;
  let banked = 0;
  let ticker = null;
  let phase = "";

  const elapsed = () => banked + (startedAt ? Math.floor((Date.now() - startedAt) / 1000) : 0);

  function say(next, text) {
    if (next === phase) return;
    phase = next;
    status.textContent = text;
    section.dataset.phase = next;
  }

  function render() {
    const seconds = elapsed();
    clock.textContent = format(seconds);
    progress.style.width = `${Math.min(100, (seconds / (high * 1.25)) * 100)}%`;
    if (input && seconds > 0) input.value = String(seconds);
    if (!startedAt && seconds === 0) say("idle", "Say your answer out loud; start the timer when you begin.");
    else if (seconds < low) say("under", `Keep going: aim for at least ${low} seconds.`);
    else if (seconds <= high) say("inside", `In the target window (${low}–${high} s).`);
    else say("over", `Over ${high} seconds: wrap up.`);
  }

  start.addEventListener("click", () => {
    if (startedAt) return;
    startedAt = Date.now();
    ticker = setInterval(render, 250);
    start.disabled = true;
    stop.disabled = false;
    render();
  });
  stop.addEventListener("click", () => {
    if (!startedAt) return;
    banked = elapsed();
    startedAt = null;
    clearInterval(ticker);
    start.disabled = false;
    start.textContent = "Resume";
    stop.disabled = true;
    render();
  });
  reset.addEventListener("click", () => {
    clearInterval(ticker);
    startedAt = null;
    banked = 0;
    start.disabled = false;
    start.textContent = "Start";
    stop.disabled = true;
    if (input) input.value = "";
    render();
  });

  section.style.setProperty("--window-start", `${(low / (high * 1.25)) * 100}%`);
  section.style.setProperty("--window-end", `${(high / (high * 1.25)) * 100}%`);
  section.hidden = false;
  render();
}

document.querySelectorAll("[data-practice-timer]").forEach(attach);
