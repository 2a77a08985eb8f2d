//! What the app loads on first use, so its first load stays small (docs/PERFORMANCE.md): the app
//! module (`src/main_app.rs`: every screen past the start screen), the tools module (src/tools:
//! report HTML/CSV/PDF, evidence ZIP, recap and SKM documents; the request is
//! `patuh_core::exports::Request` as JSON) and the instrument data files. The JS half is
//! `src/lazy.js` (the module loader, part of the first load) and `src/tools.js`.

use patuh_core::bundle::Photo;
use patuh_core::exports::Request;
use patuh_core::instrument::{self, Instrument};
use patuh_core::open::{self, OpenError, Opened};
use patuh_core::persist::{self, DecodeError, Snapshot};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/tools.js")]
extern "C" {
    #[wasm_bindgen(js_name = screenMount, catch)]
    async fn screen_mount(
        el: &web_sys::Element,
        state: &str,
        on_event: &js_sys::Function,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = screenSetLang)]
    fn screen_set_lang(handle: &JsValue, lang: &str);
    #[wasm_bindgen(js_name = screenUnmount)]
    fn screen_unmount(handle: &JsValue);
    #[wasm_bindgen(js_name = instrumentText, catch)]
    async fn instrument_text(file: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = toolsRun, catch)]
    async fn tools_run(request: &str, photos: js_sys::Array) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = toolsPrefetch)]
    fn tools_prefetch();
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

/// Starts loading the tools module in the background (a screen with downloads is open).
pub fn prefetch() {
    tools_prefetch();
}

/// A failed call into the tools module: its own refusals are strings; anything else is a failed
/// import or start of the module.
fn failure(e: JsValue) -> ToolsError {
    e.as_string().map(ToolsError::Refused).unwrap_or(ToolsError::Unavailable)
}

/// How the tools module reports a decode failure to the app ([`failure`] reads it back): an
/// instrument file that did not load is "a part of patuh did not load" (try again with a
/// connection); anything else is a refusal, with its reason.
pub fn refusal(e: DecodeError) -> JsValue {
    match e {
        DecodeError::InstrumentNotLoaded(id) => {
            js_sys::Error::new(&format!("patuh: instrument {id} did not load")).into()
        }
        e => JsValue::from(format!("{e:?}")),
    }
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
        Err(e) => Err(failure(e)),
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
pub async fn open_file(
    name: &str,
    bytes: &[u8],
) -> Result<(patuh_core::Assessment, bool), OpenError> {
    let o = open(name, bytes).await?;
    let mut lost = false;
    for (id, data) in o.photos {
        lost |= super::photos::put_bytes(&id, &data).await.is_err();
    }
    Ok((o.snapshot.assessment, lost))
}

/// A screen of the tools module mounted into an element of the app (the recap, the SKM calculator).
pub struct Screen {
    handle: JsValue,
    // Kept alive while the screen is mounted: the screen calls it with its events.
    _on_event: Closure<dyn Fn(String)>,
}

impl Screen {
    /// Loads the tools module if needed and mounts into `el` the screen `state` (the JSON the
    /// screen starts from) names; `on_event` gets each event (JSON) the screen sends.
    pub async fn mount(
        el: &web_sys::Element,
        state: &str,
        on_event: impl Fn(String) + 'static,
    ) -> Result<Screen, ToolsError> {
        let on_event = Closure::<dyn Fn(String)>::new(on_event);
        let handle =
            screen_mount(el, state, on_event.as_ref().unchecked_ref()).await.map_err(failure)?;
        Ok(Screen { handle, _on_event: on_event })
    }

    /// Tells the screen the interface language changed.
    pub fn set_lang(&self, lang: patuh_core::Lang) {
        screen_set_lang(&self.handle, lang.code());
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        screen_unmount(&self.handle);
    }
}
