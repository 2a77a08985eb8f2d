//! The first load (issue #7): the page frame and the start screen, without the reducer, the
//! assessment code or any other screen. Whatever the user asks for there (start, open, a file, the
//! recap or SKM) loads the app module (`src/main_app.rs`), removes this small app and starts the
//! whole app in its place with a [`Handoff`]: the language and the intent, carried out at once.
//! If the app module cannot be loaded (offline before it was cached), a notice says so and the
//! start screen stays as it was, with everything typed.

use std::cell::RefCell;
use std::rc::Rc;

use patuh_core::Lang;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::browser;
use crate::components::frame::{Frame, NoticeView};
use crate::components::home::{Handoff, HomeView, Intent};
use crate::embed;
use crate::state::{Notice, View};

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
}

/// Loads the app module, then replaces the start screen with the app, which carries out `h`.
/// `Err` when the module cannot be loaded: the start screen is still there.
async fn hand_over(h: Handoff) -> Result<(), JsValue> {
    let module = browser::lazy::app_module().await?;
    let Some((handle, root)) = MOUNTED.with(|m| m.borrow_mut().take()) else {
        return Err(JsValue::NULL);
    };
    // Removed and started in the same task: the browser never paints an empty page between.
    handle.destroy();
    browser::lazy::app_start(&module, &root, &h.to_js());
    Ok(())
}

/// The first load's app: [`Frame`] and [`HomeView`] over a few states of its own.
#[component]
pub fn Start() -> Html {
    let lang = use_state(|| embed::config().lang.or_else(browser::saved_lang).unwrap_or_default());
    let saved = use_mut_ref(browser::library);
    let library = use_state(|| Rc::new(saved.borrow().0.clone()));
    let notice =
        use_state(|| saved.borrow().1.first().map(|key| Notice::Corrupt { key: key.clone() }));
    let busy = use_state(|| false);
    // Language: remembered, and set on our root only (never on the host's <html>).
    use_effect_with(*lang, |l| browser::save_lang(*l));

    let on = {
        let (lang, notice, busy) = (*lang, notice.clone(), busy.clone());
        Callback::from(move |intent: Intent| {
            if *busy {
                return;
            }
            busy.set(true);
            let (notice, busy) = (notice.clone(), busy.clone());
            yew::platform::spawn_local(async move {
                if hand_over(Handoff { lang, intent }).await.is_err() {
                    busy.set(false);
                    notice.set(Some(Notice::FileError(crate::i18n::app_unavailable(lang))));
                }
            });
        })
    };
    let on_delete = {
        let library = library.clone();
        Callback::from(move |id: String| {
            browser::delete(&id);
            library.set(Rc::new(browser::library().0));
        })
    };
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |l: Lang| lang.set(l))
    };
    let on_dismiss = {
        let notice = notice.clone();
        Callback::from(move |_| notice.set(None))
    };
    let notices = html! { <NoticeView lang={*lang} notice={(*notice).clone()} {on_dismiss} /> };
    html! {
        <Frame lang={*lang} {on_lang} screen={(View::Home, None)} {notices}>
            <HomeView lang={*lang} library={(*library).clone()} busy={*busy} {on} {on_delete} />
        </Frame>
    }
}
