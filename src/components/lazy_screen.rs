//! Screens that live in the tools module (the result, the pemda recap and the SKM calculator), so
//! the app's first load carries none of them (docs/PERFORMANCE.md); the walk prefetches
//! the module, so the result opens at once.
//!
//! App side: [`LazyScreen`] loads the tools module on first use and mounts the screen into an
//! element Yew leaves empty. Tools side: [`mount`] runs the screen as a small Yew app of its own
//! over a copy of the state it needs, and sends back what the app must know as [`ScreenEvent`]s:
//! "show another view" (at a place and step: the result's "go to this indicator") and "the open
//! assessment changed" (SKM "attach as evidence").

use std::cell::RefCell;
use std::rc::Rc;

use patuh_core::{persist, Lang};
use serde::{Deserialize, Serialize};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::browser;
use crate::browser::lazy::Screen;
use crate::components::app::Notices;
use crate::components::{recap::Recap, result::ResultView, skm::Skm};
use crate::i18n::{screen_error, tr};
use crate::state::{use_app, Action, AppContext, AppState, View};

/// What a screen starts from (sent as JSON).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScreenState {
    /// Which screen: [`View::Result`], [`View::Recap`] or [`View::Skm`].
    pub view: View,
    /// Interface language.
    pub lang: Lang,
    /// The open assessment as a save file (docs/FORMAT.md), if one is open.
    pub doc: Option<String>,
    /// Current place of the walk (index into `Assessment::places`).
    pub place: usize,
    /// Current step (section index).
    pub step: usize,
}

/// What a screen tells the app (sent as JSON).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "lowercase")]
pub enum ScreenEvent {
    /// Leave the screen for this view, at this place and step of the walk.
    Show {
        /// The view to show.
        view: View,
        /// Index into `Assessment::places`.
        place: usize,
        /// Section index.
        step: usize,
    },
    /// The open assessment changed (a save file).
    Doc {
        /// The assessment as a save file.
        doc: String,
    },
}

/// Props of [`LazyScreen`].
#[derive(Properties, PartialEq)]
pub struct LazyScreenProps {
    /// [`View::Result`], [`View::Recap`] or [`View::Skm`].
    pub view: View,
}

/// App side: the tools module's screen `view`, mounted when the module has loaded.
#[component]
pub fn LazyScreen(props: &LazyScreenProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let host = use_node_ref();
    let screen = use_mut_ref(|| None::<Screen>);
    let failed = use_state(|| None::<String>);
    let ready = use_state(|| false);
    let attempt = use_state(|| 0u32);
    // The language as of the last render (it may change while the module loads), and which mount
    // is current: a mount that completes after the screen was left or retried is removed at once.
    let lang_now = use_mut_ref(|| lang);
    *lang_now.borrow_mut() = lang;
    let generation = use_mut_ref(|| 0u32);
    {
        let (host, screen, failed, ready, app) =
            (host.clone(), screen.clone(), failed.clone(), ready.clone(), app.clone());
        let generation = generation.clone();
        use_effect_with((props.view, *attempt), move |(view, _)| {
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            let state = ScreenState {
                view: *view,
                lang: app.lang,
                doc: app.doc.as_ref().map(|d| persist::encode(d, &browser::now_iso())),
                place: app.place,
                step: app.step,
            };
            let json = serde_json::to_string(&state).unwrap_or_default();
            let dispatcher = app.dispatcher();
            let lang = app.lang;
            let (slot, current, lang_now) = (screen.clone(), generation.clone(), lang_now.clone());
            if let Some(el) = host.cast::<web_sys::Element>() {
                spawn_local(async move {
                    let on_event = move |e: String| match serde_json::from_str(&e) {
                        Ok(ScreenEvent::Show { view: View::Walk, place, step }) => {
                            dispatcher.dispatch(Action::Goto { place, step })
                        }
                        Ok(ScreenEvent::Show { view, .. }) => {
                            dispatcher.dispatch(Action::Show(view))
                        }
                        Ok(ScreenEvent::Doc { doc }) => {
                            if let Ok(s) = persist::decode(&doc) {
                                dispatcher.dispatch(Action::Replace(Box::new(s.assessment)));
                            }
                        }
                        Err(_) => {}
                    };
                    match Screen::mount(&el, &json, on_event).await {
                        // Left or retried meanwhile: dropping the screen removes it.
                        Ok(s) if *current.borrow() != mine => drop(s),
                        Ok(s) => {
                            s.set_lang(*lang_now.borrow());
                            *slot.borrow_mut() = Some(s);
                            ready.set(true);
                        }
                        Err(e) => failed.set(Some(screen_error(lang, &e))),
                    }
                });
            }
            move || {
                *generation.borrow_mut() += 1;
                drop(screen.borrow_mut().take())
            }
        });
    }
    {
        let screen = screen.clone();
        use_effect_with(lang, move |lang| {
            if let Some(s) = screen.borrow().as_ref() {
                s.set_lang(*lang);
            }
        });
    }
    let retry = {
        let (failed, attempt) = (failed.clone(), attempt.clone());
        Callback::from(move |_| {
            failed.set(None);
            attempt.set(*attempt + 1);
        })
    };
    // Where the screen's own "back" would lead: the walk when an assessment is open (result, SKM).
    let back = {
        let app = app.clone();
        let to =
            if app.doc.is_some() && props.view != View::Recap { View::Walk } else { View::Home };
        Callback::from(move |_| app.dispatch(Action::Show(to)))
    };
    html! {
        <>
            if let Some(msg) = (*failed).clone() {
                <div class="patuh-notice patuh-notice--error" role="alert">
                    <p>{ msg }</p>
                    <div class="patuh-row">
                        <button type="button" class="patuh-btn" onclick={retry}>{ tr(lang, "Coba lagi", "Try again") }</button>
                        <button type="button" class="patuh-btn patuh-btn--ghost" onclick={back}>{ tr(lang, "Kembali", "Back") }</button>
                    </div>
                </div>
            } else if !*ready {
                <p class="patuh-muted" role="status">{ tr(lang, "Memuat…", "Loading…") }</p>
            }
            // Yew leaves this element's children alone: the tools module renders into it.
            <div class="patuh-lazy" ref={host}></div>
        </>
    }
}

