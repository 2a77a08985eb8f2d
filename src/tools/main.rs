//! patuh's tools module: what the app loads on first use, not in its first load (issue #7,
//! docs/PERFORMANCE.md): the file producers (report HTML/CSV/PDF, evidence ZIP, recap and SKM
//! documents; all logic in `patuh_core::exports`) and the recap and SKM screens (the app's own
//! components, run by `patuh::components::lazy_screen`). This file only crosses the JS boundary.

use patuh::components::lazy_screen::{self, Mounted};
use wasm_bindgen::prelude::*;

/// Produces the file a `patuh_core::exports::Request` (JSON) asks for. `photos` is an array of
/// `[id, Uint8Array]` pairs (evidence bundles only). Throws a message when the request is refused.
#[wasm_bindgen]
pub fn run(request: &str, photos: js_sys::Array) -> Result<Vec<u8>, String> {
    let photos: Vec<(String, Vec<u8>)> = photos
        .iter()
        .filter_map(|pair| {
            let pair: js_sys::Array = pair.dyn_into().ok()?;
            let id = pair.get(0).as_string()?;
            let bytes = pair.get(1).dyn_into::<js_sys::Uint8Array>().ok()?.to_vec();
            Some((id, bytes))
        })
        .collect();
    patuh_core::exports::produce_json(request, &photos).map_err(|e| format!("{e:?}"))
}

/// A screen mounted by [`mount`].
#[wasm_bindgen]
pub struct Screen(Mounted);

#[wasm_bindgen]
impl Screen {
    /// The app's interface language changed ("id" or "en").
    pub fn set_lang(&self, lang: &str) {
        self.0.set_lang(if lang == "en" { patuh_core::Lang::En } else { patuh_core::Lang::Id });
    }

    /// Removes the screen.
    pub fn unmount(self) {
        self.0.unmount();
    }
}

/// Mounts the screen `state` (JSON of `lazy_screen::ScreenState`) names into `el`; `on_event` is
/// called with each `ScreenEvent` as JSON.
#[wasm_bindgen]
pub fn mount(
    el: web_sys::Element,
    state: &str,
    on_event: js_sys::Function,
) -> Result<Screen, String> {
    let emit = yew::Callback::from(move |e: String| {
        let _ = on_event.call1(&JsValue::NULL, &JsValue::from_str(&e));
    });
    lazy_screen::mount(el, state, emit).map(Screen)
}

fn main() {}
