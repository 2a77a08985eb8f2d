//! SKM / IKM calculator (Permenpan RB 14/2017): counts per answer value per unsur, or a CSV of
//! responses; NRR per unsur, IKM computed with 1/9, mutu pelayanan A–D; attachable as evidence.

use patuh_core::exports::{skm_file, Format};
use patuh_core::skm::{self, three_decimals, Mutu, Survey, N_UNSUR, UNSUR};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::browser;
use crate::components::app::offer;
use crate::i18n::{num, t};
use crate::state::{use_app, Action, SkmEdit, View};

/// The SKM/IKM calculator screen.
#[component]
pub fn Skm() -> Html {
    let app = use_app();
    let lang = app.lang;
    // The figures live in the app state (kept when the user leaves, and in storage).
    let counts = app.skm;
    let csv_error = use_state(|| None::<String>);
    let survey = Survey::from_counts(counts);
    // The core's view of the result: the figures the SKM documents show too.
    let view = survey.as_ref().ok().map(Survey::view);
    let cell = |u: usize, v: usize| {
        let value = counts[u][v];
        let counts = app.dispatcher();
        let id = format!("patuh-skm-{u}-{v}");
        let oninput = Callback::from(move |e: InputEvent| {
            let raw = e.target_unchecked_into::<HtmlInputElement>().value();
            let count = raw.trim().parse().unwrap_or(0);
            counts.dispatch(Action::Skm(SkmEdit::Set { unsur: u, value: v, count }));
        });
        html! {
            <td data-label={(v + 1).to_string()}>
                <label class="patuh-sr" for={id.clone()}>{ format!("{} — {} {}", UNSUR[u].name(lang), t(lang).skm_value, v + 1) }</label>
                <input {id} class="patuh-num" type="number" min="0" step="1" inputmode="numeric" value={value.to_string()} {oninput} />
            </td>
        }
    };
    let rows = (0..N_UNSUR).map(|u| {
        let nrr = view
            .as_ref()
            .map(|v| three_decimals(v.rows[u].nrr, lang))
            .unwrap_or_else(|| "–".into());
        html! {
            <tr>
                <th scope="row">{ format!("{} {}", UNSUR[u].code, UNSUR[u].name(lang)) }</th>
                { for (0..4).map(|v| cell(u, v)) }
                <td class="patuh-nrr" data-label="NRR">{ nrr }</td>
            </tr>
        }
    });
    let on_csv = {
        let (counts, csv_error) = (app.dispatcher(), csv_error.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(f) = input.files().and_then(|l| l.item(0)) else { return };
            input.set_value("");
            let (counts, csv_error) = (counts.clone(), csv_error.clone());
            spawn_local(async move {
                let bytes = browser::read_file(&f).await.unwrap_or_default();
                match skm::from_csv(&String::from_utf8_lossy(&bytes)) {
                    Ok(s) => {
                        counts.dispatch(Action::Skm(SkmEdit::Replace(*s.counts())));
                        csv_error.set(None);
                    }
                    Err(e) => csv_error.set(Some(e.message(lang))),
                }
            });
        })
    };
    let back = {
        let app = app.clone();
        let to = if app.doc.is_some() { View::Walk } else { View::Home };
        Callback::from(move |_| app.dispatch(Action::Show(to)))
    };
    let result = match &survey {
        Err(e) => html! { <p class="patuh-muted" id="patuh-ikm-status">{ e.message(lang) }</p> },
        Ok(s) => html! { <SkmResult survey={s.clone()} /> },
    };
    html! {
        <div class="patuh-skm">
            <div class="patuh-walk__bar">
                <button type="button" class="patuh-btn" onclick={back}>{ "← " }{ t(lang).back }</button>
            </div>
            <h1 tabindex="-1">{ t(lang).skm_calculator }</h1>
            <p class="patuh-muted">{ t(lang).skm_intro }</p>
            <section class="patuh-card">
                <label class="patuh-btn patuh-file" for="patuh-skm-csv">{ t(lang).skm_import }
                    <input class="patuh-sr" id="patuh-skm-csv" type="file" accept=".csv,text/csv,text/plain" onchange={on_csv} />
                </label>
                if let Some(e) = &*csv_error { <p class="patuh-error" role="alert">{ e.clone() }</p> }
                <div class="patuh-table-wrap">
                    <table class="patuh-table patuh-table--stack patuh-skm__grid">
                        <caption class="patuh-sr">{ t(lang).skm_caption }</caption>
                        <thead><tr>
                            <th scope="col">{ t(lang).skm_element }</th>
                            <th scope="col">{ "1" }</th><th scope="col">{ "2" }</th><th scope="col">{ "3" }</th><th scope="col">{ "4" }</th>
                            <th scope="col">{ "NRR" }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            </section>
            <section class="patuh-card" aria-live="polite">{ result }</section>
            if let Ok(s) = &survey {
                <SkmAttach survey={s.clone()} />
            }
        </div>
    }
}

/// Props of [`SkmResult`] and [`SkmAttach`].
#[derive(Properties, PartialEq)]
struct SurveyProps {
    survey: Survey,
}

