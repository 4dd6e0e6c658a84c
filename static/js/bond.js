// Small progressive enhancements. Every page works without this file.
"use strict";

// Preselect the browser's time zone on forms that ask for one (sign-up).
function detectTimeZone() {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  for (const select of document.querySelectorAll("select[data-detect-time-zone]")) {
    if (Array.from(select.options).some((option) => option.value === zone)) {
      select.value = zone;
    }
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
