/*
 * Glokal maps: progressive enhancement for templates/directory/includes/map.html.
 *
 * Nothing is loaded from a third party until the visitor asks for it:
 *  - "Show map" loads our own copy of Leaflet (static/vendor/leaflet), draws the markers and only then
 *    adds the OpenStreetMap tile layer (the first third-party request).
 *  - "Always show maps in this session" does the same and remembers the choice in sessionStorage,
 *    so later pages in this tab open their maps without asking. "Ask before showing maps again" forgets it.
 * Place data is read from a <script type="application/json"> block and only ever put into the page via
 * textContent / DOM nodes, never as HTML.
 */
(function () {
  "use strict";

  if (window.glokalMaps) {
    return; // map.js is included once per map; run only once per page.
  }
  window.glokalMaps = true;

  var CONSENT_KEY = "glokal.maps.consent";
  var leafletPromise = null;

  function hasSessionConsent() {
    try {
      return window.sessionStorage.getItem(CONSENT_KEY) === "session";
    } catch (e) {
      return false; // storage disabled: just ask every time
    }
  }

  function setSessionConsent(on) {
    try {
      if (on) {
        window.sessionStorage.setItem(CONSENT_KEY, "session");
      } else {
        window.sessionStorage.removeItem(CONSENT_KEY);
      }
    } catch (e) {
      /* storage disabled: nothing to remember */
    }
  }

  function loadStylesheet(href) {
    return new Promise(function (resolve) {
      if (!href) {
        resolve();
        return;
      }
      var existing = document.querySelector("link[data-leaflet-css]");
      if (existing) {
        resolve();
        return;
      }
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      link.setAttribute("data-leaflet-css", "");
      // The map also works (a little less pretty) if the stylesheet fails, so errors resolve too.
      link.onload = link.onerror = function () {
        resolve();
      };
      document.head.appendChild(link);
    });
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.async = true;
      script.onload = function () {
        if (window.L && typeof window.L.map === "function") {
          resolve(window.L);
        } else {
          reject(new Error("Leaflet did not define L.map"));
        }
      };
      script.onerror = function () {
        reject(new Error("Could not load " + src));
      };
      document.head.appendChild(script);
    });
  }

  function loadLeaflet(jsUrl, cssUrl) {
    if (!leafletPromise) {
      leafletPromise = Promise.all([loadScript(jsUrl), loadStylesheet(cssUrl)])
        .then(function (results) {
          return results[0];
        })
        .catch(function (error) {
          leafletPromise = null; // allow another try
          throw error;
        });
    }
    return leafletPromise;
  }

  function readPlaces(root) {
    var block = document.getElementById(root.getAttribute("data-map-places") || "");
    if (!block) {
      return [];
    }
    var data;
    try {
      data = JSON.parse(block.textContent);
    } catch (e) {
      return [];
    }
    if (!Array.isArray(data)) {
      return [];
    }
    var places = [];
    data.forEach(function (item) {
      if (!item || typeof item !== "object") {
        return;
      }
      // Coordinates may arrive as strings (Decimal fields are serialised as strings).
      var lat = parseFloat(item.lat);
      var lon = parseFloat(item.lon);
      if (!isFinite(lat) || !isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
        return;
      }
      places.push({
        name: item.name == null ? "" : String(item.name),
        city: item.city == null ? "" : String(item.city),
        url: safeUrl(item.url),
        lat: lat,
        lon: lon,
      });
    });
    return places;
  }

  // Only same-site or http(s) links in popups; anything else (javascript:, data:, …) is dropped.
  function safeUrl(value) {
    if (typeof value !== "string" || !value) {
      return "";
    }
    try {
      var url = new URL(value, window.location.href);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : "";
    } catch (e) {
      return "";
    }
  }

  function popupContent(place) {
    var box = document.createElement("div");
    box.className = "map-popup";
    var title;
    if (place.url) {
      title = document.createElement("a");
      title.href = place.url;
    } else {
      title = document.createElement("strong");
    }
    title.textContent = place.name;
    box.appendChild(title);
    if (place.city) {
      var city = document.createElement("span");
      city.className = "map-popup-city";
      city.textContent = place.city;
      box.appendChild(document.createElement("br"));
      box.appendChild(city);
    }
    return box;
  }

  function markerIcon(L, root) {
    // Explicit icon URLs: Leaflet's automatic path detection breaks with hashed static file names.
    var iconUrl = root.getAttribute("data-marker-icon");
    if (!iconUrl) {
      return new L.Icon.Default();
    }
    return L.icon({
      iconUrl: iconUrl,
      iconRetinaUrl: root.getAttribute("data-marker-icon-2x") || iconUrl,
      shadowUrl: root.getAttribute("data-marker-shadow") || null,
      iconSize: [25, 41],
      iconAnchor: [12, 41],
      popupAnchor: [1, -34],
      tooltipAnchor: [16, -28],
      shadowSize: [41, 41],
    });
  }

  function setStatus(root, text, focus) {
    var status = root.querySelector("[data-map-status]");
    if (!status) {
      return;
    }
    status.textContent = text || "";
    if (focus && text) {
      status.focus();
    }
  }

  function setBusy(root, busy) {
    root.querySelectorAll("[data-map-show], [data-map-show-always]").forEach(function (button) {
      button.disabled = busy;
    });
    if (busy) {
      root.setAttribute("aria-busy", "true");
    } else {
      root.removeAttribute("aria-busy");
    }
  }

  function showMap(root, options) {
    if (root.glokalMapState === "loading" || root.glokalMapState === "shown") {
      return;
    }
    var canvas = root.querySelector(".map-canvas");
    var places = readPlaces(root);
    if (!canvas || !places.length) {
      return;
    }
    root.glokalMapState = "loading";
    setBusy(root, true);
    setStatus(root, "");

    loadLeaflet(root.getAttribute("data-leaflet-js"), root.getAttribute("data-leaflet-css"))
      .then(function (L) {
        canvas.hidden = false;
        if (!canvas.offsetHeight) {
          canvas.style.height = "24rem"; // map.css missing: give Leaflet some room (CSSOM, CSP-safe)
        }
        var map = L.map(canvas, { scrollWheelZoom: false, keyboard: true });
        var icon = markerIcon(L, root);
        var markers = places.map(function (place) {
          return L.marker([place.lat, place.lon], {
            icon: icon,
            title: place.name,
            alt: place.name,
            keyboard: true,
          }).bindPopup(popupContent(place));
        });
        var group = L.featureGroup(markers);
        if (markers.length === 1) {
          map.setView(markers[0].getLatLng(), 14);
        } else {
          map.fitBounds(group.getBounds(), { padding: [24, 24], maxZoom: 15 });
        }
        group.addTo(map);

        // The first third-party request: the visitor has asked for the map.
        var tileUrl = root.getAttribute("data-tile-url");
        if (tileUrl) {
          L.tileLayer(tileUrl, {
            maxZoom: 19,
            attribution: root.getAttribute("data-tile-attribution") || "",
          }).addTo(map);
        }

        root.glokalMapState = "shown";
        setBusy(root, false);
        var consent = root.querySelector("[data-map-consent]");
        if (consent) {
          consent.hidden = true;
        }
        var revoke = root.querySelector("[data-map-revoke-wrap]");
        if (revoke) {
          revoke.hidden = !hasSessionConsent();
        }
        if (options.focus) {
          canvas.focus();
        }
      })
      .catch(function (error) {
        root.glokalMapState = "";
        setBusy(root, false);
        canvas.hidden = true;
        var consent = root.querySelector("[data-map-consent]");
        if (consent) {
          consent.hidden = false; // let the visitor try again
        }
        setStatus(root, root.getAttribute("data-error-text"), options.focus);
        if (window.console) {
          window.console.error(error);
        }
      });
  }

  function init(root) {
    if (root.glokalMapState !== undefined) {
      return;
    }
    root.glokalMapState = "";
    var consent = root.querySelector("[data-map-consent]");
    var show = root.querySelector("[data-map-show]");
    var always = root.querySelector("[data-map-show-always]");
    var revoke = root.querySelector("[data-map-revoke]");

    if (show) {
      show.addEventListener("click", function () {
        showMap(root, { focus: true });
      });
    }
    if (always) {
      always.addEventListener("click", function () {
        setSessionConsent(true);
        showMap(root, { focus: true });
        // Other maps on the same page follow the choice, without taking the focus.
        maps().forEach(function (other) {
          if (other !== root) {
            showMap(other, { focus: false });
          }
        });
      });
    }
    if (revoke) {
      revoke.addEventListener("click", function () {
        setSessionConsent(false);
        maps().forEach(function (other) {
          var wrap = other.querySelector("[data-map-revoke-wrap]");
          if (wrap) {
            wrap.hidden = true;
          }
        });
        setStatus(root, revoke.getAttribute("data-done-text"), true);
      });
    }

    if (hasSessionConsent()) {
      showMap(root, { focus: false }); // chosen earlier in this session: don't ask, don't steal focus
    } else if (consent) {
      consent.hidden = false; // buttons only make sense with JavaScript
    }
  }

  function maps() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-map]"));
  }

  function start() {
    maps().forEach(init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
