//! Start screen: continue the last assessment, the saved list, and a new assessment.
//!
//! [`HomeView`] only shows the screen and says what the user asked for (an [`Intent`]); it is the
//! first screen of the first load (`components::start`, no reducer, no assessment code) and of the
//! app ([`Home`], which carries the intent out with [`act`]). How the first load hands an intent
//! to the app module is `components::handoff`.

use patuh_core::keep::{self, OpenCheck};
use patuh_core::open::OpenError;
use patuh_core::persist::DecodeError;
use patuh_core::Assessment;
use yew::prelude::*;

use crate::browser;
use crate::components::handoff::Intent;
use crate::i18n::{decode_error, t};
use crate::state::{use_app, Action, AppContext, Notice, OpenChoice};

mod view;
pub use view::{limit_note, HomeProps, HomeView, NAME_MAX};

/// Props of [`Home`].
#[derive(Properties, PartialEq)]
pub struct HomeStart {
    /// Carried out once when the screen appears: what the user asked for on the start screen of
    /// the first load.
    #[prop_or_default]
    pub first: Option<Intent>,
}

/// The app's start screen: [`HomeView`] over the app's state, the intents carried out by [`act`].
#[component]
pub fn Home(props: &HomeStart) -> Html {
    let app = use_app();
    let busy = use_state(|| props.first.is_some());
    let prefill = use_state(|| props.first.clone());
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
    let on = {
        let busy = busy.clone();
        Callback::from(move |i: Intent| {
            if !*busy {
                run(i)
            }
        })
    };
    let on_delete = {
        let app = app.clone();
        Callback::from(move |id: String| {
            browser::delete(&id);
            app.dispatch(Action::Library(browser::library().0));
        })
    };
    html! {
        <HomeView lang={app.lang} library={app.library.clone()} busy={*busy} {on} {on_delete}
            prefill={(*prefill).clone()} />
    }
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
