//! The zone badge (colour, icon shape and text) and the live score summary.

use patuh_core::instrument::{BandDef, Zone};
use patuh_core::scoring::assess;
use patuh_core::{Hundredths, Lang};
use yew::prelude::*;

use crate::i18n::{num, t, zone};
use crate::state::{use_app, Action, View};

/// Props of [`ZoneBadge`].
#[derive(Properties, PartialEq)]
pub struct ZoneBadgeProps {
    pub band: BandDef,
    pub lang: Lang,
}

/// "Zona Hijau — Kualitas Tertinggi (A)" with a shape per zone, so colour is never the only cue.
#[component]
pub fn ZoneBadge(props: &ZoneBadgeProps) -> Html {
    let b = &props.band;
    let (cls, icon) = match b.zone {
        Zone::Hijau => ("patuh-zone--hijau", "●"),
        Zone::Kuning => ("patuh-zone--kuning", "▲"),
        Zone::Merah => ("patuh-zone--merah", "■"),
        Zone::Hitam => ("patuh-zone--hitam", "✖"),
    };
    let grade = b.grade.as_ref().map(|g| format!(" ({g})")).unwrap_or_default();
    html! {
        <span class={classes!("patuh-zone", cls)} id="patuh-zone" data-zone={zone(Lang::Id, b.zone).to_lowercase()}>
            <span class="patuh-zone__icon" aria-hidden="true">{ icon }</span>
            { format!("{} — {}{grade}", zone(props.lang, b.zone), b.label.get(props.lang)) }
        </span>
    }
}

/// Props of [`ScoreSummary`].
#[derive(Properties, PartialEq)]
pub struct ScoreSummaryProps {
    #[prop_or_default]
    pub compact: bool,
}

/// Live score, zone, status (provisional/final) and the number of unanswered indicators.
#[component]
pub fn ScoreSummary(props: &ScoreSummaryProps) -> Html {
    let app = use_app();
    let (Some(doc), Some(ins)) = (app.doc.as_ref(), app.instrument()) else {
        return html! {};
    };
    let lang = app.lang;
    let tx = t(lang);
    let r = assess(ins, doc);
    let band = r.band(ins);
    let assumed = ins.scoring.weights_assumed.is_some() || ins.scale.assumed.is_some();
    let to_result = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Show(View::Result)))
    };
    html! {
        <div class="patuh-summary">
            <p class="patuh-summary__label">{ tx.score }{ " · " }{ ins.title.get(lang) }</p>
            if let Some(b) = band {
                <p class="patuh-summary__score" id="patuh-score" data-score={Hundredths::en(b.score)}>{ num(lang, b.score) }</p>
                <ZoneBadge band={b.def.clone()} {lang} />
            } else {
                <p class="patuh-summary__score" id="patuh-score">{ tx.no_score }</p>
            }
            <p class="patuh-summary__status" id="patuh-status">
                if r.provisional() {
                    <strong>{ tx.provisional }</strong>{ format!(" · {} {}", r.unanswered, tx.unanswered) }
                } else {
                    <strong>{ tx.final_result }</strong>
                }
            </p>
            if assumed {
                <p class="patuh-summary__assumed">
                    <span class="patuh-tag patuh-tag--assumed">{ tx.assumed_label }</span>
                    // In the walk's side panel a short pointer; the full reasons are on the result screen.
                    if props.compact {
                        { " " }{ crate::i18n::tr(lang, "Bobot dan aturan yang diasumsikan dijelaskan di halaman hasil.", "Assumed weights and rules are explained on the result page.") }
                    } else {
                        { " " }{ ins.scoring.weights_assumed.as_ref().map(|a| a.get(lang).to_string()).unwrap_or_default() }
                    }
                </p>
            }
            if props.compact {
                <button type="button" class="patuh-btn" onclick={to_result}>{ tx.see_result }</button>
            }
        </div>
    }
}
