//! The browser's Back and Forward buttons move between patuh's screens (docs/RELIABILITY.md §Back
//! button): each new screen is an entry in the page's history, without changing the address (the
//! widget may live on another site's page, whose address is not ours to change).

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};

/// The key of patuh's entries in a history state object (a host page may keep its own).
const KEY: &str = "patuh";

/// Adds a history entry for the screen `code` (a refused call only loses the Back step).
pub fn push(code: &str) {
    let Ok(history) = gloo::utils::window().history() else { return };
    let entry = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&entry, &KEY.into(), &code.into());
    let _ = history.push_state(&entry, "");
}

/// Calls `f` with the screen of the history entry the user went back or forward to (`None`: an
/// entry from before patuh's first screen).
pub fn on_move(f: impl Fn(Option<String>) + 'static) -> EventListener {
    EventListener::new(&gloo::utils::window(), "popstate", move |e| {
        let state = e.dyn_ref::<web_sys::PopStateEvent>().map_or(JsValue::NULL, |p| p.state());
        let code = if state.is_object() {
            js_sys::Reflect::get(&state, &KEY.into()).ok().and_then(|v| v.as_string())
        } else {
            None
        };
        f(code);
    })
}
