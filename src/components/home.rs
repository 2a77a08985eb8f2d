//! Start screen: continue the last assessment, the saved list, and a new assessment.

use patuh_core::persist::DecodeError;
use patuh_core::{instrument, Assessment};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser;
use crate::i18n::{decode_error, t, tr};
use crate::state::{use_app, Action, Notice, View};

fn input_value(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// The start screen.
#[component]
pub fn Home() -> Html {
    let app = use_app();
    let lang = app.lang;
    let tx = t(lang);
    // Pre-filled from the URL parameters or the host's data-* attributes (src/embed.rs).
    let cfg = crate::embed::config();
    let choice = use_state(|| {
        cfg.instrument
            .clone()
            // The newest instrument that is not provisional (ori-2025 must be chosen on purpose).
            .or_else(|| {
                instrument::catalogue().iter().rev().find(|i| !i.provisional).map(|i| i.id.clone())
            })
            .unwrap_or_default()
    });
    let opd = use_state(|| cfg.opd.clone().unwrap_or_default());
    let unit = use_state(|| cfg.unit.clone().unwrap_or_default());
    let product = use_state(|| cfg.product.clone().unwrap_or_default());
    let tried = use_state(|| false);
    // True while the chosen instrument's file is fetched (a second click must not start twice).
    let starting = use_state(|| false);
    let confirm = use_state(|| None::<String>);
    // The saved list is read again whenever the start screen is shown (work of this visit included).
    {
        let app = app.clone();
        use_effect_with((), move |_| {
            // Only when it changed: at start-up the list is fresh, and a second render of the
            // whole app before the first paint would only delay it.
            let list = browser::library().0;
            if list != app.library {
                app.dispatch(Action::Library(list));
            }
        });
    }

    let open = {
        let app = app.clone();
        Callback::from(move |id: String| {
            let app = app.clone();
            yew::platform::spawn_local(async move {
                match browser::load(&id).await {
                    Ok(Some(a)) => app.dispatch(Action::Begin(Box::new(a))),
                    Ok(None) => {}
                    // Offline before the instrument's file was cached: say so; the save is fine.
                    Err(e @ DecodeError::InstrumentNotLoaded(_)) => app.dispatch(Action::Notice(
                        Some(Notice::FileError(decode_error(app.lang, &e))),
                    )),
                    // Damaged in a way only the instrument shows: the rescue download.
                    Err(_) => app.dispatch(Action::Notice(Some(Notice::Corrupt {
                        key: browser::doc_key(&id),
                    }))),
                }
            })
        })
    };
    let refresh = {
        let app = app.clone();
        move || app.dispatch(Action::Library(browser::library().0))
    };

    let resume = browser::last_id().and_then(|id| app.library.iter().find(|s| s.id == id).cloned());
    let resume_html = match resume {
        Some(s) => {
            let open = open.clone();
            let id = s.id.clone();
            html! {
                <section class="patuh-card patuh-card--accent" aria-labelledby="patuh-resume-h">
                    <h2 id="patuh-resume-h">{ tx.continue_last }</h2>
                    <p><strong>{ s.opd.clone() }</strong>{ " · " }{ s.instrument.clone() }</p>
                    <button type="button" class="patuh-btn patuh-btn--primary" id="patuh-continue"
                        onclick={Callback::from(move |_| open.emit(id.clone()))}>{ tx.continue_btn }</button>
                </section>
            }
        }
        None => html! {},
    };

    let rows = app.library.iter().map(|s| {
        let id = s.id.clone();
        let open_cb = { let open = open.clone(); let id = id.clone(); Callback::from(move |_| open.emit(id.clone())) };
        let dup_cb = {
            let app = app.clone();
            let id = id.clone();
            Callback::from(move |_| {
                let (app, id) = (app.clone(), id.clone());
                yew::platform::spawn_local(async move {
                    match browser::load(&id).await {
                        Ok(Some(mut a)) => {
                            a.id = browser::new_id();
                            a.opd = format!("{} (2)", a.opd);
                            app.dispatch(Action::Begin(Box::new(a)));
                        }
                        Ok(None) => {}
                        Err(e) => app.dispatch(Action::Notice(Some(Notice::FileError(
                            decode_error(app.lang, &e),
                        )))),
                    }
                })
            })
        };
        let asking = confirm.as_deref() == Some(id.as_str());
        let ask = { let confirm = confirm.clone(); let id = id.clone(); Callback::from(move |_| confirm.set(Some(id.clone()))) };
        let no = { let confirm = confirm.clone(); Callback::from(move |_| confirm.set(None)) };
        let yes = {
            let confirm = confirm.clone();
            let refresh = refresh.clone();
            let id = id.clone();
            Callback::from(move |_| {
                browser::delete(&id);
                confirm.set(None);
                refresh();
            })
        };
        html! {
            <li class="patuh-saved__item" key={id.clone()}>
                <div>
                    <strong>{ s.opd.clone() }</strong>
                    <span class="patuh-muted">{ format!(" · {} · {}", s.instrument, s.saved_at.get(..16).unwrap_or(&s.saved_at).replace('T', " ")) }</span>
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

    let cards = instrument::catalogue().iter().map(|ins| {
        let checked = *choice == ins.id;
        let id = ins.id.clone();
        let onchange = { let choice = choice.clone(); Callback::from(move |_| choice.set(id.clone())) };
        let input_id = format!("patuh-ins-{}", ins.id);
        html! {
            <label class={classes!("patuh-choice", checked.then_some("patuh-choice--on"))} for={input_id.clone()}>
                <input type="radio" name="patuh-instrument" id={input_id} value={ins.id.clone()} {checked} {onchange} />
                <span class="patuh-choice__body">
                    <strong>{ ins.title.get(lang) }</strong>
                    <span>{ format!("{}: {}", tx.years, ins.years) }</span>
                    <span>{ format!("{}: {}", tx.legal_basis, ins.legal_basis.get(lang)) }</span>
                    <span class="patuh-muted">{ ins.summary.get(lang) }</span>
                    if ins.provisional { <span class="patuh-flag">{ tx.provisional_instrument }</span> }
                </span>
            </label>
        }
    });

    let missing = |v: &str| *tried && v.trim().is_empty();
    let field = |id: &'static str,
                 label: &'static str,
                 hint: &'static str,
                 st: &UseStateHandle<String>| {
        let st2 = st.clone();
        let oninput = Callback::from(move |e: InputEvent| st2.set(input_value(&e)));
        let err = missing(st);
        let hint_id = format!("{id}-hint");
        let err_id = format!("{id}-err");
        let described = if err { format!("{hint_id} {err_id}") } else { hint_id.clone() };
        html! {
            <div class="patuh-field">
                <label for={id}>{ label }</label>
                <input id={id} type="text" value={(**st).clone()} {oninput} required=true autocomplete="organization"
                    aria-invalid={err.to_string()} aria-describedby={described} maxlength="200" />
                <p class="patuh-hint" id={hint_id}>{ hint }</p>
                if err { <p class="patuh-error" id={err_id}>{ tx.required }</p> }
            </div>
        }
    };

    let onsubmit = {
        let (app, choice, opd, unit, product, tried, starting) = (
            app.clone(),
            choice.clone(),
            opd.clone(),
            unit.clone(),
            product.clone(),
            tried.clone(),
            starting.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            tried.set(true);
            if opd.trim().is_empty()
                || unit.trim().is_empty()
                || product.trim().is_empty()
                || *starting
            {
                return;
            }
            starting.set(true);
            let (app, choice, starting) = (app.clone(), (*choice).clone(), starting.clone());
            let names =
                (opd.trim().to_string(), unit.trim().to_string(), product.trim().to_string());
            // The instrument's data file is fetched on first use (cached for offline after that).
            yew::platform::spawn_local(async move {
                match browser::lazy::instrument(&choice).await {
                    Ok(ins) => {
                        let mut a =
                            Assessment::new(&browser::new_id(), ins, &names.0, &names.1, &names.2);
                        a.date = browser::today();
                        a.period = a.date.get(..4).unwrap_or_default().to_string();
                        app.dispatch(Action::Begin(Box::new(a)));
                    }
                    Err(e) => {
                        starting.set(false);
                        app.dispatch(Action::Notice(Some(Notice::FileError(decode_error(
                            app.lang, &e,
                        )))))
                    }
                }
            });
        })
    };

    let open_file = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(f) = input.files().and_then(|l| l.item(0)) else { return };
            input.set_value("");
            let app = app.clone();
            yew::platform::spawn_local(async move {
                let bytes = browser::read_file(&f).await.unwrap_or_default();
                match crate::components::recap::open_bytes(&bytes).await {
                    Ok((a, photos_lost)) => {
                        app.dispatch(Action::Begin(Box::new(a)));
                        let msg = if photos_lost {
                            crate::i18n::tr(app.lang,
                                "Berkas dibuka, tetapi foto bukti tidak dapat disimpan di peramban ini (penyimpanan penuh atau diblokir). Foto tetap ada di berkas ZIP Anda.",
                                "File opened, but its evidence photos could not be stored in this browser (storage full or blocked). They are still in your ZIP file.").to_string()
                        } else {
                            t(app.lang).opened_file.to_string()
                        };
                        app.dispatch(Action::Notice(Some(Notice::Info(msg))));
                    }
                    Err(e) => app.dispatch(Action::Notice(Some(Notice::FileError(decode_error(
                        app.lang, &e,
                    ))))),
                }
            });
        })
    };
    let show = |v: View| {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Show(v)))
    };

    html! {
        <div class="patuh-home">
            { resume_html }
            <section class="patuh-card patuh-home__tools" aria-label={tr(lang, "Alat lain", "Other tools")}>
                <label class="patuh-btn patuh-file" for="patuh-open-file">{ tx.open_file }
                    <input class="patuh-sr" id="patuh-open-file" type="file" accept=".json,.html,.htm,.zip,application/json,text/html,application/zip" onchange={open_file} />
                </label>
                <button type="button" class="patuh-btn" id="patuh-open-recap" onclick={show(View::Recap)}>{ tr(lang, "Rekap pemda (banyak berkas)", "Regional recap (many files)") }</button>
                <button type="button" class="patuh-btn" id="patuh-open-skm" onclick={show(View::Skm)}>{ tr(lang, "Kalkulator SKM / IKM", "SKM / IKM calculator") }</button>
            </section>
            <section class="patuh-card" aria-labelledby="patuh-new-h">
                <h1 id="patuh-new-h">{ tx.new_assessment }</h1>
                <form onsubmit={onsubmit} novalidate=true>
                    <fieldset class="patuh-choices">
                        <legend>{ tx.choose_instrument }</legend>
                        { for cards }
                    </fieldset>
                    { field("patuh-opd", tx.opd_name, tx.opd_hint, &opd) }
                    { field("patuh-unit", tx.unit_name, tx.unit_hint, &unit) }
                    { field("patuh-product", tx.product_name, tx.product_hint, &product) }
                    <button type="submit" class="patuh-btn patuh-btn--primary" id="patuh-start" aria-busy={starting.to_string()}>{ tx.start }</button>
                </form>
                <p class="patuh-muted">{ tx.storage_warning }</p>
            </section>
            if !app.library.is_empty() {
                <section class="patuh-card" aria-labelledby="patuh-saved-h">
                    <h2 id="patuh-saved-h">{ tx.saved_list }</h2>
                    <ul class="patuh-saved">{ for rows }</ul>
                </section>
            }
        </div>
    }
}
