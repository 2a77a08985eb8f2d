//! patuh's tools module: the file producers (report HTML/CSV/PDF, evidence ZIP, recap and SKM
//! documents) as a second wasm module, so the app's first load carries none of them (issue #7,
//! docs/PERFORMANCE.md). All logic is `patuh_core::exports`; this file only crosses the JS boundary.

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

fn main() {}
