//! What the app loads on first use, so its first load stays small (docs/PERFORMANCE.md): the app
//! module (`src/main_app.rs`: every screen past the start screen, and every download) and the
//! instrument data files. The JS half is `src/lazy.js` (the module loader, part of the first load)
//! and `src/instruments.js`.

use patuh_core::instrument::{self, Instrument};
use patuh_core::open::{self, OpenError, Opened};
use patuh_core::persist::{self, DecodeError, Snapshot};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/instruments.js")]
extern "C" {
    #[wasm_bindgen(js_name = instrumentText, catch)]
    async fn instrument_text(file: &str) -> Result<JsValue, JsValue>;
}

// The first load's part (src/lazy.js): the app module.
#[wasm_bindgen(module = "/src/lazy.js")]
extern "C" {
    /// The app module (`src/main_app.rs`), imported and started once; `Err` when it cannot be
    /// loaded (offline before the service worker cached it).
    #[wasm_bindgen(js_name = appModule, catch)]
    pub async fn app_module() -> Result<JsValue, JsValue>;
    /// Starts the loaded app module in `root` with a hand-over
    /// (`components::handoff::Handoff::to_js`).
    #[wasm_bindgen(js_name = appStart)]
    pub fn app_start(module: &JsValue, root: &web_sys::Element, handoff: &JsValue);
    /// Starts loading the app module in the background: the user started using the start
    /// screen, and will most likely go past it.
    #[wasm_bindgen(js_name = appPrefetch)]
    pub fn app_prefetch();
}

/// The instrument `id` of the catalogue, fetched and parsed on first use, then kept.
pub async fn instrument(id: &str) -> Result<&'static Instrument, DecodeError> {
    if let Some(i) = instrument::by_id(id) {
        return Ok(i);
    }
    let listing =
        instrument::listing(id).ok_or_else(|| DecodeError::UnknownInstrument(id.into()))?;
    let not_loaded = || DecodeError::InstrumentNotLoaded(id.into());
    let text = instrument_text(&listing.file).await.map_err(|_| not_loaded())?;
    instrument::register(id, &text.as_string().unwrap_or_default()).map_err(|_| not_loaded())
}

/// Every instrument of the catalogue (the recap reads files of any of them); the first failure.
pub async fn all_instruments() -> Result<(), DecodeError> {
    for l in instrument::catalogue() {
        instrument(&l.id).await?;
    }
    Ok(())
}

/// Decodes a save file after loading its instrument (`persist::decode` needs it).
pub async fn decode(text: &str) -> Result<Snapshot, DecodeError> {
    let peeked = persist::peek(text)?;
    instrument(&peeked.assessment.instrument).await?;
    persist::decode(text)
}

/// Opens a file the user chose (JSON, HTML report, evidence bundle) with the core's
/// `open::open`, first loading the instrument it names when that is not loaded yet.
pub async fn open(name: &str, bytes: &[u8]) -> Result<Opened, OpenError> {
    match open::open(name, bytes) {
        Err(OpenError::File(DecodeError::InstrumentNotLoaded(id))) => {
            instrument(&id).await?;
            open::open(name, bytes)
        }
        r => r,
    }
}

/// Opens a file the user chose to work on ([`open`]) and puts a bundle's photos back into the
/// browser's photo store. The flag is true when they could not be stored (blocked or full
/// IndexedDB): the assessment still opens, without them.
pub async fn open_file(name: &str, bytes: &[u8]) -> Result<(Snapshot, bool), OpenError> {
    let o = open(name, bytes).await?;
    let mut lost = false;
    for (id, data) in o.photos {
        lost |= super::photos::put_bytes(&id, &data).await.is_err();
    }
    Ok((o.snapshot, lost))
}
