// Live SMART feedback: analyse a goal while it is typed.
//
// A textarea with data-live-feedback="ID" and data-feedback-url="URL" posts
// its text to URL 250 ms after the last keystroke and shows the returned,
// server-rendered (and escaped) partial in the element with that ID; an optional
// data-feedback-unavailable gives the message shown when the server cannot answer. Only the
// newest response is shown; older ones are aborted or ignored. A CSRF token
// that has gone stale is renewed once and the request retried.

const DEBOUNCE_MS = 250;
const tokenMeta = document.querySelector('meta[name="csrf-token"]');

async function renewCsrfToken() {
  const response = await fetch("/api/csrf", { credentials: "same-origin" });
  if (!response.ok) return false;
  tokenMeta.content = (await response.json()).csrf_token;
  return true;
}

function prefill(container, form) {
  const hints = container.querySelector("template[data-prefill]");
  if (!hints || !form) return;
  for (const input of form.querySelectorAll("[data-prefill-target]")) {
    const value = hints.dataset[input.dataset.prefillTarget];
    if (input.dataset.userEdited || !value) continue;
    if (input.value === "" || input.dataset.prefilled === "true") {
      input.value = value;
      input.dataset.prefilled = "true";
      input.classList.add("prefilled");
      input.title = "Found in your goal's text; change it if it is not right.";
    }
  }
}

function attach(textarea) {
  const container = document.getElementById(textarea.dataset.liveFeedback);
  const url = textarea.dataset.feedbackUrl;
  const form = textarea.form;
  if (!container || !url) return;
  let timer = null;
  let latest = 0;
  let inFlight = null;

  for (const input of form ? form.querySelectorAll("[data-prefill-target]") : []) {
    input.addEventListener("input", () => {
      input.dataset.userEdited = "true";
      input.classList.remove("prefilled");
    });
  }

  async function analyse(request, retried = false) {
    inFlight?.abort();
    inFlight = new AbortController();
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": tokenMeta.content, "X-Requested-With": "fetch" },
      body: new URLSearchParams({ text: textarea.value }),
      signal: inFlight.signal,
    });
    if (response.status === 400 && !retried && (await renewCsrfToken())) {
      return analyse(request, true);
    }
    if (request !== latest) return; // a newer keystroke has taken over
    if (!response.ok) {
      container.innerHTML = "";
      const p = document.createElement("p");
      p.className = "feedback-error";
      p.textContent = response.status === 429
        ? "Checking paused for a moment; keep typing."
        : textarea.dataset.feedbackUnavailable ||
          "The SMART check is unavailable right now. Your goal will still save.";
      container.append(p);
      return;
    }
    container.innerHTML = await response.text();
    prefill(container, form);
    container.dispatchEvent(new CustomEvent("feedback:updated", { bubbles: true }));
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const request = ++latest;
      container.setAttribute("aria-busy", "true");
      try {
        await analyse(request);
      } catch (error) {
        if (error.name !== "AbortError") console.warn("SMART check failed", error);
      } finally {
        if (request === latest) container.removeAttribute("aria-busy");
      }
    }, DEBOUNCE_MS);
  }

  textarea.addEventListener("input", schedule);
}

document.querySelectorAll("textarea[data-live-feedback]").forEach(attach);
