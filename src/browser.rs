//! The only module that talks to the browser: namespaced storage, clock, ids, downloads.
//! Everything else is plain Rust. Nothing here clears storage it does not own.

use std::cell::RefCell;
use std::collections::BTreeMap;

use patuh_core::keep::{self, SaveCheck};
use patuh_core::persist::{self, DecodeError, Snapshot};
use patuh_core::{Assessment, Lang};
use wasm_bindgen::{JsCast, JsValue};

use crate::state::Summary;

pub use focus::{focus_last_field, show_target};

mod focus;
pub mod history;
pub mod lazy;
pub mod photos;
pub mod position;

/// Prefix of every key this app writes; the widget shares storage with the host site.
pub const NS: &str = "patuh.v1.";
const DOC_PREFIX: &str = "patuh.v1.assessment.";
const LAST: &str = "patuh.v1.last";
const LANG: &str = "patuh.v1.lang";
/// The key of the SKM calculator's kept figures.
pub const SKM_KEY: &str = "patuh.v1.skm";

thread_local! {
    /// The `saved_at` of the version of each assessment this tab last read or wrote: a save
    /// overwrites only that version (`keep::check_save`, docs/RELIABILITY.md §Lost work).
    static SEEN: RefCell<BTreeMap<String, String>> = const { RefCell::new(BTreeMap::new()) };
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// The browser refused a write: quota exceeded, or storage disabled (private window, policy).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StorageRefused;

fn set(key: &str, value: &str) -> Result<(), StorageRefused> {
    storage().ok_or(StorageRefused)?.set_item(key, value).map_err(|_| StorageRefused)
}

/// Whether this page may not keep anything in the browser: a frame from another site in a private
/// window or with third-party storage blocked, storage turned off, or full (docs/EMBEDDING.md
/// §Where the iframe keeps the work). Probed with one short write that is removed at once.
pub fn storage_refused() -> bool {
    const PROBE: &str = "patuh.v1.probe";
    let refused = set(PROBE, "1").is_err();
    remove(PROBE);
    refused
}

fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// The storage key of an assessment.
pub fn doc_key(id: &str) -> String {
    format!("{DOC_PREFIX}{id}")
}

/// Why an assessment was not saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveError {
    /// The browser refused the write.
    Refused(StorageRefused),
    /// Another tab or window saved this assessment since this tab read it: not overwritten
    /// (`keep::check_save`).
    Conflict,
}

impl From<StorageRefused> for SaveError {
    fn from(e: StorageRefused) -> Self {
        SaveError::Refused(e)
    }
}

/// The `saved_at` of a save's text (`None` when it cannot be read).
fn saved_at_of(text: &str) -> Option<String> {
    entry(text).ok().map(|e| e.saved_at)
}

/// Whether `saved_at` is the version of assessment `id` this tab last read or wrote.
pub fn seen(id: &str, saved_at: &str) -> bool {
    SEEN.with(|s| s.borrow().get(id).is_some_and(|v| v == saved_at))
}

/// Whether a stored text of the open assessment `doc` (as a `storage` event carries it) was
/// written by another tab with other contents: a save this tab did not read or write. One with
/// the same contents (another tab opened it, or loaded this tab's version) becomes the version
/// this tab has seen.
pub fn written_elsewhere(doc: &Assessment, text: &str) -> bool {
    let Some(at) = saved_at_of(text) else { return false };
    if seen(&doc.id, &at) {
        return false;
    }
    match persist::decode(text) {
        Ok(s) if s.assessment == *doc => {
            mark_seen(&doc.id, &at);
            false
        }
        _ => true,
    }
}

fn mark_seen(id: &str, saved_at: &str) {
    SEEN.with(|s| s.borrow_mut().insert(id.to_string(), saved_at.to_string()));
}

/// Saves an assessment and marks it as the last one worked on, unless another tab saved it since
/// this tab read it (`SaveError::Conflict`: nothing is written). `Err` also when the browser
/// refuses (quota exceeded, storage disabled): the caller tells the user; the work stays in memory.
pub fn save(a: &Assessment) -> Result<String, SaveError> {
    let key = doc_key(&a.id);
    let text = get(&key);
    let stored = text.as_deref().and_then(saved_at_of);
    let mine = SEEN.with(|s| s.borrow().get(&a.id).cloned());
    if keep::check_save(mine.as_deref(), stored.as_deref()) == SaveCheck::Conflict {
        return Err(SaveError::Conflict);
    }
    // Unchanged (an assessment just opened): nothing is written, so another tab showing the same
    // version is not told it changed.
    if let (Some(text), Some(at)) = (&text, &stored) {
        if *text == persist::encode(a, at) {
            set(LAST, &a.id)?;
            return Ok(at.clone());
        }
    }
    let now = now_iso();
    set(&key, &persist::encode(a, &now))?;
    mark_seen(&a.id, &now);
    set(LAST, &a.id)?;
    Ok(now)
}

