// Adding documents with htmx: show the result list even when the server refuses the form
// (422: nothing chosen), say so when the request fails, and clear the form after success.
(function () {
  "use strict";

  // The form that made the request (detail.elt is the swap target in some events).
  function uploadForm(event) {
    var detail = event.detail || {};
    var elt = (detail.requestConfig && detail.requestConfig.elt) || detail.elt;
    return elt && elt.classList && elt.classList.contains("upload-form") ? elt : null;
  }

  function isUpload(event) {
    return uploadForm(event) !== null;
  }

  document.addEventListener("htmx:beforeSwap", function (event) {
    if (isUpload(event) && event.detail.xhr.status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  function say(message) {
    var results = document.getElementById("upload-results");
    if (!results) {
      return;
    }
    var box = document.createElement("div");
    box.className = "notice notice--error";
    box.setAttribute("role", "alert");
    box.textContent = message;
    results.replaceChildren(box);
  }

  document.addEventListener("htmx:responseError", function (event) {
    if (!isUpload(event) || event.detail.xhr.status === 422) {
      return;
    }
    var status = event.detail.xhr.status;
    say(status === 403
      ? "The form has expired. Reload the page and add the documents again."
      : "The documents could not be added (error " + status + "). Try again later.");
  });

  document.addEventListener("htmx:sendError", function (event) {
    if (isUpload(event)) {
      say("The server could not be reached. Check the connection and try again.");
    }
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    var form = uploadForm(event);
    if (form && event.detail.successful) {
      form.reset();
    }
  });
})();
