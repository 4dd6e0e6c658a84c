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
