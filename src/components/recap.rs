//! Pemda recap: many self-assessment files at once (JSON, HTML reports, evidence bundles), the
//! pemda score by the instrument's own rule, the zone distribution, and the weakest indicators.
//! The counts and the status are the recap's words (`recap::summary`), the same as in its files.

mod group;
mod texts;

use std::rc::Rc;

use patuh_core::exports::{recap_file, Format};
use patuh_core::recap::{self, SortKey, SummaryWords};
use patuh_core::Lang;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::browser;
use crate::components::app::offer;
use crate::state::{use_app, Action, View};
use group::group_view;
use texts::st;

/// Turns a dropped/chosen file into text the recap reads: a bundle that opens as its JSON, any
/// other file as `patuh_core::open::as_text` gives it (the core words what is wrong with it).
pub async fn file_text(bytes: &[u8]) -> String {
    if bytes.starts_with(b"PK") {
        if let Ok(o) = browser::lazy::open("", bytes).await {
            return patuh_core::persist::encode(&o.snapshot.assessment, &o.snapshot.saved_at);
        }
    }
    patuh_core::open::as_text(bytes)
}

/// Reads the chosen files and adds them (name, text) to those already recapped.
fn add_callback(
    files: &UseStateHandle<Vec<(String, String)>>,
    loading: &UseStateHandle<bool>,
) -> Callback<Vec<web_sys::File>> {
    let (files, loading) = (files.clone(), loading.clone());
    Callback::from(move |list: Vec<web_sys::File>| {
        let (files, loading) = (files.clone(), loading.clone());
        loading.set(true);
        spawn_local(async move {
            // Files may use any instrument: load them all (a failure shows per file).
            let _ = browser::lazy::all_instruments().await;
            let read = browser::read_files(list).await;
            let mut all = (*files).clone();
            for (n, b) in read {
                all.push((n, file_text(&b).await));
            }
            files.set(all);
            loading.set(false);
        });
    })
}

/// The recap screen.
#[component]
pub fn Recap() -> Html {
    let app = use_app();
    let lang = app.lang;
    let sx = st(lang);
    let files = use_state(Vec::<(String, String)>::new);
    let sort = use_state(|| (SortKey::Score, true));
    let filter = use_state(String::new);
    let loading = use_state(|| false);
    let result = use_memo((*files).clone(), |f| recap::recap(f));
    let words = recap::summary(&result, lang);

    let add_files = add_callback(&files, &loading);
    // Every download is the recap this screen shows, rendered in one call.
    let download = {
        let result = result.clone();
        Rc::new(move |format: Format| {
            let (now, delim) = (browser::now_iso(), patuh_core::report::csv::SEMICOLON);
            offer(
                &recap_file(&result, format, lang, &now, delim),
                "rekap-pemda",
                &browser::today(),
                format,
            );
        })
    };
    let clear = {
        let files = files.clone();
        Callback::from(move |_| files.set(Vec::new()))
    };
    let back = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Show(View::Home)))
    };
    // The sort and filter stand right above the first OPD table they order.
    let groups = result.groups.iter().zip(&words.groups).enumerate().map(|(k, (g, w))| {
        let tools = if k == 0 {
            tools(lang, &sort, &filter)
        } else {
            html! {}
        };
        group_view(lang, g, w, *sort, &filter, tools)
    });

    html! {
        <div class="patuh-recap">
            <div class="patuh-walk__bar">
                <button type="button" class="patuh-btn" onclick={back}>{ "← " }{ sx.back }</button>
            </div>
            <h1 tabindex="-1">{ sx.title }</h1>
            <section class="patuh-card">
                <p>{ sx.intro }</p>
                { chooser(lang, add_files) }
                if *loading { <p role="status">{ sx.reading }</p> }
                if !files.is_empty() {
                    { counts(lang, &words) }
                    <button type="button" class="patuh-btn patuh-btn--ghost" onclick={clear}>{ sx.clear }</button>
                }
            </section>
            if !result.groups.is_empty() {
                { downloads(lang, download) }
            }
            { for groups }
        </div>
    }
}

