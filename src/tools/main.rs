//! patuh's tools module: what the app loads on first use, not in its first load
//! (docs/PERFORMANCE.md): the file producers (report HTML/CSV/PDF, evidence ZIP, recap and SKM
//! documents; all logic in `patuh_core::exports`) and the recap and SKM screens (the app's own
//! components, run by `patuh::components::lazy_screen`). This file only crosses the JS boundary.

use patuh::browser::lazy;
use patuh::components::lazy_screen::{self, Mounted};
use patuh_core::exports::Request;
use wasm_bindgen::prelude::*;

/// Produces the file a `patuh_core::exports::Request` (JSON) asks for. `photos` is an array of
/// `[id, Uint8Array]` pairs (evidence bundles only). Throws a message (a string) when the request
/// is refused, an `Error` when an instrument file it needs did not load.
#[wasm_bindgen]
pub async fn run(request: String, photos: js_sys::Array) -> Result<Vec<u8>, JsValue> {
    let photos: Vec<(String, Vec<u8>)> = photos
        .iter()
        .filter_map(|pair| {
            let pair: js_sys::Array = pair.dyn_into().ok()?;
            let id = pair.get(0).as_string()?;
            let bytes = pair.get(1).dyn_into::<js_sys::Uint8Array>().ok()?.to_vec();
            Some((id, bytes))
        })
        .collect();
    let req: Request = serde_json::from_str(&request).map_err(|e| JsValue::from(e.to_string()))?;
    instruments_for(&req).await.map_err(lazy::refusal)?;
    patuh_core::exports::produce(&req, &photos).map_err(|e| JsValue::from(format!("{e:?}")))
}

/// This module has no instrument compiled in (docs/PERFORMANCE.md): the instruments a request's
/// files name are fetched (from the cache: the app fetched them first) and registered before it is
/// made.
async fn instruments_for(req: &Request) -> Result<(), patuh_core::persist::DecodeError> {
    let docs = match req {
        Request::Report { doc, before, .. } | Request::Bundle { doc, before, .. } => {
            [Some(doc), before.as_ref()]
        }
        // A recap reads files of any instrument.
        Request::Recap { .. } => return lazy::all_instruments().await,
        Request::Skm { .. } => return Ok(()),
    };
    for doc in docs.into_iter().flatten() {
        // A file that does not even name a known instrument is refused by `produce` itself.
        if let Ok(e) = patuh_core::persist::entry(doc) {
            lazy::instrument(&e.instrument).await?;
        }
    }
    Ok(())
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
pub async fn mount(
    el: web_sys::Element,
    state: String,
    on_event: js_sys::Function,
) -> Result<Screen, JsValue> {
    let emit = yew::Callback::from(move |e: String| {
        let _ = on_event.call1(&JsValue::NULL, &JsValue::from_str(&e));
    });
    lazy_screen::mount(el, &state, emit).await.map(Screen)
}

fn main() {}
