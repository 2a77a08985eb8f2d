//! The tools module (src/tools: report HTML/CSV/PDF, evidence ZIP, recap and SKM documents), a
//! second wasm module loaded on the first download so the first load stays small (issue #7). The JS
//! half is `src/tools.js`; the request is `patuh_core::exports::Request` as JSON.

use patuh_core::bundle::Photo;
use patuh_core::exports::Request;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/tools.js")]
extern "C" {
    #[wasm_bindgen(js_name = toolsRun, catch)]
    async fn tools_run(request: &str, photos: js_sys::Array) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = toolsPrefetch)]
    fn tools_prefetch();
}

/// Starts loading the tools module in the background (a screen with downloads is open).
pub fn prefetch() {
    tools_prefetch();
}

/// Why no file came back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ToolsError {
    /// The module could not be loaded (offline before the service worker had cached it).
    Unavailable,
    /// The module refused the request (its message).
    Refused(String),
}

/// The bytes of the file `req` asks for; `photos` go into an evidence bundle.
pub async fn produce(req: &Request, photos: Vec<Photo>) -> Result<Vec<u8>, ToolsError> {
    let json = serde_json::to_string(req).map_err(|e| ToolsError::Refused(e.to_string()))?;
    let list = js_sys::Array::new();
    for (id, bytes) in photos {
        let pair = js_sys::Array::new();
        pair.push(&JsValue::from_str(&id));
        pair.push(&js_sys::Uint8Array::from(bytes.as_slice()));
        list.push(&pair);
    }
    match tools_run(&json, list).await {
        Ok(v) => Ok(js_sys::Uint8Array::new(&v).to_vec()),
        // The module's own refusals are strings; anything else is a failed import or init.
        Err(e) => Err(e.as_string().map(ToolsError::Refused).unwrap_or(ToolsError::Unavailable)),
    }
}

/// Produces the file and offers it as a download named `name`.
pub async fn save(
    req: &Request,
    photos: Vec<Photo>,
    name: &str,
    mime: &str,
) -> Result<(), ToolsError> {
    let bytes = produce(req, photos).await?;
    super::download_bytes(name, mime, &bytes);
    Ok(())
}