/// The file input and the drop area.
fn chooser(lang: Lang, add: Callback<Vec<web_sys::File>>) -> Html {
    let sx = st(lang);
    let onchange = {
        let add = add.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = input.files() {
                add.emit(browser::files_of(&list));
            }
            input.set_value("");
        })
    };
    let ondrop = Callback::from(move |e: DragEvent| {
        e.prevent_default();
        if let Some(list) = e.data_transfer().and_then(|d| d.files()) {
            add.emit(browser::files_of(&list));
        }
    });
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    html! {
        <div class="patuh-drop" {ondrop} {ondragover}>
            <label class="patuh-btn patuh-btn--primary patuh-file" for="patuh-recap-files">
                { sx.choose }
                <input class="patuh-sr" id="patuh-recap-files" type="file" multiple=true accept=".json,.html,.htm,.zip,application/json,text/html,application/zip" {onchange} />
            </label>
            <span class="patuh-muted">{ sx.or_drop }</span>
        </div>
    }
}

/// "5 berkas dipilih, 4 terbaca, 1 tidak dapat dibaca: …" and each refused file with its reason:
/// the recap's one count, as in its files (docs/SCORING.md §Pemda recap).
fn counts(lang: Lang, words: &SummaryWords) -> Html {
    let refused = words.refused.iter().map(|(name, reason)| {
        html! { <li><strong>{ name.clone() }</strong>{ ": " }{ reason.clone() }</li> }
    });
    // Files naming other pemda, or none, said under the heading they qualify.
    let notes = words.pemdas.iter().map(|l| l.text()).chain(words.no_pemda.clone()).map(|s| {
        html! { <p class="patuh-callout" role="note">{ "⚠ " }{ s }</p> }
    });
    html! {
        <>
            if let Some(p) = &words.pemda { <p id="patuh-recap-pemda"><strong>{ p.clone() }</strong></p> }
            <p role="status" id="patuh-recap-count">{ words.files.text() }</p>
            { for notes }
            if !words.refused.is_empty() {
                <div class="patuh-notice patuh-notice--error" role="alert">
                    <div>
                        <p><strong>{ st(lang).refused }</strong></p>
                        <ul class="patuh-list" id="patuh-recap-errors">{ for refused }</ul>
                    </div>
                </div>
            }
        </>
    }
}

/// Sorting and the OPD name filter.
fn tools(
    lang: Lang,
    sort: &UseStateHandle<(SortKey, bool)>,
    filter: &UseStateHandle<String>,
) -> Html {
    let sx = st(lang);
    let on_sort = {
        let sort = sort.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            sort.set(match v.as_str() {
                "opd" => (SortKey::Opd, false),
                "score-asc" => (SortKey::Score, false),
                "zone" => (SortKey::Zone, false),
                _ => (SortKey::Score, true),
            });
        })
    };
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            filter.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let s = **sort;
    html! {
        <div class="patuh-row patuh-recap__tools">
            <div class="patuh-field patuh-field--inline">
                <label for="patuh-recap-sort">{ sx.sort }</label>
                <select id="patuh-recap-sort" onchange={on_sort}>
                    <option value="score-desc" selected={s == (SortKey::Score, true)}>{ sx.sort_high }</option>
                    <option value="score-asc" selected={s == (SortKey::Score, false)}>{ sx.sort_low }</option>
                    <option value="opd" selected={s.0 == SortKey::Opd}>{ sx.sort_opd }</option>
                    <option value="zone" selected={s.0 == SortKey::Zone}>{ sx.sort_zone }</option>
                </select>
            </div>
            <div class="patuh-field patuh-field--inline">
                <label for="patuh-recap-filter">{ sx.filter }</label>
                <input id="patuh-recap-filter" type="text" value={(**filter).clone()} oninput={on_filter} />
            </div>
        </div>
    }
}

/// The three downloads, each the recap on this screen.
fn downloads(lang: Lang, download: Rc<dyn Fn(Format)>) -> Html {
    let sx = st(lang);
    let button = |id: &'static str, format: Format, label: &'static str, primary: bool| {
        let download = download.clone();
        let onclick = Callback::from(move |_| download(format));
        let class = if primary { "patuh-btn patuh-btn--primary" } else { "patuh-btn" };
        html! { <button type="button" {class} {id} {onclick}>{ label }</button> }
    };
    html! {
        <section class="patuh-card" aria-labelledby="patuh-recap-dl-h">
            <h2 id="patuh-recap-dl-h">{ sx.download }</h2>
            <div class="patuh-row">
                { button("patuh-recap-html", Format::Html, sx.download_html, true) }
                { button("patuh-recap-pdf", Format::Pdf, sx.download_pdf, false) }
                { button("patuh-recap-csv", Format::Csv, sx.download_csv, false) }
            </div>
        </section>
    }
}
