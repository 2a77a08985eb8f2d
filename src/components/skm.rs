//! SKM / IKM calculator (Permenpan RB 14/2017): counts per answer value per unsur, or a CSV of
//! responses; lays out the core's `SkmView` (NRR per unsur, IKM computed with 1/9, mutu pelayanan
//! A–D, whether the sample is small); attachable as evidence. Every rule is the core's
//! (`patuh_core::skm`): this screen computes no figure.

use std::rc::Rc;

use patuh_core::exports::{skm_file, Format};
use patuh_core::report::skm_doc::interval_text;
use patuh_core::skm::{parse_count, Counts, Mutu, Sample, SkmView, Survey, N_UNSUR};
use yew::prelude::*;

use crate::browser;
use crate::components::app::offer;
use crate::i18n::{num, t};
use crate::state::{use_app, Action, View};

mod attach;
mod grid;
mod import;
mod subject;

/// The count grid and what was typed into a box and refused (kept on screen with its message;
/// the tally in `counts` stays the previous one). A reducer, so quick successive edits never
/// overwrite each other.
#[derive(Clone, PartialEq, Default)]
struct Grid {
    counts: Counts,
    refused: [[Option<String>; 4]; N_UNSUR],
}

enum GridAction {
    /// Text typed into the box of unsur `.0`, value `.1` + 1.
    Typed(usize, usize, String),
    Replace(Counts),
}

impl Reducible for Grid {
    type Action = GridAction;
    fn reduce(self: Rc<Self>, a: GridAction) -> Rc<Self> {
        let mut g = (*self).clone();
        match a {
            // The core decides what a tally is (docs/SKM.md §Input); a refused text never
            // changes the tally.
            GridAction::Typed(u, v, raw) => match parse_count(&raw) {
                Ok(n) => (g.counts[u][v], g.refused[u][v]) = (n, None),
                Err(_) => g.refused[u][v] = Some(raw),
            },
            GridAction::Replace(c) => g = Grid { counts: c, ..Grid::default() },
        }
        Rc::new(g)
    }
}

/// The SKM/IKM calculator screen.
#[component]
pub fn Skm() -> Html {
    let app = use_app();
    let lang = app.lang;
    // Starts from the figures kept in the app state (and storage), and keeps each change there,
    // so leaving the calculator or reloading loses nothing (docs/RELIABILITY.md §Lost work).
    let grid = use_reducer(|| Grid { counts: app.skm, ..Grid::default() });
    {
        let app = app.clone();
        use_effect_with(grid.counts, move |c| app.dispatch(Action::Skm(*c)));
    }
    let import = use_state(import::ImportState::default);
    let survey = Survey::from_counts(grid.counts);
    // The core's view of the result: the figures the SKM documents show too.
    let view = survey.as_ref().ok().map(Survey::view);
    let on_csv = import::on_file(&grid, &import, lang);
    let back = {
        let app = app.clone();
        let to = if app.doc.is_some() { View::Walk } else { View::Home };
        Callback::from(move |_| app.dispatch(Action::Show(to)))
    };
    let result = match (&survey, &view) {
        (Ok(s), Some(v)) => html! { <SkmResult survey={s.clone()} view={v.clone()} /> },
        (Err(e), _) => {
            html! { <p class="patuh-muted" id="patuh-ikm-status">{ e.message(lang) }</p> }
        }
        (Ok(_), None) => html! {},
    };
    html! {
        <div class="patuh-skm">
            <div class="patuh-walk__bar">
                <button type="button" class="patuh-btn" onclick={back}>{ "← " }{ t(lang).back }</button>
            </div>
            <h1 tabindex="-1">{ t(lang).skm_calculator }</h1>
            <p class="patuh-muted">{ t(lang).skm_intro }</p>
            <section class="patuh-card">
                <subject::SubjectFields />
                <label class="patuh-btn patuh-file" for="patuh-skm-csv">{ t(lang).skm_import }
                    <input class="patuh-sr" id="patuh-skm-csv" type="file" accept=".csv,text/csv,text/plain" onchange={on_csv} />
                </label>
                <import::ImportLine grid={grid.clone()} state={import.clone()} />
                { grid::table(&grid, view.as_ref(), lang) }
            </section>
            <section class="patuh-card" aria-live="polite">{ result }</section>
            if let (Ok(s), Some(v)) = (&survey, &view) {
                <attach::SkmAttach survey={s.clone()} view={v.clone()} />
            }
        </div>
    }
}

/// Props of [`SkmResult`] and [`attach::SkmAttach`]: the survey (for the downloads) and the core's
/// view of it (for every figure shown).
#[derive(Properties, PartialEq)]
struct SurveyProps {
    survey: Survey,
    pub(super) view: SkmView,
}

/// The IKM, its service quality, whether the sample is small, the downloads (each the survey
/// shown, rendered in one call) and the quality bands.
#[component]
fn SkmResult(props: &SurveyProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let (s, v) = (&props.survey, &props.view);
    let ikm = &v.ikm;
    let download = |format: Format| {
        let (s, who) = (s.clone(), app.skm_subject.clone());
        Callback::from(move |_| {
            let (now, delim) = (browser::now_iso(), patuh_core::report::csv::SEMICOLON);
            let bytes = skm_file(&s, &who, format, lang, &now, delim);
            offer(&bytes, &who.file_stem(), &browser::today(), format);
        })
    };
    let bands = Mutu::ALL.iter().rev().map(|m| {
        html! { <tr class={classes!((*m == ikm.mutu).then_some("patuh-row--unit"))}>
            <td>{ m.letter() }</td><td>{ m.label(lang) }</td><td>{ interval_text(*m, lang) }</td>
        </tr> }
    });
    html! {
        <div>
            <p class="patuh-summary__label">{ t(lang).skm_ikm }</p>
            <p class="patuh-summary__score" id="patuh-ikm">{ num(lang, ikm.score) }</p>
            <p id="patuh-mutu"><strong>{ format!("{} {} — {}", t(lang).skm_quality, ikm.mutu.letter(), ikm.mutu.label(lang)) }</strong></p>
            if v.sample == Sample::Small {
                <p class="patuh-skm__sample" id="patuh-skm-sample">{ v.sample.message(v.respondents, lang) }</p>
            }
            <p class="patuh-muted">{ (t(lang).skm_formula)(v.respondents, &num(lang, ikm.score_weight_011)) }</p>
            <div class="patuh-row">
                <button type="button" class="patuh-btn" id="patuh-skm-html" onclick={download(Format::Html)}>{ t(lang).download_result_html }</button>
                <button type="button" class="patuh-btn" id="patuh-skm-pdf" onclick={download(Format::Pdf)}>{ t(lang).download_result_pdf }</button>
                <button type="button" class="patuh-btn" id="patuh-skm-dl-csv" onclick={download(Format::Csv)}>{ t(lang).download_csv }</button>
            </div>
            <table class="patuh-table">
                <thead><tr><th scope="col">{ t(lang).skm_quality_col }</th><th scope="col">{ t(lang).skm_performance }</th><th scope="col">{ t(lang).skm_range }</th></tr></thead>
                <tbody>{ for bands }</tbody>
            </table>
        </div>
    }
}
