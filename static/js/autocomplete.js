// Suggestions for the search box, filled into its <datalist>. Without JavaScript the box works as is.
(function () {
  "use strict";
  var input = document.getElementById("search-q");
  var list = document.getElementById("search-suggestions");
  if (!input || !list || !window.fetch) { return; }
  var timer = null;
  var last = "";
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var text = input.value.trim();
      if (text.length < 2 || text === last) { return; }
      last = text;
      fetch(input.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) {
          while (list.firstChild) { list.removeChild(list.firstChild); }
          data.suggestions.forEach(function (value) {
            var option = document.createElement("option");
            option.value = value;
            list.appendChild(option);
          });
        })
        .catch(function () { /* suggestions are a convenience; the form still works */ });
    }, 200);
  });
})();
