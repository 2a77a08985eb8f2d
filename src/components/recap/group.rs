//! One instrument group of the recap screen: the pemda score with its status and what it counts
//! (the recap's words, `recap::summary`, as in every recap file), the zone distribution, the OPD
//! and unit table, and the weakest indicators.

use patuh_core::recap::{self, Group, GroupWords, SortKey};
use patuh_core::report::recap_html::{
    opd_table_of, recap_band, recap_texts, result_header, rule_text, OpdColumn, OpdLine,
    WEAKEST_SHOWN,
};
use patuh_core::Lang;
use yew::prelude::*;

use super::texts::{below_in, st};
use crate::components::zone_badge::ZoneBadge;
use crate::i18n::{num, t};

/// One group: its heading, score card, distribution, OPD table (with `tools`, the sort and filter,
/// right above it) and weakest indicators.
pub fn group_view(
    lang: Lang,
    g: &Group,
    w: &GroupWords,
    sort: (SortKey, bool),
    filter: &str,
    tools: Html,
) -> Html {
    let ins = g.instrument;
    html! {
        <section class="patuh-card patuh-recap__group" aria-label={ins.title.get(lang).to_string()}>
            <h2>{ ins.title.get(lang) }{ format!(" ({})", ins.years) }</h2>
            if ins.provisional { <p class="patuh-flag">{ t(lang).provisional_instrument }</p> }
            { score_card(lang, g, w) }
            if let Some(d) = &w.duplicates {
                <p class="patuh-callout" role="note">{ "⚠ " }{ d.clone() }</p>
            }
            if let Some(p) = &w.periods {
                <p class="patuh-callout" role="note">{ "⚠ " }{ p.text() }</p>
            }
            { distribution(lang, g, w) }
            <h3>{ st(lang).opds }</h3>
            { tools }
            { opd_table(lang, g, sort, filter) }
            { weakest(lang, g) }
        </section>
    }
}

/// The pemda score, its opinion or zone, final or provisional and why, and what it counts.
fn score_card(lang: Lang, g: &Group, w: &GroupWords) -> Html {
    let ins = g.instrument;
    let rt = recap_texts(lang);
    html! {
        <div class="patuh-summary">
            <p class="patuh-summary__label">{ rt.pemda_score }</p>
            if let Some(m) = &g.pemda {
                <p class="patuh-summary__score" id="patuh-pemda-score">{ num(lang, m.score) }</p>
                if let Some(o) = g.opinion(lang) {
                    <p class="patuh-opinion" id="patuh-pemda-opinion"><strong>{ o }</strong></p>
                } else {
                    <ZoneBadge band={patuh_core::report::band_view(ins, &ins.bands[m.band], lang)} />
                }
            } else {
                <p class="patuh-summary__score">{ t(lang).no_score }</p>
            }
            <p class="patuh-summary__status" id="patuh-pemda-status">
                <strong>{ w.label }</strong>{ " · " }{ w.status.clone() }
            </p>
            <p id="patuh-pemda-counted">
                { rt.rule }{ ": " }<strong>{ rule_text(g.distribution.counted, lang) }</strong>{ ". " }{ w.counted.clone() }
            </p>
            <p class="patuh-muted">{ ins.scoring.aggregation.get(lang) }</p>
        </div>
    }
}

fn distribution(lang: Lang, g: &Group, w: &GroupWords) -> Html {
    let ins = g.instrument;
    let rt = recap_texts(lang);
    let counted = recap::counted_text(g.distribution.counted, lang);
    let total: usize = g.scored().max(1);
    let rows = g.distribution.bands.iter().rev().map(|b| {
        let share = patuh_core::Ratio::new(b.count as u128 * 100, total as u128).map(|r| r.round2());
        html! {
            <tr>
                <th scope="row">if let Some(v) = recap_band(ins, b.band, lang) { <ZoneBadge band={v} /> }</th>
                <td data-label={rt.count}>{ b.count }</td>
                <td data-label={rt.share}><progress class="patuh-meter" max={total.to_string()} value={b.count.to_string()} aria-hidden="true"></progress>
                    { format!(" {} %", num(lang, share.unwrap_or_default())) }</td>
            </tr>
        }
    });
    html! {
        <>
            <h3>{ rt.distribution }{ format!(" ({counted})") }</h3>
            <table class="patuh-table patuh-table--stack patuh-recap__dist">
                <thead><tr><th scope="col">{ result_header(ins, lang) }</th><th scope="col">{ rt.count }</th><th scope="col">{ rt.share }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            if let Some(u) = &w.unscored { <p class="patuh-muted">{ u.clone() }</p> }
        </>
    }
}

/// The OPD table: the recap files' view-model (`opd_table_of`, the lines the HTML and PDF lay
/// out), over the rows sorted and filtered as chosen. Each OPD says which file it comes from.
fn opd_table(lang: Lang, g: &Group, sort: (SortKey, bool), filter: &str) -> Html {
    let sx = st(lang);
    let mut opds = g.opds.clone();
    recap::sort_opds(&mut opds, sort.0, sort.1);
    let needle = recap::normalise_opd(filter);
    opds.retain(|o| needle.is_empty() || recap::normalise_opd(&o.opd).contains(&needle));
    let table = opd_table_of(g, &opds, lang);
    let heads = table.columns.iter().map(|c| html! { <th scope="col">{ c.label }</th> });
    let rows = table.lines.iter().map(|l| opd_line(&table.columns, l));
    html! {
        <>
            if opds.is_empty() { <p class="patuh-muted">{ sx.no_match }</p> }
            <div class="patuh-table-wrap">
                <table class="patuh-table patuh-table--stack" id="patuh-recap-table">
                    <thead><tr>{ for heads }</tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </>
    }
}

/// One line of the OPD table: an OPD (with its file, pemda and period) or one of its units.
fn opd_line(columns: &[OpdColumn], l: &OpdLine) -> Html {
    let cells = columns.iter().skip(1).zip(l.figures()).map(|(c, v)| {
        html! { <td data-label={c.label}>{ v }</td> }
    });
    html! {
        <tr class={l.opd.then_some("patuh-row--unit")}>
            <th scope="row" class={(!l.opd).then_some("patuh-indent")}>
                { l.name.clone() }
                if let Some(d) = l.duplicate { { format!(" ⚠ {d}") } }
                if !l.about.is_empty() {
                    <span class="patuh-recap__about">{ l.about.join(" · ") }</span>
                }
            </th>
            { for cells }
        </tr>
    }
}

fn weakest(lang: Lang, g: &Group) -> Html {
    if g.weakest.is_empty() {
        return html! {};
    }
    let ins = g.instrument;
    let counted = recap::counted_text(g.distribution.counted, lang);
    let items = g.weakest.iter().take(WEAKEST_SHOWN).map(|w| {
        let text = ins
            .indicator(&w.indicator)
            .map(|i| i.text.get(lang).to_string())
            .unwrap_or_else(|| w.indicator.clone());
        html! {
            <li>{ text }<span class="patuh-muted">{ below_in(w.below_max, counted, lang) }</span></li>
        }
    });
    html! {
        <>
            <h3>{ recap_texts(lang).weakest }</h3>
            <ol class="patuh-list">{ for items }</ol>
        </>
    }
}
