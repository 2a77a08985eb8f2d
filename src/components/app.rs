//! The root: reducer, context, autosave, language, keyboard save, and the page shell.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use patuh_core::bundle::Photo;
use patuh_core::exports::{Format, Request};
use patuh_core::{persist, Assessment, Lang};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser;
use crate::components::{home::Home, lazy_screen::LazyScreen, setup::Setup, walk::Walk};
use crate::embed;
use crate::i18n::t;
use crate::state::{Action, AppContext, AppState, Notice, SaveStatus, View};

fn initial() -> AppState {
    let (library, broken) = browser::library();
    AppState {
        lang: embed::config().lang.or_else(browser::saved_lang).unwrap_or_default(),
        library,
        notice: broken.into_iter().next().map(|key| Notice::Corrupt { key }),
        ..AppState::default()
    }
}

/// Downloads the open assessment as the JSON file the user keeps.
pub fn download_json(a: &Assessment) {
    let name = persist::file_name(&a.opd, &a.date, "json");
    browser::download(&name, "application/json", &persist::encode(a, &browser::now_iso()));
}

/// Has the tools module (loaded on first use) produce a file and offers it as a download; when it
/// cannot, a notice says why in the user's language and nothing else changes.
pub async fn offer_file(
    app: UseReducerDispatcher<AppState>,
    lang: Lang,
    req: Request,
    photos: Vec<Photo>,
    name: String,
    mime: &'static str,
) {
    if let Err(e) = browser::lazy::save(&req, photos, &name, mime).await {
        app.dispatch(Action::Notice(Some(Notice::FileError(crate::i18n::tools_error(lang, &e)))));
    }
}

/// [`offer_file`] for a file in `format`, named `<stem>-<date>.<ext>` like every download.
pub fn offer(
    app: UseReducerDispatcher<AppState>,
    lang: Lang,
    req: Request,
    stem: &str,
    date: &str,
    format: Format,
) {
    let name = persist::file_name(stem, date, format.ext());
    yew::platform::spawn_local(offer_file(app, lang, req, Vec::new(), name, format.mime()));
}

