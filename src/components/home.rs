//! The app's start screen: the plain-DOM start screen (`crate::start::view::StartView`, the same
//! one the first load shows, docs/PERFORMANCE.md "The first load without Yew") hosted in an
//! element, over the app's state; what the user asks for there is carried out by [`act`]. How the
//! first load hands an intent to the app module is `components::handoff`.

use std::cell::RefCell;
use std::rc::Rc;

use patuh_core::keep::{self, OpenCheck};
use patuh_core::open::OpenError;
use patuh_core::persist::DecodeError;
use patuh_core::Assessment;
use yew::prelude::*;

use crate::browser;
use crate::components::handoff::Intent;
use crate::i18n::{decode_error, t, Texts};
use crate::start::fields::limit_text;
use crate::start::view::{Shown, StartView};
use crate::state::{use_app, Action, AppContext, Notice, OpenChoice};

pub use crate::start::fields::NAME_MAX;

/// [`limit_text`] in a live region, so a screen reader reads it out when it appears (the app's
/// other name fields: setup).
pub fn limit_note(tx: &Texts, value: &str) -> Html {
    html! { <span class="patuh-limit" aria-live="polite">{ limit_text(tx, value) }</span> }
}

/// Props of [`Home`].
#[derive(Properties, PartialEq)]
pub struct HomeStart {
    /// Carried out once when the screen appears: what the user asked for on the start screen of
    /// the first load.
    #[prop_or_default]
    pub first: Option<Intent>,
}

/// The app's start screen: [`StartView`] in an element of its own, over the app's state, the
/// intents carried out by [`act`].
#[component]
pub fn Home(props: &HomeStart) -> Html {
    let app = use_app();
    let busy = use_state(|| props.first.is_some());
    let host = use_node_ref();
    let view: Rc<RefCell<Option<StartView>>> = use_mut_ref(|| None);
    // The saved list is read again whenever the start screen is shown (work of this visit included),
    // and once the open assessment's pending save is written (Back from a walk just begun).
    {
        let app = app.clone();
        use_effect_with(app.save.clone(), move |_| {
            // Only when it changed: at start-up the list is fresh, and a second render of the
            // whole app before the first paint would only delay it.
            let list = browser::library().0;
            if list != *app.library {
                app.dispatch(Action::Library(list));
            }
        });
    }
    let run = {
        let (app, busy) = (app.clone(), busy.clone());
        move |i: Intent| {
            busy.set(true);
            let (app, busy) = (app.clone(), busy.clone());
            yew::platform::spawn_local(async move {
                // On success the start screen is gone; only a failure stays here.
                if !act(&app, i).await {
                    busy.set(false);
                }
            });
        }
    };
    {
        let (run, first) = (run.clone(), props.first.clone());
        use_effect_with((), move |_| {
            if let Some(i) = first {
                run(i)
            }
        });
    }
    {
        // The screen is made once (with the hand-over's names), then follows the state.
        let (app, host, view, first) =
            (app.clone(), host.clone(), view.clone(), props.first.clone());
        use_effect_with((app.lang, app.library.clone(), *busy), move |(lang, library, busy)| {
            let mut view = view.borrow_mut();
            match (view.as_ref(), host.cast::<web_sys::Element>()) {
                (Some(v), _) => {
                    v.set_lang(*lang);
                    v.set_library(library.clone());
                    v.set_busy(*busy);
                }
                (None, Some(el)) => {
                    let shown = Shown {
                        lang: *lang,
                        library: library.clone(),
                        busy: *busy,
                        prefill: first,
                    };
                    let on_delete = move |id: String| {
                        browser::delete(&id);
                        app.dispatch(Action::Library(browser::library().0));
                    };
                    *view = StartView::new(&el, shown, run, on_delete);
                }
                (None, None) => {}
            }
        });
    }
    html! { <div ref={host}></div> }
}