/// Loads an assessment by id: `Ok(None)` when absent, `Err` when present but unreadable.
pub async fn load(id: &str) -> Result<Option<Assessment>, DecodeError> {
    Ok(load_snapshot(id).await?.map(|s| s.assessment))
}

/// Loads a saved assessment with its save time; this tab then owns that version (its next save
/// may overwrite it).
pub async fn load_snapshot(id: &str) -> Result<Option<Snapshot>, DecodeError> {
    match get(&doc_key(id)) {
        None => Ok(None),
        Some(text) => {
            let s = lazy::decode(&text).await?;
            mark_seen(id, &s.saved_at);
            Ok(Some(s))
        }
    }
}

/// The key and new text of a `storage` event (another tab or window wrote or removed a key);
/// `None` for another kind of event.
pub fn storage_change(e: &web_sys::Event) -> Option<(String, Option<String>)> {
    let field = |k: &str| js_sys::Reflect::get(e, &k.into()).ok().and_then(|v| v.as_string());
    Some((field("key")?, field("newValue")))
}

/// The SKM calculator's kept figures and whose result they are (`keep::skm_decode`; nothing
/// kept or unreadable: `None`).
pub fn skm_kept() -> Option<(patuh_core::skm::Counts, patuh_core::skm::Subject)> {
    keep::skm_decode(&get(SKM_KEY)?)
}

/// Keeps the SKM calculator's figures and names (a refused write is not fatal: they stay on
/// screen).
pub fn save_skm(c: &patuh_core::skm::Counts, s: &patuh_core::skm::Subject) {
    let _ = set(SKM_KEY, &keep::skm_encode(c, s));
}

/// The raw text under a key (for the "download the damaged copy" rescue).
pub fn raw(key: &str) -> Option<String> {
    get(key)
}

/// Deletes one assessment (and the "last" marker if it pointed there).
pub fn delete(id: &str) {
    remove(&doc_key(id));
    position::forget(id);
    if get(LAST).as_deref() == Some(id) {
        remove(LAST);
    }
}

/// Id of the assessment worked on last, if any.
pub fn last_id() -> Option<String> {
    get(LAST)
}

/// The start screen's entry of a save: read with the browser's own JSON parser (the first load
/// carries none, docs/PERFORMANCE.md), checked by the core's rules (`persist::entry_of`).
pub fn entry(text: &str) -> Result<persist::Entry, DecodeError> {
    if text.len() > persist::MAX_BYTES {
        return Err(DecodeError::TooLarge);
    }
    let doc = js_sys::JSON::parse(text.trim_start_matches('\u{feff}'))
        .map_err(|_| DecodeError::NotJson)?;
    let field = |o: &wasm_bindgen::JsValue, k: &str| {
        js_sys::Reflect::get(o, &k.into()).ok().filter(|v| !v.is_undefined() && !v.is_null())
    };
    let text = |o: &wasm_bindgen::JsValue, k: &str| {
        field(o, k).and_then(|v| v.as_string()).unwrap_or_default()
    };
    // `JSON.parse("1")` is not an object: Reflect fails and every field is missing (not ours).
    let a = field(&doc, "assessment").unwrap_or(wasm_bindgen::JsValue::UNDEFINED);
    persist::entry_of(persist::Head {
        format: field(&doc, "format").and_then(|v| v.as_string()),
        format_version: field(&doc, "format_version")
            .and_then(|v| v.as_f64())
            .filter(|v| v.fract() == 0.0 && *v >= 0.0 && *v < 1e15)
            .map(|v| v as u64),
        saved_at: text(&doc, "saved_at"),
        id: text(&a, "id"),
        opd: text(&a, "opd"),
        instrument: text(&a, "instrument"),
        instrument_version: text(&a, "instrument_version"),
    })
}

