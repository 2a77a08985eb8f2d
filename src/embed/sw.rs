//! The service worker of patuh's own page: registration after the page has loaded, checks for a new
//! release, and the "new version — reload" prompt (docs/EMBEDDING.md §3).

use std::cell::{Cell, RefCell};

use gloo::events::EventListener;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Callback;

use super::{meta, obj};

/// How often a long-open page asks the server for a new release (and on every return to the tab).
const UPDATE_CHECK_MS: u32 = 30 * 60 * 1000;

thread_local! {
    static REGISTRATION: RefCell<Option<web_sys::ServiceWorkerRegistration>> = const { RefCell::new(None) };
    static RELOAD_ON_CHANGE: Cell<bool> = const { Cell::new(false) };
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
fn waiting(w: web_sys::ServiceWorker, on_update: Callback<()>) {
    let page = meta("patuh-version");
    let w2 = w.clone();
    worker_version(&w, move |v| {
        if v.is_some() && v == page {
            let _ = w2.post_message(&obj(&[("type", "patuh:skip-waiting".into())]));
        } else {
            on_update.emit(());
        }
    });
}

fn has_controller() -> bool {
    sw_container().and_then(|c| c.controller()).is_some()
}

/// Follows an installing worker: once installed while another worker controls the page, it is an
/// update (not the first install) and waits.
fn follow(w: web_sys::ServiceWorker, on_update: Callback<()>) {
    let w2 = w.clone();
    EventListener::new(&w, "statechange", move |_| {
        if w2.state() == web_sys::ServiceWorkerState::Installed && has_controller() {
            waiting(w2.clone(), on_update.clone());
        }
    })
    .forget();
}

fn watch(reg: &web_sys::ServiceWorkerRegistration, on_update: Callback<()>) {
    if let Some(w) = reg.waiting() {
        if has_controller() {
            waiting(w, on_update.clone());
        }
    }
    // An update found while the page was loading, before this listener existed.
    if let Some(w) = reg.installing() {
        follow(w, on_update.clone());
    }
    let reg2 = reg.clone();
    EventListener::new(reg, "updatefound", move |_| {
        if let Some(w) = reg2.installing() {
            follow(w, on_update.clone());
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
/// worker, whose install fetches the rest of the build (issue #7).
pub fn after_load(f: impl FnOnce() + 'static) {
    if gloo::utils::document().ready_state() == "complete" {
        gloo::timers::callback::Timeout::new(0, f).forget();
    } else {
        EventListener::once(&gloo::utils::window(), "load", move |_| f()).forget();
    }
}

/// Registers the service worker (patuh's own page only: `<meta name="patuh-sw" content="sw.js">`),
/// checks for a new release on start, every 30 minutes and whenever the tab is shown again, and
/// calls `on_update` when a new release is installed and waiting for the user's "reload".
pub fn register_service_worker(on_update: Callback<()>) {
    let Some(url) = meta("patuh-sw") else {
        return;
    };
    let Some(container) = sw_container() else {
        return;
    };
    EventListener::new(&container, "controllerchange", |_| {
        if RELOAD_ON_CHANGE.with(Cell::get) {
            let _ = gloo::utils::window().location().reload();
        }
    })
    .forget();
    on_ok(&container.register(&url), move |reg| {
        let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
            return;
        };
        watch(&reg, on_update);
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
/// the page (`controllerchange`). Without a waiting worker, a plain reload.
pub fn apply_update() {
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(|reg| reg.waiting()));
    match waiting {
        Some(w) => {
            RELOAD_ON_CHANGE.with(|c| c.set(true));
            let _ = w.post_message(&obj(&[("type", "patuh:skip-waiting".into())]));
        }
        None => {
            let _ = gloo::utils::window().location().reload();
        }
    }
}