/// Carries out an intent of the start screen; `false` when it failed (a notice says why) or there
/// was nothing to open, so the start screen stays.
pub async fn act(app: &AppContext, intent: Intent) -> bool {
    let lang = app.lang;
    let file_error = |e: OpenError| Action::Notice(Some(Notice::FileError(decode_error(lang, &e))));
    match intent {
        Intent::New { instrument, opd, unit, product } => {
            new_assessment(app, &instrument, [&opd, &unit, &product]).await
        }
        Intent::Open(id) => match browser::load(&id).await {
            // Where the user left off, when the browser remembers it.
            Ok(Some(a)) => {
                app.dispatch(match browser::position::load(&id) {
                    Some(at) => Action::Reopen(Box::new(a), at),
                    None => Action::Begin(Box::new(a)),
                });
                true
            }
            Ok(None) => false,
            // Offline before the instrument's file was cached: say so; the save is fine.
            Err(e @ DecodeError::InstrumentNotLoaded(_)) => {
                app.dispatch(file_error(e.into()));
                false
            }
            // Damaged in a way only the instrument shows: the rescue download.
            Err(_) => {
                app.dispatch(Action::Notice(Some(Notice::Corrupt { key: browser::doc_key(&id) })));
                false
            }
        },
        Intent::Duplicate(id) => match browser::load(&id).await {
            Ok(Some(a)) => {
                let a = patuh_core::keep::copy_of(&a, &browser::new_id());
                app.dispatch(Action::Begin(Box::new(a)));
                true
            }
            Ok(None) => false,
            Err(e) => {
                app.dispatch(file_error(e.into()));
                false
            }
        },
        Intent::File(None) => false,
        Intent::File(Some(f)) => open_chosen_file(app, f).await,
        Intent::Show(v) => {
            app.dispatch(Action::Show(v));
            true
        }
    }
}

/// Starts a new assessment of `instrument` for the OPD, unit and product `names`; `false` (with a
/// notice) when the instrument's data file cannot be fetched.
async fn new_assessment(
    app: &AppContext,
    instrument: &str,
    [opd, unit, product]: [&str; 3],
) -> bool {
    // The instrument's data file is fetched on first use (cached for offline after that).
    match browser::lazy::instrument(instrument).await {
        Ok(ins) => {
            let mut a = Assessment::new(&browser::new_id(), ins, opd, unit, product);
            a.date = browser::today();
            a.period = a.date.get(..4).unwrap_or_default().to_string();
            app.dispatch(Action::Begin(Box::new(a)));
            true
        }
        Err(e) => {
            let e: OpenError = e.into();
            app.dispatch(Action::Notice(Some(Notice::FileError(decode_error(app.lang, &e)))));
            false
        }
    }
}

/// Opens a file the user chose (JSON, HTML report or ZIP bundle); `false` (with a notice saying
/// why) when it cannot be opened, or when it differs from the saved version of the same
/// assessment: then the user is asked (a separate copy or replacing it; never replaced silently,
/// `keep::check_open`), and the start screen stays until they answer.
async fn open_chosen_file(app: &AppContext, f: web_sys::File) -> bool {
    let lang = app.lang;
    let bytes = browser::read_file(&f).await.unwrap_or_default();
    match browser::lazy::open_file(&f.name(), &bytes).await {
        Ok((file, photos_lost)) => {
            // A saved version that cannot be read is left as it is (the saved list offers its
            // rescue download); the file then opens as it is.
            let saved = browser::load_snapshot(&file.assessment.id).await.ok().flatten();
            if let OpenCheck::Differs { newer } = keep::check_open(&file, saved.as_ref()) {
                let saved_at = saved.map(|s| s.saved_at).unwrap_or_default();
                let choice = OpenChoice { file, saved_at, newer, photos_lost };
                app.dispatch(Action::Choose(Some(Box::new(choice))));
                return false;
            }
            app.dispatch(Action::Begin(Box::new(file.assessment)));
            let msg = if photos_lost { t(lang).photos_not_stored } else { t(lang).opened_file };
            app.dispatch(Action::Notice(Some(Notice::Info(msg.to_string()))));
            true
        }
        Err(e) => {
            app.dispatch(Action::Notice(Some(Notice::FileError(decode_error(lang, &e)))));
            false
        }
    }
}
