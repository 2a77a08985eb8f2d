//! The service worker of patuh's own page: registration after the page has loaded, checks for a new
//! release, and the "new version — reload" prompt (docs/EMBEDDING.md §3).
//!
//! Two wasm modules run on the page in turn (the start screen, then the app it hands over to), so
//! the page's state lives in the page, not in either module: the worker is registered once (marked
//! on `<meta name="patuh-sw">`), and a new release is announced with a `patuh:update` event on the
//! window (and marked on the same element), which every frame listens to ([`on_update`]).

use std::cell::RefCell;

use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::obj;

/// How often a long-open page asks the server for a new release (and on every return to the tab).
const UPDATE_CHECK_MS: u32 = 30 * 60 * 1000;
/// The event (on the window) that says a new release is waiting for the user's "reload".
const UPDATE_EVENT: &str = "patuh:update";

thread_local! {
    static REGISTRATION: RefCell<Option<web_sys::ServiceWorkerRegistration>> = const { RefCell::new(None) };
}

/// `<meta name="patuh-sw" content="sw.js">`: present on patuh's own page only.
fn sw_meta() -> Option<web_sys::Element> {
    gloo::utils::document().query_selector("meta[name=\"patuh-sw\"]").ok().flatten()
}

/// Announces a waiting release to every frame, now and later.
fn announce_update() {
    if let Some(m) = sw_meta() {
        let _ = m.set_attribute("data-update", "");
    }
    if let Ok(e) = web_sys::Event::new(UPDATE_EVENT) {
        let _ = gloo::utils::window().dispatch_event(&e);
    }
}

/// Calls `f` when a new release is waiting (at once if one already is), for as long as the
/// returned listener lives.
pub fn on_update(f: impl Fn() + 'static) -> EventListener {
    if sw_meta().is_some_and(|m| m.get_attribute("data-update").is_some()) {
        f();
    }
    EventListener::new(&gloo::utils::window(), UPDATE_EVENT, move |_| f())
}

/// Runs `ok` when the promise fulfils; a rejection is caught (never an "uncaught" console error).
fn on_ok(p: &js_sys::Promise, ok: impl FnOnce(JsValue) + 'static) {
    let ok = Closure::once(ok);
    let err = Closure::once(|_: JsValue| {});
    let _ = p.then2(&ok, &err);
    ok.forget();
    err.forget();
}

fn sw_container() -> Option<web_sys::ServiceWorkerContainer> {
    let nav = gloo::utils::window().navigator();
    // `navigator.serviceWorker` is missing outside secure contexts and in some private modes.
    let has = js_sys::Reflect::get(&nav, &JsValue::from_str("serviceWorker"))
        .map(|v| !v.is_undefined() && !v.is_null())
        .unwrap_or(false);
    has.then(|| nav.service_worker())
}

/// Asks a worker its build version; `then` gets `None` if it does not answer.
fn worker_version(w: &web_sys::ServiceWorker, then: impl FnOnce(Option<String>) + 'static) {
    let Ok(ch) = web_sys::MessageChannel::new() else {
        then(None);
        return;
    };
    let then = std::rc::Rc::new(RefCell::new(Some(then)));
    let answer = then.clone();
    let port = ch.port1();
    let l = EventListener::once(&port, "message", move |e| {
        let v = e
            .dyn_ref::<web_sys::MessageEvent>()
            .and_then(|m| js_sys::Reflect::get(&m.data(), &JsValue::from_str("version")).ok())
            .and_then(|v| v.as_string());
        if let Some(f) = answer.borrow_mut().take() {
            f(v);
        }
    });
    port.start();
    let msg = obj(&[("type", "patuh:version".into())]);
    let transfer = js_sys::Array::of1(&ch.port2());
    if w.post_message_with_transferable(&msg, &transfer).is_err() {
        if let Some(f) = then.borrow_mut().take() {
            f(None);
        }
    }
    // A worker that never answers counts as a different version (the prompt is then shown).
    gloo::timers::callback::Timeout::new(3000, move || {
        drop(l);
        if let Some(f) = then.borrow_mut().take() {
            f(None);
        }
    })
    .forget();
}

