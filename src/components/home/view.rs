//! The start screen's view, [`HomeView`]: continue the last assessment, a new assessment (the
//! names first, then the round), the saved list and the other tools. It only shows the screen and
//! says what the user asked for (an [`Intent`]); it is part of the first load, so it uses the
//! start screen's texts only (`i18n::Texts`).

use std::rc::Rc;

use patuh_core::{instrument, Lang};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser;
use crate::components::handoff::Intent;
use crate::i18n::{t, Texts};
use crate::state::{Summary, View};

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

/// An instrument by its name and rounds, as the official knows it (an unknown id as it is).
fn instrument_name(lang: Lang, id: &str) -> String {
    match instrument::listing(id) {
        Some(l) => format!("{} ({})", l.title.get(lang), l.years),
        None => id.to_string(),
    }
}

/// "Ada penilaian yang belum selesai": the last assessment worked on, if it is still saved.
fn resume_card(tx: &Texts, library: &[Summary], open: &Callback<String>) -> Html {
    let last = browser::last_id();
    let Some(s) = library.iter().find(|s| Some(&s.id) == last.as_ref()) else {
        return html! {};
    };
    let (open, id) = (open.clone(), s.id.clone());
    html! {
        <section class="patuh-card patuh-card--accent" aria-labelledby="patuh-resume-h">
            <h2 id="patuh-resume-h">{ tx.continue_last }</h2>
            <p><strong>{ s.opd.clone() }</strong>{ " · " }{ instrument_name(tx.lang, &s.instrument) }</p>
            <button type="button" class="patuh-btn patuh-btn--primary" id="patuh-continue"
                onclick={Callback::from(move |_| open.emit(id.clone()))}>{ tx.continue_btn }</button>
        </section>
    }
}

/// When a saved assessment was last saved, in the browser's local time (the time on the official's
/// own clock), written as the reports write dates ("3 Desember 2026, 13.43"); as stored when the
/// browser cannot read it.
fn saved_when(saved_at: &str, lang: Lang) -> String {
    browser::local_iso(saved_at)
        .and_then(|local| patuh_core::dates::format_clock(&local, lang))
        .unwrap_or_else(|| saved_at.to_string())
}

