/*! patuh embed.js — turns <div data-patuh …></div> into an iframe of the hosted patuh app.
 * Usage and every option: docs/EMBEDDING.md. No dependencies, no inline styles (CSSOM only), no
 * requests of its own; it talks to the app only through postMessage, checking origins both ways.
 */
(function () {
  'use strict';
  if (window.PatuhEmbed) return; // loaded twice: keep the first

  var here = document.currentScript && document.currentScript.src;
  var DEFAULT_TITLE = 'patuh — swa-penilaian kepatuhan pelayanan publik';
  // data-* attribute → URL parameter of the app
  var PARAMS = { lang: 'lang', instrumen: 'instrumen', opd: 'opd', unit: 'unit', produk: 'produk', accent: 'accent' };
  var frames = []; // { div, iframe, origin }

  function appUrl(div) {
    // data-src, else the folder embed.js was loaded from (https://host/patuh/embed.js → https://host/patuh/)
    var src = div.getAttribute('data-src') || (here ? new URL('./', here).href : '');
    if (!src) throw new Error('patuh embed: data-src is missing');
    var url = new URL(src, document.baseURI);
    Object.keys(PARAMS).forEach(function (k) {
      var v = div.getAttribute('data-' + k);
      if (v) url.searchParams.set(PARAMS[k], v);
    });
    // The app posts its events only to this origin, and accepts messages only from it.
    url.searchParams.set('origin', window.location.origin);
    return url;
  }

  function mount(div) {
    if (!div || div.patuhFrame) return div && div.patuhFrame;
    var url = appUrl(div);
    var iframe = document.createElement('iframe');
    iframe.src = url.href;
    iframe.title = div.getAttribute('data-title') || DEFAULT_TITLE;
    iframe.setAttribute('loading', div.getAttribute('data-loading') || 'lazy');
    iframe.setAttribute('width', '100%');
    iframe.setAttribute('height', String(parseInt(div.getAttribute('data-height'), 10) || 640));
    iframe.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    iframe.className = 'patuh-embed__frame';
    // CSSOM, not a style attribute: allowed by a host CSP without 'unsafe-inline'.
    iframe.style.display = 'block';
    iframe.style.width = '100%';
    iframe.style.border = '0';
    div.appendChild(iframe);
    var entry = { div: div, iframe: iframe, origin: url.origin };
    frames.push(entry);
    div.patuhFrame = iframe;
    // data-lang changed later (a host language switch): tell the app.
    if (window.MutationObserver) {
      new MutationObserver(function () {
        send(entry, { type: 'patuh:lang', lang: div.getAttribute('data-lang') });
      }).observe(div, { attributes: true, attributeFilter: ['data-lang'] });
    }
    return iframe;
  }

  function send(entry, message) {
    if (entry.iframe.contentWindow) entry.iframe.contentWindow.postMessage(message, entry.origin);
  }

  // The iframe is as tall as its content, so inside it `position: sticky` has the whole page as its
  // screen: the walk's live score bar would stick to the end of the walk, out of view. The app is
  // told how many pixels of the iframe are scrolled out of the host's view above and below, on
  // scroll and resize (at most once a frame), and keeps the bar in the visible part.
  var queued = false;
  function sendViewports(force) {
    queued = false;
    var height = window.innerHeight || document.documentElement.clientHeight;
    frames.forEach(function (entry) {
      var r = entry.iframe.getBoundingClientRect();
      var above = Math.max(0, Math.floor(-r.top));
      var below = Math.max(0, Math.ceil(r.bottom - height));
      if (force !== true && entry.above === above && entry.below === below) return;
      entry.above = above;
      entry.below = below;
      send(entry, { type: 'patuh:viewport', above: above, below: below });
    });
  }
  function queueViewports() {
    if (queued) return;
    queued = true;
    window.requestAnimationFrame(sendViewports);
  }
  // Capture: a scrolling container of the host page counts too (scroll events do not bubble).
  window.addEventListener('scroll', queueViewports, { passive: true, capture: true });
  window.addEventListener('resize', queueViewports);

  window.addEventListener('message', function (event) {
    var entry = null;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].iframe.contentWindow === event.source) entry = frames[i];
    }
    // Only our iframes, and only from the origin we loaded them from.
    if (!entry || event.origin !== entry.origin) return;
    var data = event.data;
    if (!data || typeof data !== 'object') return;
    if (data.type === 'patuh:resize') {
      var h = Number(data.height);
      if (isFinite(h) && h > 0) entry.iframe.style.height = Math.min(Math.ceil(h), 100000) + 'px';
      queueViewports();
    } else if (data.type === 'patuh:follow') {
      // The app (its walk) started listening: it gets the current view at once.
      sendViewports(true);
    } else if (data.type === 'patuh:result') {
      var detail = {
        zone: String(data.zone),
        score: Number(data.score),
        grade: data.grade == null ? null : String(data.grade),
        instrument: String(data.instrument),
        provisional: !!data.provisional,
      };
      entry.div.dispatchEvent(new CustomEvent('patuh:result', { detail: detail, bubbles: true }));
    }
  });

  function mountAll(root) {
    var list = (root || document).querySelectorAll('[data-patuh]');
    for (var i = 0; i < list.length; i++) mount(list[i]);
  }

  window.PatuhEmbed = { mount: mount, mountAll: mountAll };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { mountAll(); });
  } else {
    mountAll();
  }
})();
