//! Start screen: continue the last assessment, the saved list, and a new assessment.
//!
//! [`HomeView`] only shows the screen and says what the user asked for (an [`Intent`]); it is the
//! first screen of the first load (`components::start`, no reducer, no assessment code) and of the
//! app ([`Home`], which carries the intent out with [`act`]). How the first load hands an intent
//! to the app module is `components::handoff`.

use std::rc::Rc;

use patuh_core::open::OpenError;
use patuh_core::persist::DecodeError;
use patuh_core::{instrument, Assessment, Lang};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser;
use crate::components::handoff::Intent;
use crate::i18n::{decode_error, t};
use crate::state::{use_app, Action, AppContext, Notice, Summary, View};

fn input_value(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// Props of [`HomeView`].
#[derive(Properties)]
pub struct HomeProps {
    /// The interface language.
    pub lang: Lang,
    /// The saved assessments, newest first.
    pub library: Rc<Vec<Summary>>,
    /// An intent is being carried out (a second click must not start twice).
    pub busy: bool,
    /// The user asked for something.
    pub on: Callback<Intent>,
    /// The user confirmed deleting a saved assessment.
    pub on_delete: Callback<String>,
    /// The intent being carried out when this screen appeared (a hand-over): its names fill the
    /// form, so nothing typed is lost if it fails.
    #[prop_or_default]
    pub prefill: Option<Intent>,
}

impl PartialEq for HomeProps {
    // The saved list is compared by identity: it is replaced, never changed in place.
    fn eq(&self, o: &Self) -> bool {
        self.lang == o.lang
            && Rc::ptr_eq(&self.library, &o.library)
            && self.busy == o.busy
            && self.on == o.on
            && self.on_delete == o.on_delete
            && self.prefill == o.prefill
    }
}

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
    // The saved list is read again whenever the start screen is shown (work of this visit included).
    {
        let app = app.clone();
        use_effect_with((), move |_| {
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
            // The instrument's data file is fetched on first use (cached for offline after that).
            match browser::lazy::instrument(&instrument).await {
                Ok(ins) => {
                    let mut a = Assessment::new(&browser::new_id(), ins, &opd, &unit, &product);
                    a.date = browser::today();
                    a.period = a.date.get(..4).unwrap_or_default().to_string();
                    app.dispatch(Action::Begin(Box::new(a)));
                    true
                }
                Err(e) => {
                    app.dispatch(file_error(e.into()));
                    false
                }
            }
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
            Ok(Some(mut a)) => {
                a.id = browser::new_id();
                a.opd = format!("{} (2)", a.opd);
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
        Intent::File(Some(f)) => {
            let bytes = browser::read_file(&f).await.unwrap_or_default();
            match browser::lazy::open_file(&f.name(), &bytes).await {
                Ok((a, photos_lost)) => {
                    app.dispatch(Action::Begin(Box::new(a)));
                    let msg = if photos_lost {
                        t(lang).photos_not_stored.to_string()
                    } else {
                        t(lang).opened_file.to_string()
                    };
                    app.dispatch(Action::Notice(Some(Notice::Info(msg))));
                    true
                }
                Err(e) => {
                    app.dispatch(file_error(e));
                    false
                }
            }
        }
        Intent::Show(v) => {
            app.dispatch(Action::Show(v));
            true
        }
    }
}

/// The start screen, without the app's state: the caller carries out what the user asks for.
#[component]
pub fn HomeView(props: &HomeProps) -> Html {
    let lang = props.lang;
    let tx = t(lang);
    // Pre-filled from the URL parameters or the host's data-* attributes (src/embed.rs).
    let cfg = crate::embed::config();
    // A hand-over's names first (nothing typed is lost), then the page's configuration.
    let typed = match &props.prefill {
        Some(Intent::New { instrument, opd, unit, product }) => {
            Some((instrument.clone(), opd.clone(), unit.clone(), product.clone()))
        }
        _ => None,
    };
    let choice = use_state(|| {
        typed
            .as_ref()
            .map(|t| t.0.clone())
            .or_else(|| cfg.instrument.clone())
            // The current round (the catalogue's last entry), with its provisional notice.
            .or_else(|| instrument::catalogue().last().map(|i| i.id.clone()))
            .unwrap_or_default()
    });
    let name = |i: usize, cfg: &Option<String>| match &typed {
        Some(t) => [&t.1, &t.2, &t.3][i].clone(),
        None => cfg.clone().unwrap_or_default(),
    };
    let opd = use_state(|| name(0, &cfg.opd));
    let unit = use_state(|| name(1, &cfg.unit));
    let product = use_state(|| name(2, &cfg.product));
    let tried = use_state(|| false);
    // The id whose deletion awaits confirmation ("" when none).
    let confirm = use_state(String::new);
    let on = props.on.clone();
    let open = on.reform(Intent::Open);

    // An instrument by its name and rounds, as the official knows it (an unknown id as it is).
    let instrument_name = |id: &str| match instrument::listing(id) {
        Some(l) => format!("{} ({})", l.title.get(lang), l.years),
        None => id.to_string(),
    };
    let resume =
        browser::last_id().and_then(|id| props.library.iter().find(|s| s.id == id).cloned());
    let resume_html = match resume {
        Some(s) => {
            let open = open.clone();
            let id = s.id.clone();
            html! {
                <section class="patuh-card patuh-card--accent" aria-labelledby="patuh-resume-h">
                    <h2 id="patuh-resume-h">{ tx.continue_last }</h2>
                    <p><strong>{ s.opd.clone() }</strong>{ " · " }{ instrument_name(&s.instrument) }</p>
                    <button type="button" class="patuh-btn patuh-btn--primary" id="patuh-continue"
                        onclick={Callback::from(move |_| open.emit(id.clone()))}>{ tx.continue_btn }</button>
                </section>
            }
        }
        None => html! {},
    };

    let rows = props.library.iter().map(|s| {
        let id = s.id.clone();
        let open_cb = { let open = open.clone(); let id = id.clone(); Callback::from(move |_| open.emit(id.clone())) };
        let dup_cb = { let on = on.clone(); let id = id.clone(); Callback::from(move |_| on.emit(Intent::Duplicate(id.clone()))) };
        let asking = *confirm == id;
        let ask = { let confirm = confirm.clone(); let id = id.clone(); Callback::from(move |_| confirm.set(id.clone())) };
        let no = { let confirm = confirm.clone(); Callback::from(move |_| confirm.set(String::new())) };
        let yes = {
            let (confirm, on_delete, id) = (confirm.clone(), props.on_delete.clone(), id.clone());
            Callback::from(move |_| {
                confirm.set(String::new());
                on_delete.emit(id.clone());
            })
        };
        html! {
            <li class="patuh-saved__item" key={id.clone()}>
                <div>
                    <strong>{ s.opd.clone() }</strong>
                    <span class="patuh-muted">{ format!(" · {} · {}", instrument_name(&s.instrument), s.saved_at.get(..16).unwrap_or(&s.saved_at).replace('T', " ")) }</span>
                </div>
                if asking {
                    <div class="patuh-confirm" role="group" aria-label={tx.delete}>
                        <p>{ tx.confirm_delete }</p>
                        <button type="button" class="patuh-btn patuh-btn--danger" onclick={yes}>{ tx.delete }</button>
                        <button type="button" class="patuh-btn patuh-btn--ghost" onclick={no}>{ tx.cancel }</button>
                    </div>
                } else {
                    <div class="patuh-row">
                        <button type="button" class="patuh-btn" onclick={open_cb}>{ tx.open }</button>
                        <button type="button" class="patuh-btn patuh-btn--ghost" onclick={dup_cb}>{ tx.duplicate }</button>
                        <button type="button" class="patuh-btn patuh-btn--ghost" onclick={ask}>{ tx.delete }</button>
                    </div>
                }
            </li>
        }
    });

    // The rounds as a compact row of choices, the current one first, so on a phone the form fits
    // about one screen; the chosen instrument is named and explained under it.
    let cards = instrument::catalogue().iter().rev().map(|ins| {
        let checked = *choice == ins.id;
        let id = ins.id.clone();
        let onchange = { let choice = choice.clone(); Callback::from(move |_| choice.set(id.clone())) };
        let input_id = format!("patuh-ins-{}", ins.id);
        html! {
            <label class={if checked { "patuh-choice patuh-choice--on" } else { "patuh-choice" }} for={input_id.clone()}>
                <input type="radio" name="patuh-instrument" id={input_id} value={ins.id.clone()} {checked} {onchange} />
                { ins.years.clone() }<span class="patuh-sr">{ ins.title.get(lang) }</span>
            </label>
        }
    });
    let chosen = instrument::catalogue().iter().find(|i| i.id == *choice).map(|ins| {
        html! {
            <p class="patuh-hint" id="patuh-ins-hint">
                <strong>{ ins.title.get(lang) }</strong>{ ". " }{ ins.purpose.get(lang) }
                if ins.provisional { { " " }<span class="patuh-flag">{ tx.provisional_instrument }</span> }
            </p>
        }
    });
    // What each instrument is and its legal basis: folded under the form.
    let about = instrument::catalogue().iter().map(|ins| {
        html! {
            <>
                <dt>{ format!("{} ({})", ins.title.get(lang), ins.years) }</dt>
                <dd>{ ins.purpose.get(lang) }{ " " }{ ins.summary.get(lang) }</dd>
                <dd>{ format!("{}: {}", tx.legal_basis, ins.legal_basis.get(lang)) }</dd>
            </>
        }
    });

    let missing = |v: &str| *tried && v.trim().is_empty();
    // [id, hint id, error id, both]: written out at compile time (no formatting at run time).
    macro_rules! ids {
        ($id:literal) => {
            [$id, concat!($id, "-hint"), concat!($id, "-err"), concat!($id, "-hint ", $id, "-err")]
        };
    }
    let field = |[id, hint_id, err_id, both]: [&'static str; 4],
                 label: &'static str,
                 hint: &'static str,
                 st: &UseStateHandle<String>| {
        let st2 = st.clone();
        let oninput = Callback::from(move |e: InputEvent| st2.set(input_value(&e)));
        let err = missing(st);
        let described = if err { both } else { hint_id };
        html! {
            <div class="patuh-field">
                <label for={id}>{ label }</label>
                <input id={id} type="text" value={(**st).clone()} {oninput} required=true autocomplete="organization"
                    aria-invalid={if err { "true" } else { "false" }} aria-describedby={described} maxlength="200" />
                <p class="patuh-hint" id={hint_id}>{ hint }</p>
                if err { <p class="patuh-error" id={err_id}>{ tx.required }</p> }
            </div>
        }
    };

    let onsubmit = {
        let (on, busy) = (on.clone(), props.busy);
        let (choice, opd, unit, product, tried) =
            (choice.clone(), opd.clone(), unit.clone(), product.clone(), tried.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            tried.set(true);
            if opd.trim().is_empty() || unit.trim().is_empty() || product.trim().is_empty() || busy
            {
                return;
            }
            on.emit(Intent::New {
                instrument: (*choice).clone(),
                opd: opd.trim().to_string(),
                unit: unit.trim().to_string(),
                product: product.trim().to_string(),
            });
        })
    };

    let open_file = {
        let on = on.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(f) = input.files().and_then(|l| l.item(0)) else { return };
            input.set_value("");
            on.emit(Intent::File(Some(f)));
        })
    };
    let show = |v: View| on.reform(move |_| Intent::Show(v));
    let tools = html! {
        <section class="patuh-card patuh-home__tools" aria-label={t(lang).other_tools}>
            <label class="patuh-btn patuh-file" for="patuh-open-file">{ tx.open_file }
                <input class="patuh-sr" id="patuh-open-file" type="file" accept=".json,.html,.htm,.zip,application/json,text/html,application/zip" onchange={open_file} />
            </label>
            <button type="button" class="patuh-btn" id="patuh-open-recap" onclick={show(View::Recap)}>{ t(lang).open_recap }</button>
            <button type="button" class="patuh-btn" id="patuh-open-skm" onclick={show(View::Skm)}>{ t(lang).skm_calculator }</button>
        </section>
    };

    html! {
        // Busy while what the user asked for loads (the app module, an instrument file): the
        // primary buttons show a spinner (styles/patuh.css).
        <div class="patuh-home" aria-busy={if props.busy { "true" } else { "false" }}>
            { resume_html }
            <section class="patuh-card" aria-labelledby="patuh-new-h">
                <h1 id="patuh-new-h">{ tx.new_assessment }</h1>
                <form onsubmit={onsubmit} novalidate=true>
                    { field(ids!("patuh-opd"), tx.opd_name, tx.opd_hint, &opd) }
                    { field(ids!("patuh-unit"), tx.unit_name, tx.unit_hint, &unit) }
                    { field(ids!("patuh-product"), tx.product_name, tx.product_hint, &product) }
                    <fieldset class="patuh-choices" aria-describedby="patuh-ins-hint">
                        <legend>{ tx.choose_instrument }</legend>
                        { for cards }
                        { for chosen }
                    </fieldset>
                    <button type="submit" class="patuh-btn patuh-btn--primary" id="patuh-start">{ tx.start }</button>
                </form>
                <p class="patuh-muted">{ tx.storage_warning }</p>
                <details class="patuh-about" id="patuh-about">
                    <summary>{ tx.about_instruments }</summary>
                    <dl>{ for about }</dl>
                </details>
            </section>
            if !props.library.is_empty() {
                <section class="patuh-card" aria-labelledby="patuh-saved-h">
                    <h2 id="patuh-saved-h">{ tx.saved_list }</h2>
                    <ul class="patuh-saved">{ for rows }</ul>
                </section>
            }
            { tools }
        </div>
    }
}