/// Every saved assessment (newest first) and the keys of saves that could not be read.
pub fn library() -> (Vec<Summary>, Vec<String>) {
    let mut list = Vec::new();
    let mut broken = Vec::new();
    let Some(s) = storage() else {
        return (list, broken);
    };
    let n = s.length().unwrap_or(0);
    let keys: Vec<String> = (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(DOC_PREFIX))
        .collect();
    for k in keys {
        // Listed from what can be checked without the instrument's file or the answers (format,
        // instrument id and version); the rest is checked when the save is opened.
        match get(&k).map(|t| entry(&t)) {
            Some(Ok(e)) => list.push(Summary {
                id: e.id,
                opd: e.opd,
                instrument: e.instrument,
                saved_at: e.saved_at,
            }),
            _ => broken.push(k),
        }
    }
    // Newest first. The list is short (one entry per saved assessment): an insertion sort keeps
    // std's general sort (3.5 KB of wasm) out of the first load (docs/PERFORMANCE.md).
    for i in 1..list.len() {
        let mut j = i;
        while j > 0 && list[j - 1].saved_at < list[j].saved_at {
            list.swap(j - 1, j);
            j -= 1;
        }
    }
    (list, broken)
}

/// The saved interface language, if any.
pub fn saved_lang() -> Option<Lang> {
    match get(LANG)?.as_str() {
        "en" => Some(Lang::En),
        "id" => Some(Lang::Id),
        _ => None,
    }
}

/// Remembers the interface language.
pub fn save_lang(l: Lang) {
    let _ = set(LANG, l.code());
}

/// Asks the browser to keep this origin's storage under pressure.
pub fn request_persistence() {
    if let Some(w) = web_sys::window() {
        if let Ok(p) = w.navigator().storage().persist() {
            drop(p);
        }
    }
}

/// Now, as an ISO 8601 UTC string.
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// An ISO 8601 time (a save's `saved_at`, in UTC) on the browser's clock: the same ISO digits in
/// the user's local time zone ("2026-12-03T13:43:00.000" for 06:43 UTC in Jakarta, without the
/// `Z`); `None` when the browser cannot read it.
pub fn local_iso(iso: &str) -> Option<String> {
    let d = js_sys::Date::new(&JsValue::from_str(iso));
    let t = d.get_time();
    if t.is_nan() {
        return None;
    }
    // The same instant moved by the zone's offset, written by toISOString: the local digits.
    let local = js_sys::Date::new(&JsValue::from_f64(t - d.get_timezone_offset() * 60_000.0));
    let s = String::from(local.to_iso_string());
    Some(s.trim_end_matches('Z').to_string())
}

/// Today as `yyyy-mm-dd` in local time.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// Local time "HH.MM" (Indonesian style, also used in English).
pub fn hhmm() -> String {
    let d = js_sys::Date::new_0();
    format!("{:02}.{:02}", d.get_hours(), d.get_minutes())
}

/// A fresh local id: time plus randomness, unique enough for one browser.
pub fn new_id() -> String {
    let t = js_sys::Date::now() as u64;
    let r = (js_sys::Math::random() * 1e9) as u64;
    format!("{t:x}{r:x}")
}

/// Offers `contents` as a file download named `filename`.
pub fn download(filename: &str, mime: &str, contents: &str) {
    download_blob(filename, gloo::file::Blob::new_with_options(contents, Some(mime)));
}

/// Moves keyboard focus to an element (step headings get `tabindex="-1"`).
pub fn focus(el: &web_sys::HtmlElement) {
    let _ = el.focus();
}

/// Brings the element `id` (a heading with `tabindex="-1"`) to the top of the view and gives it the
/// focus, so a jump link leads a keyboard or screen-reader user there too.
pub fn focus_id(id: &str) {
    let el = gloo::utils::document().get_element_by_id(id);
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        el.scroll_into_view();
        let _ = el.focus();
    }
}

/// Reads a user-chosen file's bytes (`None` if the browser cannot read it).
pub async fn read_file(f: &web_sys::File) -> Option<Vec<u8>> {
    let buf = wasm_bindgen_futures::JsFuture::from(f.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Reads every file of a file list: `(name, bytes)`; unreadable files get empty bytes, so the
/// caller can still list them with a reason.
pub async fn read_files(files: Vec<web_sys::File>) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for f in files {
        let bytes = read_file(&f).await.unwrap_or_default();
        out.push((f.name(), bytes));
    }
    out
}

/// The files of a (live) file list, taken before the input is cleared.
pub fn files_of(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// Offers bytes as a file download.
pub fn download_bytes(filename: &str, mime: &str, contents: &[u8]) {
    let blob = gloo::file::Blob::new_with_options(contents, Some(mime));
    download_blob(filename, blob);
}

fn download_blob(filename: &str, blob: gloo::file::Blob) {
    let url = gloo::file::ObjectUrl::from(blob);
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(a) = doc.create_element("a").map(|e| e.unchecked_into::<web_sys::HtmlAnchorElement>())
    else {
        return;
    };
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    // Revoke later: some browsers read the URL after click() returns.
    gloo::timers::callback::Timeout::new(10_000, move || drop(url)).forget();
}