/// The application.
#[component]
pub fn App() -> Html {
    let state = use_reducer(initial);
    // The state as of the last change not yet saved (a cheap handle, not a copy of the document).
    let pending: Rc<RefCell<Option<AppContext>>> = use_mut_ref(|| None);
    let timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);

    // Autosave: debounced, ≤ 1 s after the last change; a failure is shown at once.
    {
        let dispatcher = state.dispatcher();
        let (pending, current) = (pending.clone(), state.clone());
        use_effect_with(state.rev, move |_| {
            if current.doc.is_some() {
                *pending.borrow_mut() = Some(current);
                let pending = pending.clone();
                *timer.borrow_mut() = Some(Timeout::new(300, move || {
                    let Some(st) = pending.borrow_mut().take() else { return };
                    if let Some(doc) = &st.doc {
                        let st = match browser::save(doc) {
                            Ok(_) => SaveStatus::Saved(browser::hhmm()),
                            Err(browser::StorageRefused) => SaveStatus::Failed,
                        };
                        dispatcher.dispatch(Action::Saved(st));
                    }
                }));
            }
        });
    }
    // Flush a pending save when the page goes away (reload, tab closed, phone locks).
    {
        let pending = pending.clone();
        use_effect_with((), move |_| {
            let l = EventListener::new(&gloo::utils::window(), "pagehide", move |_| {
                if let Some(doc) = pending.borrow_mut().take().and_then(|s| s.doc.clone()) {
                    let _ = browser::save(&doc);
                }
            });
            embed::after_load(browser::request_persistence);
            move || drop(l)
        });
    }
    // Language: remembered, and set on our root only (never on the host's <html>).
    use_effect_with(state.lang, |l| browser::save_lang(*l));
    // Offline and embedding (src/embed.rs): the service worker and its "new version" prompt, the
    // embedding page's messages, the accent colour, height reports and the shown result.
    let update = use_state(|| false);
    let root = use_node_ref();
    // A new screen starts at its top: if the user had scrolled past our top edge (a long start form
    // on a phone), bring the top back into view. Only our element is scrolled into view, never the
    // host page to its own top.
    {
        let root = root.clone();
        use_effect_with((state.view, state.doc.as_ref().map(|d| d.id.clone())), move |_| {
            if let Some(el) = root.cast::<web_sys::Element>() {
                if el.get_bounding_client_rect().top() < 0.0 {
                    el.scroll_into_view();
                }
            }
        });
    }
    {
        let (update, dispatcher, root) = (update.clone(), state.dispatcher(), root.clone());
        use_effect_with((), move |_| {
            if let Some(el) = root.cast::<web_sys::HtmlElement>() {
                embed::attach_root(&el);
            }
            embed::after_load(move || {
                embed::register_service_worker(Callback::from(move |_| update.set(true)))
            });
            embed::listen(Callback::from(move |l| dispatcher.dispatch(Action::SetLang(l))));
        });
    }
    use_effect_with(embed::result_event(&state), |r| embed::report_result(r.clone()));
    // Ctrl/Cmd+S downloads the JSON file instead of the browser's "save page". The listener reads
    // the latest state through a handle updated on each render (no copy of the document).
    let latest: Rc<RefCell<AppContext>> = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();
    use_effect_with((), move |_| {
        let l = EventListener::new_with_options(
            &gloo::utils::window(),
            "keydown",
            gloo::events::EventListenerOptions::enable_prevent_default(),
            move |e| {
                let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if (k.ctrl_key() || k.meta_key()) && k.key().eq_ignore_ascii_case("s") {
                    if let Some(d) = &latest.borrow().doc {
                        k.prevent_default();
                        download_json(d);
                    }
                }
            },
        );
        move || drop(l)
    });

    let tx = t(state.lang);
    let lang = state.lang;
    let toggle = {
        let s = state.clone();
        Callback::from(move |_| {
            s.dispatch(Action::SetLang(if lang == Lang::Id { Lang::En } else { Lang::Id }))
        })
    };
    let other = if lang == Lang::Id { "en" } else { "id" };
    let view = match (state.view, state.doc.is_some()) {
        (View::Walk, true) => html! { <Walk /> },
        (View::Result, true) => html! { <LazyScreen key="result" view={View::Result} /> },
        (View::Setup, true) => html! { <Setup /> },
        (View::Recap, _) => html! { <LazyScreen key="recap" view={View::Recap} /> },
        (View::Skm, _) => html! { <LazyScreen key="skm" view={View::Skm} /> },
        _ => html! { <Home /> },
    };
    let status = match &state.save {
        SaveStatus::Idle => html! {},
        SaveStatus::Saved(at) => html! { <span>{ format!("{} {at}", tx.saved_at) }</span> },
        SaveStatus::Failed => html! {},
    };
    html! {
        <ContextProvider<AppContext> context={state.clone()}>
            <div class={classes!("patuh", embed::config().embedded().then_some("patuh--embedded"))} lang={lang.code()} ref={root}>
                <a class="patuh-skip" href="#patuh-main">{ tx.skip_to_main }</a>
                <header class="patuh-header">
                    <div class="patuh-header__brand">
                        <span class="patuh-header__logo" aria-hidden="true">{ "✓" }</span>
                        <div>
                            <p class="patuh-header__title">{ tx.app_title }</p>
                            <p class="patuh-header__subtitle">{ tx.app_subtitle }</p>
                        </div>
                    </div>
                    <div class="patuh-header__tools">
                        <p class="patuh-status" role="status" aria-live="polite">{ status }</p>
                        <button type="button" class="patuh-btn patuh-btn--ghost" lang={other}
                            aria-label={tx.switch_lang_label} onclick={toggle}>{ tx.switch_lang }</button>
                    </div>
                </header>
                <div class="patuh-update" role="status" aria-live="polite">
                    if *update {
                        <p>{ tx.update_available }</p>
                        <button type="button" class="patuh-btn patuh-btn--primary" id="patuh-reload"
                            onclick={Callback::from(|_| embed::apply_update())}>{ tx.update_reload }</button>
                    }
                </div>
                <Notices />
                <main id="patuh-main" class="patuh-main" tabindex="-1">{ view }</main>
                <footer class="patuh-footer">
                    <p>{ tx.privacy }</p>
                </footer>
            </div>
        </ContextProvider<AppContext>>
    }
}

/// Notices: a damaged save (with the rescue download), a failed save, a file that did not open.
#[component]
pub fn Notices() -> Html {
    let app = crate::state::use_app();
    let tx = t(app.lang);
    let dismiss = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Notice(None)))
    };
    let mut out = Vec::new();
    if app.save == SaveStatus::Failed {
        let doc = app.doc.clone();
        let rescue = Callback::from(move |_| {
            if let Some(d) = &doc {
                download_json(d)
            }
        });
        out.push(html! {
            <div class="patuh-notice patuh-notice--error" role="alert">
                <p>{ tx.save_failed }</p>
                <button type="button" class="patuh-btn" onclick={rescue}>{ tx.download_json }</button>
            </div>
        });
    }
    match &app.notice {
        Some(Notice::Corrupt { key }) => {
            let key = key.clone();
            let rescue = Callback::from(move |_| {
                if let Some(raw) = browser::raw(&key) {
                    browser::download("patuh-simpanan-rusak.json", "application/json", &raw);
                }
            });
            out.push(html! {
                <div class="patuh-notice patuh-notice--error" role="alert">
                    <p>{ tx.corrupt_save }</p>
                    <div class="patuh-row">
                        <button type="button" class="patuh-btn" onclick={rescue}>{ tx.download_damaged }</button>
                        <button type="button" class="patuh-btn patuh-btn--ghost" onclick={dismiss.clone()}>{ tx.dismiss }</button>
                    </div>
                </div>
            });
        }
        Some(Notice::FileError(msg)) | Some(Notice::Info(msg)) => {
            let err = matches!(app.notice, Some(Notice::FileError(_)));
            out.push(html! {
                <div class={classes!("patuh-notice", err.then_some("patuh-notice--error"))} role={if err { "alert" } else { "status" }}>
                    <p>{ msg.clone() }</p>
                    <button type="button" class="patuh-btn patuh-btn--ghost" onclick={dismiss}>{ tx.dismiss }</button>
                </div>
            });
        }
        None => {}
    }
    html! { <>{ for out }</> }
}
