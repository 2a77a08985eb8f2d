//! The first load (docs/PERFORMANCE.md): the page frame and the start screen, without the reducer,
//! the assessment code or any other screen. Whatever the user asks for there (start, open, a file,
//! the recap or SKM) loads the app module (`src/main_app.rs`), removes this small app and starts
//! the whole app in its place with a [`Handoff`]: the language and the intent, carried out at once.
//! If the app module cannot be loaded (offline before it was cached), a notice says so and the
//! start screen stays as it was, with everything typed.

use std::cell::RefCell;
use std::rc::Rc;

use patuh_core::Lang;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::browser;
use crate::components::frame::{Frame, NoticeView};
use crate::components::handoff::{Handoff, Intent};
use crate::components::home::HomeView;
use crate::embed;
use crate::state::{Notice, Summary};

thread_local! {
    /// The running start screen and the element it is mounted in, until the hand-over.
    static MOUNTED: RefCell<Option<(AppHandle<Start>, web_sys::Element)>> = const { RefCell::new(None) };
}

/// Mounts the start screen into `#patuh-root` (or `<body>` when the host page has no such element).
pub fn mount() {
    let root = gloo::utils::document()
        .get_element_by_id("patuh-root")
        .unwrap_or_else(|| gloo::utils::body().into());
    let handle = yew::Renderer::<Start>::with_root(root.clone()).render();
    MOUNTED.with(|m| *m.borrow_mut() = Some((handle, root)));
    // Someone who worked here before most likely goes on: the app module loads once the page has
    // (from the service worker's cache after the first visit).
    if browser::last_id().is_some() {
        embed::after_load(browser::lazy::app_prefetch);
    }
}

/// Loads the app module, then replaces the start screen with the app, which carries out `h`.
/// `Err` when the module cannot be loaded: the start screen is still there.
async fn hand_over(mut h: Handoff) -> Result<(), JsValue> {
    let module = browser::lazy::app_module().await?;
    // The language may have been switched while the module loaded: the start screen saves every
    // switch at once, so the saved one is the current one (unless storage is refused).
    h.lang = browser::saved_lang().unwrap_or(h.lang);
    let Some((handle, root)) = MOUNTED.with(|m| m.borrow_mut().take()) else {
        return Err(JsValue::NULL);
    };
    // Removed and started in the same task: the browser never paints an empty page between.
    handle.destroy();
    browser::lazy::app_start(&module, &root, &h.to_js());
    Ok(())
}

/// What the first load's app shows.
#[derive(Clone, PartialEq)]
struct Shown {
    lang: Lang,
    library: Rc<Vec<Summary>>,
    notice: Option<Notice>,
    /// The app module is being loaded (a second click must not start twice).
    busy: bool,
}

/// Changes of [`Shown`].
enum Change {
    Lang(Lang),
    Library(Vec<Summary>),
    /// The notice was dismissed.
    Dismiss,
    /// The app module is being loaded.
    Busy,
    /// The app module could not be loaded.
    Failed,
}

impl Reducible for Shown {
    type Action = Change;
    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut next = (*self).clone();
        match change {
            Change::Lang(l) => next.lang = l,
            Change::Library(l) => next.library = Rc::new(l),
            Change::Dismiss => next.notice = None,
            Change::Busy => next.busy = true,
            Change::Failed => {
                next.busy = false;
                next.notice = Some(Notice::FileError(crate::i18n::app_unavailable(next.lang)));
            }
        }
        Rc::new(next)
    }
}

/// The first load's app: [`Frame`] and [`HomeView`] over a small state of its own.
#[component]
pub fn Start() -> Html {
    let shown = use_reducer(|| {
        let (library, broken) = browser::library();
        Shown {
            lang: embed::config().lang.or_else(browser::saved_lang).unwrap_or_default(),
            library: Rc::new(library),
            notice: broken.into_iter().next().map(|key| Notice::Corrupt { key }),
            busy: false,
        }
    });
    let lang = shown.lang;
    // Language: remembered, and set on our root only (never on the host's <html>).
    use_effect_with(lang, |l| browser::save_lang(*l));

    let on = {
        let (shown, busy) = (shown.dispatcher(), shown.busy);
        Callback::from(move |intent: Intent| {
            if busy {
                return;
            }
            shown.dispatch(Change::Busy);
            let shown = shown.clone();
            yew::platform::spawn_local(async move {
                if hand_over(Handoff { lang, intent }).await.is_err() {
                    shown.dispatch(Change::Failed);
                }
            });
        })
    };
    let on_delete = {
        let shown = shown.dispatcher();
        Callback::from(move |id: String| {
            browser::delete(&id);
            shown.dispatch(Change::Library(browser::library().0));
        })
    };
    let on_lang = {
        let shown = shown.dispatcher();
        Callback::from(move |l: Lang| shown.dispatch(Change::Lang(l)))
    };
    let on_dismiss = {
        let shown = shown.dispatcher();
        Callback::from(move |_| shown.dispatch(Change::Dismiss))
    };
    let notices = html! { <NoticeView {lang} notice={shown.notice.clone()} {on_dismiss} /> };
    // Once the user starts using the start screen (a pointer over it, a field focused), the app
    // module starts loading: by the time "Mulai" is pressed it is usually there.
    let prefetch = Callback::from(|_: Event| browser::lazy::app_prefetch());
    html! {
        <Frame {lang} {on_lang} {notices}>
            <div onpointerover={prefetch.reform(Event::from)} onfocusin={prefetch.reform(Event::from)}>
                <HomeView {lang} library={shown.library.clone()} busy={shown.busy} {on} {on_delete} />
            </div>
        </Frame>
    }
}