/// The saved assessments, each with open, duplicate and delete (deleting asks first).
fn saved_list(props: &HomeProps, confirm: &UseStateHandle<String>) -> Html {
    let tx = t(props.lang);
    let rows = props.library.iter().map(|s| {
        let id = s.id.clone();
        let open_cb = { let on = props.on.clone(); let id = id.clone(); Callback::from(move |_| on.emit(Intent::Open(id.clone()))) };
        let dup_cb = { let on = props.on.clone(); let id = id.clone(); Callback::from(move |_| on.emit(Intent::Duplicate(id.clone()))) };
        let asking = **confirm == id;
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
                    <span class="patuh-muted">{ format!(" · {} · {}", instrument_name(props.lang, &s.instrument), saved_when(&s.saved_at, props.lang)) }</span>
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
    html! {
        <section class="patuh-card" aria-labelledby="patuh-saved-h">
            <h2 id="patuh-saved-h">{ tx.saved_list }</h2>
            <ul class="patuh-saved">{ for rows }</ul>
        </section>
    }
}

/// The rounds as a compact row of choices, the current one first, so on a phone the form fits
/// about one screen; the chosen instrument is named and explained under it.
fn rounds(tx: &Texts, choice: &UseStateHandle<String>) -> Html {
    let lang = tx.lang;
    let cards = instrument::catalogue().iter().rev().map(|ins| {
        let checked = **choice == ins.id;
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
    let chosen = instrument::catalogue().iter().find(|i| i.id == **choice).map(|ins| {
        html! {
            <p class="patuh-hint" id="patuh-ins-hint">
                <strong>{ ins.title.get(lang) }</strong>{ ". " }{ ins.purpose.get(lang) }
                if ins.provisional { { " " }<span class="patuh-flag">{ tx.provisional_instrument }</span> }
            </p>
        }
    });
    html! {
        <fieldset class="patuh-choices" aria-describedby="patuh-ins-hint">
            <legend>{ tx.choose_instrument }</legend>
            { for cards }
            { for chosen }
        </fieldset>
    }
}

/// What each instrument is and its legal basis: folded under the form.
fn about(tx: &Texts) -> Html {
    let lang = tx.lang;
    let items = instrument::catalogue().iter().map(|ins| {
        html! {
            <>
                <dt>{ format!("{} ({})", ins.title.get(lang), ins.years) }</dt>
                <dd>{ ins.purpose.get(lang) }{ " " }{ ins.summary.get(lang) }</dd>
                <dd>{ format!("{}: {}", tx.legal_basis, ins.legal_basis.get(lang)) }</dd>
            </>
        }
    });
    html! {
        <details class="patuh-about" id="patuh-about">
            <summary>{ tx.about_instruments }</summary>
            <dl>{ for items }</dl>
        </details>
    }
}

/// [id, hint id, error id, both]: written out at compile time (no formatting at run time).
macro_rules! ids {
    ($id:literal) => {
        [$id, concat!($id, "-hint"), concat!($id, "-err"), concat!($id, "-hint ", $id, "-err")]
    };
}

/// The longest a name can be (OPD, unit, product, assessor…), in UTF-16 units as the input's
/// `maxlength` counts (docs/FORMAT.md §Dates and names for a reader).
pub const NAME_MAX: usize = 200;

/// Said next to a name field once it holds [`NAME_MAX`] characters (typed, pasted and cut by the
/// browser, or pre-filled by an embedding page): that longer text is cut. Empty before.
pub fn limit_text(tx: &Texts, value: &str) -> &'static str {
    if value.encode_utf16().count() >= NAME_MAX {
        tx.name_limit
    } else {
        ""
    }
}

/// [`limit_text`] in a live region, so a screen reader reads it out when it appears.
pub fn limit_note(tx: &Texts, value: &str) -> Html {
    html! { <span class="patuh-limit" aria-live="polite">{ limit_text(tx, value) }</span> }
}

/// A required name field with its hint, and "Wajib diisi." once a start was tried without it.
fn name_field(
    tx: &Texts,
    [id, hint_id, err_id, both]: [&'static str; 4],
    [label, hint]: [&'static str; 2],
    st: &UseStateHandle<String>,
    tried: bool,
) -> Html {
    let st2 = st.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        st2.set(e.target_unchecked_into::<HtmlInputElement>().value())
    });
    let err = tried && st.trim().is_empty();
    let described = if err { both } else { hint_id };
    html! {
        <div class="patuh-field">
            <label for={id}>{ label }</label>
            <input id={id} type="text" value={(**st).clone()} {oninput} required=true autocomplete="organization"
                aria-invalid={if err { "true" } else { "false" }} aria-describedby={described} maxlength="200" />
            <p class="patuh-hint" id={hint_id} aria-live="polite">{ Some(limit_text(tx, st)).filter(|t| !t.is_empty()).unwrap_or(hint) }</p>
            if err { <p class="patuh-error" id={err_id}>{ tx.required }</p> }
        </div>
    }
}

/// Open a file, the pemda recap and the SKM calculator.
fn tools(tx: &Texts, on: &Callback<Intent>) -> Html {
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
    html! {
        <section class="patuh-card patuh-home__tools" aria-label={tx.other_tools}>
            <label class="patuh-btn patuh-file" for="patuh-open-file">{ tx.open_file }
                <input class="patuh-sr" id="patuh-open-file" type="file" accept=".json,.html,.htm,.zip,application/json,text/html,application/zip" onchange={open_file} />
            </label>
            <button type="button" class="patuh-btn" id="patuh-open-recap" onclick={show(View::Recap)}>{ tx.open_recap }</button>
            <button type="button" class="patuh-btn" id="patuh-open-skm" onclick={show(View::Skm)}>{ tx.skm_calculator }</button>
        </section>
    }
}

/// The start screen, without the app's state: the caller carries out what the user asks for.
#[component]
pub fn HomeView(props: &HomeProps) -> Html {
    let tx = t(props.lang);
    // Pre-filled from the URL parameters or the host's data-* attributes (src/embed.rs).
    let cfg = crate::embed::config();
    // A hand-over's names first (nothing typed is lost), then the page's configuration.
    let typed = match &props.prefill {
        Some(Intent::New { instrument, opd, unit, product }) => {
            Some([instrument.clone(), opd.clone(), unit.clone(), product.clone()])
        }
        _ => None,
    };
    let start = |i: usize, cfg: &Option<String>| match &typed {
        Some(t) => t[i].clone(),
        None => cfg.clone().unwrap_or_default(),
    };
    let choice = use_state(|| {
        Some(start(0, &cfg.instrument))
            .filter(|c| !c.is_empty())
            // The current round (the catalogue's last entry), with its provisional notice.
            .or_else(|| instrument::catalogue().last().map(|i| i.id.clone()))
            .unwrap_or_default()
    });
    let opd = use_state(|| start(1, &cfg.opd));
    let unit = use_state(|| start(2, &cfg.unit));
    let product = use_state(|| start(3, &cfg.product));
    let tried = use_state(|| false);
    // The id whose deletion awaits confirmation ("" when none).
    let confirm = use_state(String::new);
    let onsubmit = {
        let (on, busy) = (props.on.clone(), props.busy);
        let (choice, opd, unit, product, tried) =
            (choice.clone(), opd.clone(), unit.clone(), product.clone(), tried.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            tried.set(true);
            let names = [&opd, &unit, &product].map(|s| s.trim().to_string());
            if names.iter().any(String::is_empty) || busy {
                return;
            }
            let [opd, unit, product] = names;
            on.emit(Intent::New { instrument: (*choice).clone(), opd, unit, product });
        })
    };
    html! {
        // Busy while what the user asked for loads (the app module, an instrument file): the
        // primary buttons show a spinner (styles/patuh.css).
        <div class="patuh-home" aria-busy={if props.busy { "true" } else { "false" }}>
            { resume_card(tx, &props.library, &props.on.reform(Intent::Open)) }
            <section class="patuh-card" aria-labelledby="patuh-new-h">
                <h1 id="patuh-new-h">{ tx.new_assessment }</h1>
                <form onsubmit={onsubmit} novalidate=true>
                    { name_field(tx, ids!("patuh-opd"), [tx.opd_name, tx.opd_hint], &opd, *tried) }
                    { name_field(tx, ids!("patuh-unit"), [tx.unit_name, tx.unit_hint], &unit, *tried) }
                    { name_field(tx, ids!("patuh-product"), [tx.product_name, tx.product_hint], &product, *tried) }
                    { rounds(tx, &choice) }
                    <button type="submit" class="patuh-btn patuh-btn--primary" id="patuh-start">{ tx.start }</button>
                </form>
                <p class="patuh-muted">{ tx.storage_warning }</p>
                { about(tx) }
            </section>
            if !props.library.is_empty() { { saved_list(props, &confirm) } }
            { tools(tx, &props.on) }
        </div>
    }
}
