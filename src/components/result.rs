//! The result screen: it lays out the core report model (`patuh_core::report::Report`), the same
//! value the HTML, PDF and CSV downloads render, so no figure on screen can differ from the files
//! (docs/SCORING.md). Nothing here computes a figure.

mod parts;

use std::rc::Rc;

use patuh_core::exports::{bundle_file, report_file, Format};
use patuh_core::report::{self, Report};
use patuh_core::{persist, Assessment};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::browser;
use crate::components::app::{download_json, offer};
use crate::components::compare::{view_of, CompareCard};
use crate::components::zone_badge::ScoreSummary;
use crate::i18n::t;
use crate::state::{use_app, Action, AppState, Notice, View};
use parts::{Breakdown, Completeness, FixFirst, Legend, Provenance};

/// "Show the walk at this indicator": the place (unit, product) and the indicator's section.
pub(crate) fn goto(
    app: &UseReducerHandle<AppState>,
    place: &patuh_core::assessment::Place,
    indicator: &str,
) -> Callback<MouseEvent> {
    let (Some(doc), Some(ins)) = (app.doc.as_ref(), app.instrument()) else {
        return Callback::noop();
    };
    let pi = doc.places().iter().position(|p| p == place).unwrap_or(0);
    let si = ins
        .sections
        .iter()
        .position(|s| s.indicators.iter().any(|i| i.id == indicator))
        .unwrap_or(0);
    let (app, indicator) = (app.clone(), indicator.to_string());
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        app.dispatch(Action::Goto { place: pi, step: si, indicator: Some(indicator.clone()) });
    })
}

/// The downloads card: every file is the report this screen shows (`r`), rendered by
/// `patuh_core::exports` in one call.
fn downloads(
    app: &UseReducerHandle<AppState>,
    r: &Rc<Report>,
    doc: &Assessment,
    csv_delim: &UseStateHandle<u8>,
) -> Html {
    let lang = app.lang;
    let tx = t(lang);
    let export = |format: Format| {
        let (r, doc, delim) = (r.clone(), doc.clone(), **csv_delim);
        Callback::from(move |_| {
            let save = persist::encode(&doc, &browser::now_iso());
            offer(&report_file(&r, format, delim, &save), &doc.opd, &doc.date, format);
        })
    };
    let dl = {
        let doc = doc.clone();
        Callback::from(move |_| download_json(&doc))
    };
    let dl_zip = {
        let (r, doc) = (r.clone(), doc.clone());
        let d = app.dispatcher();
        Callback::from(move |_| {
            let (r, doc, d) = (r.clone(), doc.clone(), d.clone());
            spawn_local(async move {
                let mut photos = Vec::new();
                for id in doc.photo_ids() {
                    if let Some(b) = browser::photos::bytes(&id).await {
                        photos.push((id, b));
                    }
                }
                let save = persist::encode(&doc, &browser::now_iso());
                match bundle_file(&r, &save, &photos) {
                    Ok(zip) => browser::download_bytes(
                        &persist::file_name(&doc.opd, &doc.date, "zip"),
                        "application/zip",
                        &zip,
                    ),
                    Err(_) => d.dispatch(Action::Notice(Some(Notice::FileError(
                        crate::i18n::file_not_made(lang),
                    )))),
                }
            });
        })
    };
    let on_delim = {
        let csv_delim = csv_delim.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            csv_delim.set(if v == "," { report::csv::COMMA } else { report::csv::SEMICOLON });
        })
    };
    html! {
        <section class="patuh-card" aria-labelledby="patuh-dl-h" id="patuh-downloads">
            <h2 id="patuh-dl-h">{ tx.downloads }</h2>
            <p class="patuh-muted">{ tx.downloads_intro }</p>
            <div class="patuh-row">
                <button type="button" class="patuh-btn patuh-btn--primary" id="patuh-dl-html" onclick={export(Format::Html)}>{ tx.download_html }</button>
                <button type="button" class="patuh-btn" id="patuh-dl-pdf" onclick={export(Format::Pdf)}>{ tx.download_pdf }</button>
                <button type="button" class="patuh-btn" id="patuh-dl-json" onclick={dl}>{ tx.download_json }</button>
                <button type="button" class="patuh-btn" id="patuh-dl-zip" onclick={dl_zip}>{ tx.download_zip }</button>
            </div>
            <div class="patuh-row patuh-dl-csv">
                <label for="patuh-csv-delim">{ tx.csv_separator }</label>
                <select id="patuh-csv-delim" onchange={on_delim}>
                    <option value=";" selected={**csv_delim == report::csv::SEMICOLON}>{ tx.csv_semicolon }</option>
                    <option value="," selected={**csv_delim == report::csv::COMMA}>{ tx.csv_comma }</option>
                </select>
                <button type="button" class="patuh-btn" id="patuh-dl-csv" onclick={export(Format::Csv)}>{ tx.download_csv }</button>
            </div>
        </section>
    }
}

/// The report the screen lays out: the open assessment's, with the comparison when an earlier file
/// was opened (exactly what the downloads are made from).
fn report_of(app: &AppState, before: &Option<Assessment>) -> Option<Report> {
    let (doc, ins) = (app.doc.as_ref()?, app.instrument()?);
    let r = report::build(ins, doc, app.lang, &browser::now_iso());
    Some(match before.as_ref().and_then(|b| view_of(ins, b, doc, app.lang)) {
        Some(v) => r.with_comparison(v),
        None => r,
    })
}

/// The result screen.
#[component]
pub fn ResultView() -> Html {
    let app = use_app();
    let csv_delim = use_state(|| report::csv::SEMICOLON);
    let before = use_state(|| None::<Assessment>);
    let (Some(doc), Some(ins), Some(r)) =
        (app.doc.as_ref(), app.instrument(), report_of(&app, &before).map(Rc::new))
    else {
        return html! {};
    };
    let lang = app.lang;
    let tx = t(lang);
    let back = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Show(View::Walk)))
    };
    let dl = {
        let doc = doc.clone();
        Callback::from(move |_| download_json(&doc))
    };
    html! {
        <div class="patuh-result">
            <div class="patuh-walk__bar">
                <button type="button" class="patuh-btn" onclick={back}>{ "← " }{ tx.back_to_walk }</button>
                <button type="button" class="patuh-btn patuh-btn--ghost" id="patuh-download-json" onclick={dl}>{ tx.download_json }</button>
            </div>
            <h1 tabindex="-1">{ tx.result_title }{ ": " }{ doc.opd.clone() }</h1>
            <section class="patuh-card"><ScoreSummary overall={r.overall.clone()} /></section>
            <crate::components::opinion::OpinionCard report={r.clone()} />
            <Completeness report={r.clone()} />
            <FixFirst report={r.clone()} />
            <Breakdown report={r.clone()} />
            <Legend report={r.clone()} />
            { downloads(&app, &r, doc, &csv_delim) }
            <CompareCard ins={ins} view={r.comparison.clone()} {lang}
                on_before={{ let b = before.clone(); Callback::from(move |a| b.set(a)) }} />
            <Provenance report={r.clone()} />
        </div>
    }
}
