// Small progressive enhancements. Every page works without this file.
"use strict";

// Time zones are grouped by area; the browser's own comes first, on top of the list, and
// on sign-up it is chosen already.
function detectTimeZone() {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  for (const select of document.querySelectorAll("select[data-time-zone]")) {
    const known = Array.from(select.options).find((option) => option.value === zone);
    if (!known) continue;
    const group = document.createElement("optgroup");
    group.label = "This device's time zone";
    group.append(new Option(known.textContent + " (" + zone.split("/")[0] + ")", zone));
    select.prepend(group);
    if (select.hasAttribute("data-detect-time-zone")) select.value = zone;
  }
}

document.addEventListener("DOMContentLoaded", detectTimeZone);

// Copy buttons (hidden without JavaScript, where the text stays selectable).
function enableCopyButtons() {
  for (const button of document.querySelectorAll("button[data-copy]")) {
    const source = document.getElementById(button.dataset.copy);
    if (!source || !navigator.clipboard) continue;
    const label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", async () => {
      await navigator.clipboard.writeText(source.value);
      button.textContent = "Copied";
      setTimeout(() => { button.textContent = label; }, 2000);
    });
  }
}

document.addEventListener("DOMContentLoaded", enableCopyButtons);

// The service worker: an offline page, and notifications (static/root/sw.js).
if ("serviceWorker" in navigator) {
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {});
  });
}

// The nav's count of what waits for you (and the "for you" list on the home page) asks
// the server every 45 seconds while the page is in view, and at once when it comes back
// into view; never from a tab in the background. htmx listens for "bond:tick".
const TICK_SECONDS = 45;

function tick() {
  if (document.visibilityState === "visible") {
    document.body.dispatchEvent(new CustomEvent("bond:tick"));
  }
}

setInterval(tick, TICK_SECONDS * 1000);
document.addEventListener("visibilitychange", tick);

// Push notifications on this device (the notifications settings page).
function bytesOfBase64Url(text) {
  const base64 = (text + "=".repeat((4 - (text.length % 4)) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
}

function csrfToken() {
  return JSON.parse(document.body.getAttribute("data-hx-headers"))["x-csrftoken"];
}

async function turnOnPush(setup, status) {
  const permission = await Notification.requestPermission();
  if (permission !== "granted") {
    status.textContent = "This browser blocks notifications from Bond: allow them in its site settings, then try again.";
    return;
  }
  const registration = await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: bytesOfBase64Url(setup.dataset.pushKey),
  });
  const { endpoint, keys } = subscription.toJSON();
  const response = await fetch(setup.dataset.addUrl, {
    method: "POST",
    body: new URLSearchParams({ endpoint, p256dh: keys.p256dh, auth: keys.auth }),
    headers: { "X-CSRFToken": csrfToken() },
    credentials: "same-origin",
  });
  if (response.ok) {
    window.location.reload();
  } else {
    status.textContent = await response.text();
  }
}

function enablePushSetup() {
  const setup = document.querySelector("[data-push-key]");
  if (!setup) return;
  const status = setup.querySelector("[data-push-status]");
  if (!("serviceWorker" in navigator && "PushManager" in window && "Notification" in window)) {
    status.textContent = "This browser can't show notifications from Bond. On an iPhone, add Bond to your home screen (Share, then Add to Home Screen) and open it from there.";
    return;
  }
  const button = setup.querySelector("[data-push-enable]");
  button.hidden = false;
  status.textContent = "";
  button.addEventListener("click", () => {
    turnOnPush(setup, status).catch(() => {
      status.textContent = "Notifications could not be turned on here. Please try again.";
    });
  });
}

document.addEventListener("DOMContentLoaded", enablePushSetup);

// The account menu is a <details>: without this it stays open until its button is
// pressed again; with it, a tap elsewhere or Escape closes it, as menus do.
function closeOpenMenus(event) {
  for (const menu of document.querySelectorAll("details.account-menu[open]")) {
    if (event.type === "keydown" ? event.key === "Escape" : !menu.contains(event.target)) {
      menu.open = false;
    }
  }
}

document.addEventListener("click", closeOpenMenus);
document.addEventListener("keydown", closeOpenMenus);

// Photo uploads ([data-photo-upload]): a preview of the chosen picture, and the upload sent
// with a progress bar, as a slow phone connection can take a while. The form works alone:
// this only takes over its submit, and falls back to it if the request cannot be made.
function enablePhotoUploads() {
  for (const form of document.querySelectorAll("form[data-photo-upload]")) {
    const input = form.querySelector("input[type=file]");
    const progress = form.querySelector(".photo-progress");
    // Made here, not in the page: an <img> without a source is not valid HTML.
    const preview = document.createElement("img");
    preview.className = "photo-preview";
    preview.alt = "";
    preview.hidden = true;
    progress.before(preview);
    input.addEventListener("change", () => {
      if (preview.src) URL.revokeObjectURL(preview.src);
      const file = input.files[0];
      preview.hidden = !file;
      if (file) preview.src = URL.createObjectURL(file);
    });
    form.addEventListener("submit", (event) => {
      if (!input.files.length) return;
      event.preventDefault();
      const request = new XMLHttpRequest();
      request.open("POST", form.action);
      // Answered as htmx is: where to go (HX-Redirect) rather than the page itself.
      request.setRequestHeader("HX-Request", "true");
      progress.hidden = false;
      progress.value = 0;
      form.querySelector("button[type=submit]").disabled = true;
      request.upload.addEventListener("progress", (step) => {
        if (step.lengthComputable) progress.value = Math.round((100 * step.loaded) / step.total);
      });
      request.addEventListener("load", () => {
        const next = request.getResponseHeader("HX-Redirect");
        if (next) {
          window.location.assign(next);
          return;
        }
        // Refused: show why, as the plain form would have (its form then posts plainly).
        const page = new DOMParser().parseFromString(request.responseText, "text/html");
        const refusal = page.querySelector("main");
        if (!refusal) {
          // Not Bond's page (a front server's "too large", say): let the browser show it.
          form.submit();
          return;
        }
        document.querySelector("main").replaceWith(refusal);
      });
      for (const failure of ["error", "abort", "timeout"]) {
        request.addEventListener(failure, () => form.submit());
      }
      request.send(new FormData(form));
    });
  }
}
document.addEventListener("DOMContentLoaded", enablePhotoUploads);