/// Tools side: a mounted screen, with what the app can still tell it.
pub struct Mounted {
    app: yew::AppHandle<ScreenRoot>,
    dispatcher: Rc<RefCell<Option<UseReducerDispatcher<AppState>>>>,
}

impl Mounted {
    /// The interface language changed in the app.
    pub fn set_lang(&self, lang: Lang) {
        if let Some(d) = self.dispatcher.borrow().as_ref() {
            d.dispatch(Action::SetLang(lang));
        }
    }

    /// Removes the screen.
    pub fn unmount(self) {
        self.app.destroy();
    }
}

/// Tools side: mounts the screen `state` names into `el`; `emit` gets each [`ScreenEvent`] as JSON.
pub async fn mount(
    el: web_sys::Element,
    state: &str,
    emit: Callback<String>,
) -> Result<Mounted, wasm_bindgen::JsValue> {
    let state: ScreenState =
        serde_json::from_str(state).map_err(|e| wasm_bindgen::JsValue::from(e.to_string()))?;
    // The tools module has no instrument compiled in: the open assessment's (which the app has
    // fetched, so it usually comes from the cache) is fetched and registered here too.
    if let Some(doc) = &state.doc {
        browser::lazy::decode(doc).await.map_err(browser::lazy::refusal)?;
    }
    let dispatcher = Rc::new(RefCell::new(None));
    let props = ScreenRootProps { state, emit, dispatcher: Holder(dispatcher.clone()) };
    let app = yew::Renderer::<ScreenRoot>::with_root_and_props(el, props).render();
    Ok(Mounted { app, dispatcher })
}

/// Where [`ScreenRoot`] leaves its dispatcher for [`Mounted::set_lang`] (never compared).
#[derive(Clone)]
pub struct Holder(Rc<RefCell<Option<UseReducerDispatcher<AppState>>>>);

impl PartialEq for Holder {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Props of [`ScreenRoot`].
#[derive(Properties, PartialEq)]
pub struct ScreenRootProps {
    /// What the screen starts from.
    pub state: ScreenState,
    /// Sends an event to the app.
    pub emit: Callback<String>,
    /// Where the root leaves its dispatcher.
    pub dispatcher: Holder,
}

/// Tools side: the screen over its own copy of the app state; the components are the app's own.
#[component]
pub fn ScreenRoot(props: &ScreenRootProps) -> Html {
    let start = props.state.clone();
    let state = use_reducer(move || AppState {
        lang: start.lang,
        doc: start.doc.as_deref().and_then(|d| persist::decode(d).ok()).map(|s| s.assessment),
        view: start.view,
        place: start.place,
        step: start.step,
        ..AppState::default()
    });
    *props.dispatcher.0.borrow_mut() = Some(state.dispatcher());
    // What was last sent: the view and the document's revision (`AppState::rev`, so the document
    // is neither copied nor compared on each render).
    let sent = use_mut_ref(|| (props.state.view, state.rev));
    {
        let (emit, sent) = (props.emit.clone(), sent.clone());
        let state = state.clone();
        use_effect_with((state.view, state.rev), move |&(view, rev)| {
            let mut sent = sent.borrow_mut();
            if view != sent.0 {
                sent.0 = view;
                let e = ScreenEvent::Show { view, place: state.place, step: state.step };
                emit.emit(serde_json::to_string(&e).unwrap_or_default());
            }
            if rev != sent.1 {
                sent.1 = rev;
                if let Some(d) = &state.doc {
                    let e = ScreenEvent::Doc { doc: persist::encode(d, &browser::now_iso()) };
                    emit.emit(serde_json::to_string(&e).unwrap_or_default());
                }
            }
        });
    }
    let screen = match props.state.view {
        View::Result => html! { <ResultView /> },
        View::Recap => html! { <Recap /> },
        _ => html! { <Skm /> },
    };
    html! {
        <ContextProvider<AppContext> context={state}>
            <Notices />
            { screen }
        </ContextProvider<AppContext>>
    }
}
