//! The root: reducer, context, autosave, language, keyboard save, and the page shell.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use patuh_core::exports::Format;
use patuh_core::{persist, Assessment};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser;
use crate::components::frame::{Frame, NoticeView};
use crate::components::handoff::Handoff;
use crate::components::home::Home;
use crate::components::{recap::Recap, result::ResultView, setup::Setup, skm::Skm, walk::Walk};
use crate::embed;
use crate::i18n::t;
use crate::state::{Action, AppContext, AppState, Notice, Position, SaveStatus, View};

fn initial() -> AppState {
    let (library, broken) = browser::library();
    let kept = browser::skm_kept().unwrap_or_default();
    AppState {
        lang: embed::config().lang.or_else(browser::saved_lang).unwrap_or_default(),
        library: std::rc::Rc::new(library),
        notice: broken.into_iter().next().map(|key| Notice::Corrupt { key }),
        skm: kept.0,
        skm_subject: kept.1,
        ..AppState::default()
    }
}

/// Downloads the open assessment as the JSON file the user keeps.
pub fn download_json(a: &Assessment) {
    let name = persist::file_name(&a.opd, &a.date, "json");
    browser::download(&name, "application/json", &persist::encode(a, &browser::now_iso()));
}

/// Offers a file made by `patuh_core::exports` as a download in `format`, named
/// like every download (docs/FORMAT.md §File names).
pub fn offer(bytes: &[u8], stem: &str, date: &str, format: Format) {
    browser::download_bytes(&persist::file_name(stem, date, format.ext()), format.mime(), bytes);
}

/// Remembers where the user is in the walk of the open assessment, with the indicator in view
/// (`browser::position`), so that reopening it returns there. In the walk and on the opinion data
/// screen (its last stop under the 2025 instrument); another screen keeps the last position.
fn remember_position(s: &AppState) {
    let (Some(doc), Some(ins), Some(place)) = (&s.doc, s.instrument(), s.current_place()) else {
        return;
    };
    let opinion = s.view == View::Opinion;
    if !(s.view == View::Walk || opinion) || ins.sections.is_empty() {
        return;
    }
    let step = s.step.min(ins.sections.len() - 1);
    let ids = ins.sections[step].indicators.iter().map(|i| i.id.as_str());
    let indicator = if opinion { None } else { browser::position::indicator_in_view(ids) };
    let at = Position { unit: place.unit, product: place.product, step, indicator, opinion };
    browser::position::save(&doc.id, &at);
}

/// Props of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// What the start screen of the first load handed over (`crate::start`): the language in
    /// use and what the user asked for, carried out at once.
    #[prop_or_default]
    pub handoff: Option<Handoff>,
}

/// Autosave: debounced, ≤ 1 s after the last change; a failure is shown at once. A pending save is
/// flushed when the page goes away (reload, tab closed, phone locks), and where the user is is
/// remembered.
#[hook]
fn use_autosave(state: AppContext, latest: Rc<RefCell<AppContext>>) {
    // The state as of the last change not yet saved (a cheap handle, not a copy of the document).
    let pending: Rc<RefCell<Option<AppContext>>> = use_mut_ref(|| None);
    let timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    {
        let dispatcher = state.dispatcher();
        let (pending, current, latest) = (pending.clone(), state.clone(), latest.clone());
        use_effect_with(state.rev, move |_| {
            if current.doc.is_some() {
                *pending.borrow_mut() = Some(current);
                let pending = pending.clone();
                *timer.borrow_mut() = Some(Timeout::new(300, move || {
                    let Some(st) = pending.borrow_mut().take() else { return };
                    remember_position(&latest.borrow());
                    if let Some(doc) = &st.doc {
                        let st = match browser::save(doc) {
                            Ok(_) => SaveStatus::Saved(browser::hhmm()),
                            Err(browser::SaveError::Refused(_)) => SaveStatus::Failed,
                            Err(browser::SaveError::Conflict) => SaveStatus::Conflict,
                        };
                        dispatcher.dispatch(Action::Saved(st));
                    }
                }));
            }
        });
    }
    use_effect_with((), move |_| {
        let l = EventListener::new(&gloo::utils::window(), "pagehide", move |_| {
            remember_position(&latest.borrow());
            if let Some(doc) = pending.borrow_mut().take().and_then(|s| s.doc.clone()) {
                let _ = browser::save(&doc);
            }
        });
        embed::after_load(browser::request_persistence);
        // In an iframe: the host's view of it, for the walk's live score (src/embed.rs).
        let viewport = embed::follow_viewport();
        move || drop((l, viewport))
    });
}

/// A new screen starts at its top: if the user had scrolled past our top edge (a long start form
/// on a phone), bring the top back into view. Only our element is scrolled into view, never the
/// host page to its own top. (Not when the walk brings a reopened assessment's indicator into
/// view.)
#[hook]
fn use_top_on_new_screen(state: &AppContext) {
    let scrolling = state.scroll_to.is_some();
    use_effect_with((state.view, state.doc.as_ref().map(|d| d.id.clone())), move |_| {
        if scrolling {
            return;
        }
        if let Some(el) = gloo::utils::document().get_element_by_id("patuh-app") {
            if el.get_bounding_client_rect().top() < 0.0 {
                el.scroll_into_view();
            }
        }
    });
}

