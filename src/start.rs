//! The first load (docs/PERFORMANCE.md "The first load without Yew"): the page frame and the start
//! screen in plain DOM, without Yew, the reducer, the assessment code or any other screen.
//! Whatever the user asks for there (start, open, a file, the recap or SKM) loads the app module
//! (`src/main_app.rs`), removes this page and starts the whole app in its place with a
//! [`Handoff`]: the language and the intent, carried out at once. If the app module cannot be
//! loaded (offline before it was cached), a notice says so and the start screen stays as it was,
//! with everything typed (docs/RELIABILITY.md (e)).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use patuh_core::Lang;
use wasm_bindgen::JsValue;

use crate::browser;
use crate::components::handoff::{Handoff, Intent};
use crate::dom::el;
use crate::embed;
use crate::state::Notice;

pub mod fields;
pub mod frame;
mod parts;
pub mod view;

use frame::Frame;
use view::{Shown, StartView};

/// The first load's page, until the hand-over.
struct Page {
    /// `#patuh-root` (or `<body>`), where the app starts.
    root: web_sys::Element,
    frame: Frame,
    view: StartView,
    lang: Lang,
    notice: Option<Notice>,
    /// The app module is being loaded (a second click must not start twice).
    busy: bool,
    /// The "new version" prompt, the embedding page's messages, the prefetch on first use.
    _listeners: Vec<EventListener>,
}

thread_local! {
    static PAGE: RefCell<Option<Page>> = const { RefCell::new(None) };
}

/// Runs `f` on the page (`None` once it has handed over, or inside another call).
fn with_page<R>(f: impl FnOnce(&mut Page) -> R) -> Option<R> {
    PAGE.with(|p| p.try_borrow_mut().ok()?.as_mut().map(f))
}

/// The language shown.
fn lang() -> Lang {
    with_page(|p| p.lang).unwrap_or_default()
}

/// Shows the frame and the start screen in `#patuh-root` (or `<body>` when the host page has no
/// such element), in place of the "Memuat patuh…" shell of index.html.
pub fn mount() {
    let doc = gloo::utils::document();
    let Some(root) = doc.get_element_by_id("patuh-root").or_else(|| doc.body().map(Into::into))
    else {
        return;
    };
    let (library, broken) = browser::library();
    let lang = embed::config().lang.or_else(browser::saved_lang).unwrap_or_default();
    browser::save_lang(lang);
    root.set_text_content(None);
    let Some(mut frame) = Frame::new(&root, lang, set_lang) else {
        return;
    };
    // Once the user starts using the start screen (a pointer over it, a field focused), the app
    // module starts loading: by the time "Mulai" is pressed it is usually there.
    let Some(wrap) = el("div").0 else { return };
    let _ = frame.main.append_child(&wrap);
    let prefetch = |kind| EventListener::new(&wrap, kind, |_| browser::lazy::app_prefetch());
    let mut listeners = vec![prefetch("pointerover"), prefetch("focusin")];
    let shown = Shown { lang, library: Rc::new(library), busy: false, prefill: None };
    let Some(view) = StartView::new(&wrap, shown, ask, delete) else {
        return;
    };
    // A damaged save first; else, before anything is typed, a browser that keeps nothing here.
    let notice = broken
        .into_iter()
        .next()
        .map(|key| Notice::Corrupt { key })
        .or_else(|| browser::storage_refused().then_some(Notice::StorageRefused));
    frame.show_notice(lang, notice.as_ref(), dismiss);
    // Once per page (the first load registers; the app's frame finds it done).
    embed::after_load(embed::register_service_worker);
    listeners.extend(embed::listen(set_lang));
    PAGE.with(|p| {
        *p.borrow_mut() =
            Some(Page { root, frame, view, lang, notice, busy: false, _listeners: listeners })
    });
    // After the page is kept: a release already waiting shows its prompt at once.
    let prompt = embed::on_update(|| {
        with_page(|p| p.frame.show_update(p.lang));
    });
    with_page(|p| p._listeners.push(prompt));
    // Someone who worked here before most likely goes on: the app module loads once the page has
    // (from the service worker's cache after the first visit).
    if browser::last_id().is_some() {
        embed::after_load(browser::lazy::app_prefetch);
    }
}

/// The user or the embedding page chose a language: remembered, and the page in it.
fn set_lang(l: Lang) {
    browser::save_lang(l);
    with_page(|p| {
        p.lang = l;
        p.frame.set_lang(l);
        p.frame.show_notice(l, p.notice.as_ref(), dismiss);
        p.view.set_lang(l);
    });
}

fn dismiss() {
    with_page(|p| {
        p.notice = None;
        p.frame.show_notice(p.lang, None, dismiss);
    });
}

/// A confirmed deletion: the saved list again.
fn delete(id: String) {
    browser::delete(&id);
    let library = Rc::new(browser::library().0);
    with_page(|p| p.view.set_library(library));
}

/// What the user asked for: hands over to the app module; if it cannot be loaded, a notice says
/// so and the start screen stays, ready for another try.
fn ask(intent: Intent) {
    let lang = with_page(|p| (!std::mem::replace(&mut p.busy, true)).then_some(p.lang)).flatten();
    let Some(lang) = lang else { return };
    wasm_bindgen_futures::spawn_local(async move {
        if hand_over(Handoff { lang, intent }).await.is_err() {
            with_page(|p| {
                p.busy = false;
                p.view.set_busy(false);
                p.notice = Some(Notice::FileError(crate::i18n::app_unavailable(p.lang)));
                p.frame.show_notice(p.lang, p.notice.as_ref(), dismiss);
            });
        }
    });
}

/// Loads the app module, then replaces the start screen with the app, which carries out `h`.
/// `Err` when the module cannot be loaded: the start screen is still there.
async fn hand_over(mut h: Handoff) -> Result<(), JsValue> {
    let module = browser::lazy::app_module().await?;
    // The language may have been switched while the module loaded: the start screen saves every
    // switch at once, so the saved one is the current one (unless storage is refused).
    h.lang = browser::saved_lang().unwrap_or(h.lang);
    let Some(page) = PAGE.with(|p| p.try_borrow_mut().ok()?.take()) else {
        return Err(JsValue::NULL);
    };
    // Removed and started in the same task: the browser never paints an empty page between.
    crate::dom::remove(&Some(page.frame.app.clone()));
    let root = page.root.clone();
    drop(page);
    browser::lazy::app_start(&module, &root, &h.to_js());
    Ok(())
}
