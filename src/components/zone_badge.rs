//! The zone badge (colour, icon shape and text) and the score summary, both laid out from the core
//! report model (`patuh_core::report::{BandView, Overall}`), so the walk, the result screen and
//! every downloaded file show the same figures and words.

use patuh_core::instrument::Zone;
use patuh_core::report::{self, BandView, Overall};
use patuh_core::Lang;
use yew::prelude::*;

use crate::i18n::t;
use crate::state::{use_app, Action, View};

/// Props of [`ZoneBadge`].
#[derive(Properties, PartialEq)]
pub struct ZoneBadgeProps {
    pub band: BandView,
    /// `patuh-zone` on the headline badge (tests and the embedding page read its `data-zone`).
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

/// "Zona Hijau — Kualitas Tertinggi (A)" with a shape per zone, so colour is never the only cue.
#[component]
pub fn ZoneBadge(props: &ZoneBadgeProps) -> Html {
    let b = &props.band;
    let cls = match b.zone {
        Zone::Hijau => "patuh-zone patuh-zone--hijau",
        Zone::Kuning => "patuh-zone patuh-zone--kuning",
        Zone::Merah => "patuh-zone patuh-zone--merah",
        Zone::Hitam => "patuh-zone patuh-zone--hitam",
    };
    html! {
        <span class={cls} id={props.id.clone()} data-zone={report::zone_name(b.zone, Lang::Id).to_lowercase()}>
            <span class="patuh-zone__icon" aria-hidden="true">{ report::zone_symbol(b.zone) }</span>
            { b.title() }
        </span>
    }
}

/// Props of [`OverallView`].
#[derive(Properties, PartialEq)]
pub struct OverallViewProps {
    pub overall: Overall,
    pub title: String,
    pub lang: Lang,
}

/// The OPD score, its band and whether it is final, as the core report model states them.
#[component]
pub fn OverallView(props: &OverallViewProps) -> Html {
    let (o, tx) = (&props.overall, t(props.lang));
    html! {
        <>
            <p class="patuh-summary__label">{ tx.score }{ " · " }{ props.title.clone() }</p>
            // Before the first answer the core gives words, not "0,00" in the lowest band.
            if let Some(pending) = &o.pending {
                <p class="patuh-summary__score patuh-summary__score--none" id="patuh-score">{ pending.clone() }</p>
            } else if let (Some(score), Some(words)) = (&o.score, &o.opinion) {
                <p class="patuh-summary__score" id="patuh-score" data-score={score.value.en()}>{ score.text.clone() }</p>
                // The 2025 result is an opinion; no colour zone is its headline (docs/SCORING.md §Opinion).
                <p class="patuh-opinion" id="patuh-opinion"><strong>{ words.clone() }</strong></p>
            } else if let (Some(score), Some(band)) = (&o.score, &o.band) {
                <p class="patuh-summary__score" id="patuh-score" data-score={score.value.en()}>{ score.text.clone() }</p>
                <ZoneBadge band={band.clone()} id="patuh-zone" />
            } else {
                <p class="patuh-summary__score" id="patuh-score">{ tx.no_score }</p>
            }
            <p class="patuh-summary__status" id="patuh-status">
                // What is missing, named for what it is: the core's words, as in every file.
                if let Some(missing) = &o.missing {
                    <strong>{ tx.provisional }</strong>{ format!(" — {missing}") }
                } else if o.score.is_none() {
                    // No score is not a final result: the core says why.
                    { o.status.clone() }
                } else {
                    <strong>{ tx.final_result }</strong>
                }
            </p>
        </>
    }
}

/// One sentence under the score: an estimate, not an official figure (the core's words, as in
/// every file); on the result screen a link to the provenance, where the weights, sources and
/// rounding are explained.
fn estimate_note(lang: Lang, compact: bool) -> Html {
    let rt = report::texts(lang);
    html! {
        <p class="patuh-summary__assumed">
            <strong>{ rt.estimate }</strong>
            if !compact {
                { " " }<a href="#patuh-provenance">{ t(lang).provenance }</a>
            }
        </p>
    }
}

/// Props of [`ScoreSummary`].
#[derive(Properties, PartialEq)]
pub struct ScoreSummaryProps {
    /// `None` in the walk: the live summary of the open assessment (`report::summary`); the result
    /// screen passes the summary of the report it lays out.
    #[prop_or_default]
    pub overall: Option<Overall>,
    #[prop_or_default]
    pub compact: bool,
}

/// Score, zone, status (provisional/final) and the number of unanswered indicators.
#[component]
pub fn ScoreSummary(props: &ScoreSummaryProps) -> Html {
    let app = use_app();
    let (Some(doc), Some(ins)) = (app.doc.as_ref(), app.instrument()) else {
        return html! {};
    };
    let lang = app.lang;
    let overall = props.overall.clone().unwrap_or_else(|| report::summary(ins, doc, lang));
    let to_result = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Show(View::Result)))
    };
    html! {
        <div class="patuh-summary">
            <OverallView {overall} title={ins.title.get(lang).to_string()} {lang} />
            { estimate_note(lang, props.compact) }
            if props.compact {
                <button type="button" class="patuh-btn" onclick={to_result}>{ t(lang).see_result }</button>
            }
        </div>
    }
}