/// The browser's Back and Forward buttons move between screens (docs/RELIABILITY.md §Back button):
/// each new screen adds a history entry; going back past the first one shows the start screen.
#[hook]
fn use_back_button(state: &AppContext) {
    // The screen the current history entry stands for.
    let entry = use_mut_ref(|| View::Home);
    {
        let entry = entry.clone();
        use_effect_with(state.view, move |v| {
            if *entry.borrow() != *v {
                browser::history::push(v.code());
                *entry.borrow_mut() = *v;
            }
        });
    }
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        let l = browser::history::on_move(move |code| {
            let v = code.as_deref().and_then(View::from_code).unwrap_or(View::Home);
            *entry.borrow_mut() = v;
            dispatcher.dispatch(Action::Show(v));
        });
        move || drop(l)
    });
}

/// Ctrl/Cmd+S downloads the JSON file instead of the browser's "save page". The listener reads the
/// latest state through a handle updated on each render (no copy of the document).
#[hook]
fn use_save_shortcut(latest: Rc<RefCell<AppContext>>) {
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
}

/// The application.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(|| {
        let mut s = initial();
        if let Some(h) = &props.handoff {
            s.lang = h.lang;
        }
        s
    });
    // The hand-over's intent goes to the first start screen only.
    let first = use_mut_ref(|| props.handoff.as_ref().map(|h| h.intent.clone()));
    // The state as of the last render (a cheap handle, not a copy of the document): read by the
    // timer and the window's listeners below.
    let latest: Rc<RefCell<AppContext>> = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();
    use_autosave(state.clone(), latest.clone());
    use_top_on_new_screen(&state);
    use_back_button(&state);
    // Language: remembered, and set on our root only (never on the host's <html>).
    use_effect_with(state.lang, |l| browser::save_lang(*l));
    // The embedding page is told about a shown result (src/embed.rs).
    use_effect_with(embed::result_event(&state), |r| embed::report_result(r.clone()));
    // Where the user is in the walk, remembered on each move (the autosave and leaving the page
    // remember it too, with the indicator then in view).
    {
        let current = state.clone();
        let at = (state.view, state.place, state.step, state.doc.as_ref().map(|d| d.id.clone()));
        use_effect_with(at, move |_| remember_position(&current));
    }
    use_save_shortcut(latest.clone());
    super::keep::use_other_tabs(latest);
    // The SKM calculator's figures and names are kept in storage as they change.
    use_effect_with((state.skm, state.skm_subject.clone()), |now| {
        if browser::skm_kept().unwrap_or_default() != *now {
            browser::save_skm(&now.0, &now.1);
        }
    });

    let tx = t(state.lang);
    let view = match (state.view, state.doc.is_some()) {
        (View::Walk, true) => html! { <Walk /> },
        (View::Result, true) => html! { <ResultView /> },
        (View::Setup, true) => html! { <Setup /> },
        (View::Opinion, true) => html! { <super::opinion::OpinionScreen /> },
        (View::Recap, _) => html! { <Recap /> },
        (View::Skm, _) => html! { <Skm /> },
        _ => html! { <Home first={first.borrow_mut().take()} /> },
    };
    let status = match &state.save {
        SaveStatus::Idle => html! {},
        SaveStatus::Saved(at) => html! { <span>{ format!("{} {at}", tx.saved_at) }</span> },
        SaveStatus::Failed => html! {},
        SaveStatus::Conflict => html! { <span>{ tx.not_saved }</span> },
    };
    let on_lang = {
        let s = state.dispatcher();
        Callback::from(move |l| s.dispatch(Action::SetLang(l)))
    };
    html! {
        <ContextProvider<AppContext> context={state.clone()}>
            <Frame lang={state.lang} {on_lang} {status} notices={html! { <Notices /> }}>
                { view }
            </Frame>
        </ContextProvider<AppContext>>
    }
}

/// Notices of the app: a damaged save (with the rescue download), a failed save, a file that did not
/// open.
#[component]
pub fn Notices() -> Html {
    let app = crate::state::use_app();
    let on_dismiss = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Notice(None)))
    };
    let rescue = (app.save == SaveStatus::Failed).then(|| {
        let doc = app.doc.clone();
        Callback::from(move |_| {
            if let Some(d) = &doc {
                download_json(d)
            }
        })
    });
    let conflict =
        (app.save == SaveStatus::Conflict).then(|| html! { <super::keep::ConflictNotice /> });
    let choice = app
        .choice
        .as_ref()
        .map(|c| html! { <super::keep::OpenChoiceView choice={(**c).clone()} /> });
    html! {
        <>
            { for conflict }
            { for choice }
            <NoticeView lang={app.lang} notice={app.notice.clone()} {on_dismiss} {rescue} />
        </>
    }
}
