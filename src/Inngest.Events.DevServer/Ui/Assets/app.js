// The Inngest.Events dev server UI's only script. Hand-written, no build step. The pages work without it; it adds
// live updates (Server-Sent Events from ui/live: on each change, fetch the page again and swap its data-live parts)
// and checks the send-event form before it is sent.
"use strict";

(function () {
  function startLiveUpdates() {
    if (!document.querySelector("[data-live]") || !window.EventSource || !window.fetch || !window.DOMParser) {
      return;
    }

    var status = document.getElementById("live-status");
    var pending = false;
    var busy = false;
    var last = 0;

    function show(text, on) {
      if (!status) {
        return;
      }
      status.hidden = false;
      status.textContent = text;
      status.classList.toggle("on", on);
    }

    function schedule() {
      pending = true;
      if (!busy) {
        // At most four refreshes a second, however fast the engine commits.
        setTimeout(refresh, Math.max(0, 250 - (Date.now() - last)));
      }
    }

    function openDetails(root) {
      var open = {};
      root.querySelectorAll("details[id]").forEach(function (d) { open[d.id] = d.open; });
      return open;
    }

    function refresh() {
      if (!pending || busy) {
        return;
      }
      pending = false;
      busy = true;
      last = Date.now();
      fetch(location.href, { headers: { "X-Requested-With": "live" }, cache: "no-store" })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (html === null) {
            return;
          }
          var next = new DOMParser().parseFromString(html, "text/html");
          var focused = document.activeElement && document.activeElement.id;
          document.querySelectorAll("[data-live]").forEach(function (current) {
            var replacement = next.querySelector('[data-live="' + current.getAttribute("data-live") + '"]');
            if (!replacement) {
              return;
            }
            // Keep what the reader opened or closed.
            var open = openDetails(current);
            replacement.querySelectorAll("details[id]").forEach(function (d) {
              if (Object.prototype.hasOwnProperty.call(open, d.id)) {
                d.open = open[d.id];
              }
            });
            current.replaceWith(document.importNode(replacement, true));
          });
          if (focused && document.activeElement === document.body) {
            var again = document.getElementById(focused);
            if (again) {
              again.focus();
            }
          }
          document.documentElement.setAttribute("data-live-updated", String(Date.now()));
        })
        .catch(function () { pending = true; })
        .then(function () {
          busy = false;
          if (pending) {
            schedule();
          }
        });
    }

    var source = new EventSource("ui/live");
    source.addEventListener("ready", function () { show("Live", true); });
    source.addEventListener("change", schedule);
    source.onerror = function () { show("Reconnecting…", false); };
    source.onopen = function () { show("Live", true); };
    window.addEventListener("pagehide", function () { source.close(); });
  }

  function checkSendForm() {
    var form = document.getElementById("send-form");
    if (!form) {
      return;
    }
    var name = document.getElementById("send-name");
    var data = document.getElementById("send-data");
    var message = document.getElementById("send-error");

    function problem() {
      var text = name.value.trim();
      if (!text) {
        return { field: name, text: "Give the event a name, such as app/user.created." };
      }
      if (/^inngest\//i.test(text)) {
        return { field: name, text: "The name '" + text + "' is reserved: names starting with 'inngest/' are Inngest's own events." };
      }
      var json = data.value.trim() || "{}";
      var parsed;
      try {
        parsed = JSON.parse(json);
      } catch (e) {
        return { field: data, text: "The data is not valid JSON: " + e.message };
      }
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        return { field: data, text: "The data must be a JSON object ({ … }), not " + (Array.isArray(parsed) ? "an array" : parsed === null ? "null" : "a " + typeof parsed) + "." };
      }
      return null;
    }

    function report(found) {
      [name, data].forEach(function (field) { field.removeAttribute("aria-invalid"); });
      if (!found) {
        message.hidden = true;
        message.textContent = "";
        return;
      }
      found.field.setAttribute("aria-invalid", "true");
      message.textContent = found.text;
      message.hidden = false;
    }

    form.addEventListener("submit", function (event) {
      var found = problem();
      report(found);
      if (found) {
        event.preventDefault();
        found.field.focus();
      }
    });
    [name, data].forEach(function (field) {
      field.addEventListener("blur", function () {
        if (field.getAttribute("aria-invalid") === "true" || !message.hidden) {
          report(problem());
        }
      });
    });
  }

  startLiveUpdates();
  checkSendForm();
})();