/// The IKM, its service quality, the downloads (each the survey shown, rendered in one call) and
/// the quality bands.
#[component]
fn SkmResult(props: &SurveyProps) -> Html {
    let lang = use_app().lang;
    let s = &props.survey;
    let ikm = s.ikm();
    let download = |format: Format| {
        let s = s.clone();
        Callback::from(move |_| {
            let (now, delim) = (browser::now_iso(), patuh_core::report::csv::SEMICOLON);
            offer(&skm_file(&s, format, lang, &now, delim), "skm-ikm", &browser::today(), format);
        })
    };
    let bands = Mutu::ALL.iter().rev().map(|m| {
        let (lo, hi) = m.interval();
        html! { <tr class={classes!((*m == ikm.mutu).then_some("patuh-row--unit"))}>
            <td>{ m.letter() }</td><td>{ m.label(lang) }</td><td>{ format!("{} – {}", num(lang, lo), num(lang, hi)) }</td>
        </tr> }
    });
    html! {
        <div>
            <p class="patuh-summary__label">{ t(lang).skm_ikm }</p>
            <p class="patuh-summary__score" id="patuh-ikm">{ num(lang, ikm.score) }</p>
            <p id="patuh-mutu"><strong>{ format!("{} {} — {}", t(lang).skm_quality, ikm.mutu.letter(), ikm.mutu.label(lang)) }</strong></p>
            <p class="patuh-muted">{ (t(lang).skm_formula)(s.respondents(), &num(lang, ikm.score_weight_011)) }</p>
            <div class="patuh-row">
                <button type="button" class="patuh-btn" id="patuh-skm-html" onclick={download(Format::Html)}>{ t(lang).download_result_html }</button>
                <button type="button" class="patuh-btn" id="patuh-skm-pdf" onclick={download(Format::Pdf)}>{ t(lang).download_result_pdf }</button>
                <button type="button" class="patuh-btn" id="patuh-skm-csv" onclick={download(Format::Csv)}>{ t(lang).download_csv }</button>
            </div>
            <table class="patuh-table">
                <thead><tr><th scope="col">{ t(lang).skm_quality_col }</th><th scope="col">{ t(lang).skm_performance }</th><th scope="col">{ t(lang).skm_range }</th></tr></thead>
                <tbody>{ for bands }</tbody>
            </table>
        </div>
    }
}

/// Attaches the result to the open assessment as a note of an indicator of the user's choice.
#[component]
fn SkmAttach(props: &SurveyProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let target = use_state(|| None::<String>);
    let attached = use_state(|| false);
    let (Some(_), Some(ins), Some(place)) =
        (app.doc.as_ref(), app.instrument(), app.current_place())
    else {
        return html! {};
    };
    let s = &props.survey;
    let ikm = s.ikm();
    let options: Vec<(String, String)> = ins
        .sections
        .iter()
        .flat_map(|sec| {
            sec.indicators.iter().map(move |i| {
                (i.id.clone(), format!("{} — {}", sec.title.get(lang), i.text.get(lang)))
            })
        })
        .collect();
    let preferred = options
        .iter()
        .find(|(id, _)| id.contains("kepuasan") || id.contains("skm") || id.contains("kinerja"))
        .or(options.first())
        .map(|(id, _)| id.clone())
        .unwrap_or_default();
    let chosen = (*target).clone().unwrap_or(preferred);
    let on_pick = {
        let target = target.clone();
        Callback::from(move |e: Event| {
            target.set(Some(e.target_unchecked_into::<HtmlSelectElement>().value()))
        })
    };
    let note = (t(lang).skm_note)(
        &num(lang, ikm.score),
        ikm.mutu.letter(),
        ikm.mutu.label(lang),
        s.respondents(),
        &browser::today(),
    );
    let on_attach = {
        let (app, chosen, attached) = (app.clone(), chosen.clone(), attached.clone());
        Callback::from(move |_| {
            let current = app
                .doc
                .as_ref()
                .and_then(|d| app.instrument().and_then(|i| d.entry(i, &place, &chosen)))
                .map(|e| e.note.clone())
                .unwrap_or_default();
            let text = if current.is_empty() { note.clone() } else { format!("{current}\n{note}") };
            app.dispatch(Action::Note { place: place.clone(), indicator: chosen.clone(), text });
            attached.set(true);
        })
    };
    html! {
        <section class="patuh-card" aria-labelledby="patuh-skm-attach-h">
            <h2 id="patuh-skm-attach-h">{ t(lang).skm_attach_title }</h2>
            <div class="patuh-field">
                <label for="patuh-skm-target">{ t(lang).indicator }</label>
                <select id="patuh-skm-target" onchange={on_pick}>
                    { for options.iter().map(|(id, label)| html! { <option value={id.clone()} selected={*id == chosen}>{ label.clone() }</option> }) }
                </select>
            </div>
            <button type="button" class="patuh-btn" id="patuh-skm-attach" onclick={on_attach}>{ t(lang).skm_attach_btn }</button>
            if *attached { <p role="status">{ t(lang).skm_attached }</p> }
        </section>
    }
}