/// A new worker is installed and waiting. If this page already runs its build (the page came from
/// the network), it takes over silently; otherwise the user is offered the reload.
fn waiting(w: web_sys::ServiceWorker) {
    let page = super::meta("patuh-version");
    let w2 = w.clone();
    worker_version(&w, move |v| {
        if v.is_some() && v == page {
            let _ = w2.post_message(&obj(&[("type", "patuh:skip-waiting".into())]));
        } else {
            announce_update();
        }
    });
}

fn has_controller() -> bool {
    sw_container().and_then(|c| c.controller()).is_some()
}

/// Follows an installing worker: once installed while another worker controls the page, it is an
/// update (not the first install) and waits.
fn follow(w: web_sys::ServiceWorker) {
    let w2 = w.clone();
    EventListener::new(&w, "statechange", move |_| {
        if w2.state() == web_sys::ServiceWorkerState::Installed && has_controller() {
            waiting(w2.clone());
        }
    })
    .forget();
}

fn watch(reg: &web_sys::ServiceWorkerRegistration) {
    if let Some(w) = reg.waiting() {
        if has_controller() {
            waiting(w);
        }
    }
    // An update found while the page was loading, before this listener existed.
    if let Some(w) = reg.installing() {
        follow(w);
    }
    let reg2 = reg.clone();
    EventListener::new(reg, "updatefound", move |_| {
        if let Some(w) = reg2.installing() {
            follow(w);
        }
    })
    .forget();
}

fn check_for_update() {
    REGISTRATION.with(|r| {
        if let Some(reg) = r.borrow().as_ref() {
            if let Ok(p) = reg.update() {
                on_ok(&p, |_| {});
            }
        }
    });
}

/// Runs `f` once the page has loaded (at once, in a later task, if it has): work that must not
/// compete with the first paint or the first load's downloads, such as registering the service
/// worker, whose install fetches the rest of the build (docs/PERFORMANCE.md).
/// (A plain `fn`: one copy of this code serves every caller, in the first load too.)
pub fn after_load(f: fn()) {
    if gloo::utils::document().ready_state() == "complete" {
        gloo::timers::callback::Timeout::new(0, f).forget();
    } else {
        EventListener::once(&gloo::utils::window(), "load", move |_| f()).forget();
    }
}

/// Registers the service worker (patuh's own page only: `<meta name="patuh-sw" content="sw.js">`),
/// once per page, checks for a new release on start, every 30 minutes and whenever the tab is
/// shown again, and announces a new release installed and waiting for the user's "reload"
/// ([`on_update`]).
pub fn register_service_worker() {
    let Some(m) = sw_meta() else {
        return;
    };
    let (Some(url), Some(container)) = (m.get_attribute("content"), sw_container()) else {
        return;
    };
    if m.get_attribute("data-registered").is_some() {
        return;
    }
    let _ = m.set_attribute("data-registered", "");
    on_ok(&container.register(&url), move |reg| {
        let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
            return;
        };
        watch(&reg);
        REGISTRATION.with(|r| *r.borrow_mut() = Some(reg));
    });
    gloo::timers::callback::Interval::new(UPDATE_CHECK_MS, check_for_update).forget();
    EventListener::new(&gloo::utils::document(), "visibilitychange", |_| {
        if gloo::utils::document().visibility_state() == web_sys::VisibilityState::Visible {
            check_for_update();
        }
    })
    .forget();
}

/// The user chose "reload": the waiting worker takes over, and the page reloads once it controls
/// the page (`controllerchange`). Without a waiting worker, a plain reload. (The registration is
/// asked for again: the module that registered it may not be the one running now.)
pub fn apply_update() {
    let reload = || {
        let _ = gloo::utils::window().location().reload();
    };
    let Some(container) = sw_container() else {
        return reload();
    };
    on_ok(&container.get_registration(), move |reg| {
        let waiting =
            reg.dyn_into::<web_sys::ServiceWorkerRegistration>().ok().and_then(|r| r.waiting());
        match (waiting, sw_container()) {
            (Some(w), Some(c)) => {
                EventListener::once(&c, "controllerchange", move |_| reload()).forget();
                let _ = w.post_message(&obj(&[("type", "patuh:skip-waiting".into())]));
            }
            _ => reload(),
        }
    });
}
